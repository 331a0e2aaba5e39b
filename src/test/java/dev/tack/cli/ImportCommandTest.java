package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** tack import through the command line: all or nothing, hard WIP limits, the size limit, errors that say where. */
class ImportCommandTest extends EngineCliFixture {

    private Path file(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static String board(String column, Integer wip, boolean hard, int cards, String last) {
        StringBuilder json = new StringBuilder("{\"format\": \"tack-board\", \"version\": 1, \"columns\": [\n{\"name\": \"")
                .append(column).append("\", \"wip_limit\": ").append(wip).append(", \"wip_hard\": ").append(hard)
                .append(", \"cards\": [\n");
        for (int i = 0; i < cards; i++) {
            json.append("{\"title\": \"card ").append(i).append("\"},\n");
        }
        return json.append(last).append("\n]}]}\n").toString();
    }

    @Test
    void aBadCardAtTheEndImportsNothingAndSaysWhere() throws IOException {
        CliRun.Snapshot before = snapshot();
        Path file = file("b.json", board("Todo", null, false, 500, "{\"title\": \"last\", \"due\": \"someday\"}"));
        CliRun.Result result = tack("import", file.toString()).expectError(2);
        assertThat(result.err()).startsWith("tack: line 503 ").contains("$.columns[0].cards[500].due").contains("'someday'");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aColumnWithAHardLimitIsNotFilledPastIt() throws IOException {
        tack("column", "wip", "Doing", "3", "--hard").expectOk();
        tack("add", "already", "-c", "Doing").expectOk();
        CliRun.Snapshot before = snapshot();
        CliRun.Result result = tack("import", file("w.json", board("Doing", null, false, 2, "{\"title\": \"third\"}")).toString())
                .expectError(4);
        assertThat(result.err()).contains("puts 3 card(s) in Doing, which holds 1, over its hard WIP limit of 3");
        assertThat(snapshot()).isEqualTo(before);
        tack("import", file("ok.json", board("Doing", null, false, 1, "{\"title\": \"second\"}")).toString()).expectOk();
        assertThat(tack("check").exit()).isZero();
    }

    @Test
    void aFileThatBreaksTheHardLimitItDeclaresIsRefused() throws IOException {
        CliRun.Snapshot before = snapshot();
        CliRun.Result result = tack("import", file("n.json", board("Review", 2, true, 2, "{\"title\": \"one too many\"}")).toString())
                .expectError(4);
        assertThat(result.err()).contains("in Review, over its hard WIP limit of 2");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(tack("column", "ls").out()).doesNotContain("Review");
    }

    @Test
    void archivedCardsDoNotCountAgainstTheLimit() throws IOException {
        tack("import", file("a.json", board("Review", 1, true, 1, "{\"title\": \"old\", \"archived\": true}")).toString()).expectOk();
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws IOException {
        Path big = file("big.json", board("Todo", null, false, 60_000, "{\"title\": \"last\"}"));
        assertThat(Files.size(big)).isGreaterThan(1024 * 1024);
        CliRun.Snapshot before = snapshot();
        assertThat(tack("import", "--max-size", "1", big.toString()).expectError(2).err())
                .contains("larger than the import limit of 1 MB");
        assertThat(snapshot()).isEqualTo(before);
        tack("import", "--max-size", "2", big.toString()).expectOk();
    }

    @Test
    void anEndlessDeviceStopsWithAnError() {
        for (String format : new String[] {"json", "csv", "trello"}) {
            CliRun.Result result = tack("import", "-f", format, "--max-size", "2", "/dev/zero").expectError(2);
            assertThat(result.err()).as(format).startsWith("tack: ");
        }
    }

    @Test
    void aCsvWithAByteOrderMarkAndAccentsImports() throws IOException {
        Files.write(folder.resolve("bom.csv"), ("\uFEFFtitle,column\ncaf\u00e9,Todo\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        tack("import", folder.resolve("bom.csv").toString()).expectOk();
        assertThat(tack("ls").out()).contains("caf\u00e9");
    }

    @Test
    void latin1IsRefusedWithTheByteOffset() throws IOException {
        Files.write(folder.resolve("latin.csv"), "title\ncaf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(tack("import", folder.resolve("latin.csv").toString()).expectError(2).err())
                .contains("is not UTF-8: byte offset 9 (line 2) holds 0xE9");
    }
}
