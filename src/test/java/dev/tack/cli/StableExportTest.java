package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.tack.testing.Engine;
import org.junit.jupiter.api.Test;

/** {@code tack export -f tack}: the same board gives the same bytes, and export → import → export is exact (issue 14). */
class StableExportTest extends EngineCliFixture {

    @Test
    void exportImportExportGivesTheSameBytesWithTheIdsKept() throws Exception {
        // ids with gaps: cards on another board take some
        tack("board", "add", "team", "--columns", "Backlog,Now,Shipped").expectOk();
        add("elsewhere");
        tack("--board", "team", "column", "wip", "Now", "2", "--hard").expectOk();
        long a = team("add", "plain");
        add("elsewhere too");
        long b = team("add", "Quote \" tab\t esc \u001b[31m and ünïcødé 漢字", "-c", "Now", "-t", "zeta", "-t", "alpha", "-p", "2",
                "--due", "2026-12-31", "-a", "ann", "-d", "first line\n\n  indented \"quoted\"\ntrailing\n");
        long c = team("add", "waits", "-c", "Now", "--after", a + "," + b);
        team("comment", String.valueOf(b), "a comment\nover two lines");
        team("comment", String.valueOf(b), "second");
        team("checklist", "add", String.valueOf(c), "first step");
        team("checklist", "add", String.valueOf(c), "second step");
        team("checklist", "done", String.valueOf(c), "1");
        long gone = team("add", "archived one", "-c", "Shipped");
        tack("--board", "team", "rm", String.valueOf(gone)).expectOk();

        Path first = folder.resolve("team.tack");
        tack("--board", "team", "export", "-f", "tack", "-o", first.toString()).exit();
        String text = Files.readString(first, StandardCharsets.UTF_8);
        assertThat(text).startsWith("# tack board · format 1").contains("board \"team\"\n", "column \"Now\" wip 2 hard\n",
                "card " + b + "\n", "tags \"alpha\" \"zeta\"\n", "after " + a + " " + b + "\n", "check x \"first step\"\n",
                "  \"  indented \\\"quoted\\\"\"\n", "archived\n");
        assertThat(tack("--board", "team", "export", "-f", "tack").expectOk().out()).isEqualTo(text); // stdout: the same bytes

        String other = engine == Engine.SQLITE ? folder.resolve("copy.db").toString() : engine.newLocation(folder);
        CliRun.tack("init", "--db", other).expectOk();
        // no --format: the header says what it is
        assertThat(CliRun.tack("--db", other, "--board", "team", "import", first.toString()).expectOk().out())
                .contains("imported 4 card(s)", "(tack, ids kept)");
        String again = CliRun.tack("--db", other, "--board", "team", "export", "-f", "tack").expectOk().out();
        assertThat(again).isEqualTo(text);
        assertThat(CliRun.tack("--db", other, "show", String.valueOf(b)).expectOk().out()).contains("second", "ann");
        assertThat(CliRun.tack("--db", other, "check").exit()).isZero();

        // importing it a second time: the ids are taken, so the cards get new ones
        assertThat(CliRun.tack("--db", other, "--board", "again", "import", first.toString()).expectOk().out())
                .contains("new ids");
        long next = Long.parseLong(CliRun.tack("--db", other, "add", "after the import").expectOk().out().strip());
        assertThat(next).isGreaterThan(gone + 4);
    }

    @Test
    void theDefaultBoardRoundTripsIntoAFreshDatabase() throws Exception {
        long one = add("one");
        add("two", "-c", "Doing", "--after", String.valueOf(one));
        Path file = folder.resolve("main.tack");
        tack("export", "-f", "tack", "-o", file.toString()).exit();
        String other = engine == Engine.SQLITE ? folder.resolve("fresh.db").toString() : engine.newLocation(folder);
        CliRun.tack("init", "--db", other).expectOk();
        CliRun.tack("--db", other, "import", file.toString()).expectOk();
        assertThat(CliRun.tack("--db", other, "export", "-f", "tack").expectOk().out())
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void aBadFileNamesItsLineAndWritesNothing() throws Exception {
        Path file = folder.resolve("bad.tack");
        Files.writeString(file, String.join("\n", List.of("# tack board · format 1", "board \"main\"", "column \"Todo\"", "",
                "card 3", "column \"Todo\"", "title \"ok\"", "", "card 4", "column \"Todo\"", "title \"bad\"", "after 9", "")));
        CliRun.Snapshot before = snapshot();
        assertThat(tack("import", file.toString()).expectError(2).err()).contains("line 9", "waits for card 9");
        Files.writeString(file, "# tack board · format 1\nboard \"main\"\n\ncard 1\ncolumn \"Todo\"\ntitle \"x\"\npriority high\n");
        assertThat(tack("import", file.toString()).expectError(2).err()).contains("line 7");
        assertThat(snapshot()).isEqualTo(before);
    }

    private long team(String... args) {
        List<String> all = new ArrayList<>(List.of("--board", "team"));
        all.addAll(List.of(args));
        String out = tack(all.toArray(String[]::new)).expectOk().out().strip();
        return out.matches("\\d+") ? Long.parseLong(out) : -1;
    }
}
