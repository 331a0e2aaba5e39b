package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.tack.Main;
import dev.tack.testing.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * A large import beside other processes, with real processes: it holds the write lock only for
 * short batches, shows nothing until it is published, and leaves nothing visible when it fails or
 * is killed with {@code kill -9}; what a killed one staged is swept. The import is held between two
 * batches by its hidden {@code --wait-after-batch} (it waits for a line on stdin, holding no lock),
 * and the test synchronises on its {@code --debug} progress lines, never on time.
 */
class ImportBesideOthersTest extends CliFixture {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String STAGED = "tack: debug: import: staged ";

    private Path cards(String column, int count) throws IOException {
        StringBuilder json = new StringBuilder("{\"format\": \"tack-board\", \"version\": 1, \"columns\": [{\"name\": \"")
                .append(column).append("\", \"cards\": [\n");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",\n").append("{\"title\": \"imported ").append(i)
                    .append("\", \"tags\": [\"bulk\"], \"comments\": [{\"body\": \"note ").append(i).append("\"}]}");
        }
        Path file = folder.resolve(column + "-" + count + ".json");
        Files.writeString(file, json.append("\n]}]}\n").toString());
        return file;
    }

    /** {@code tack --db <db> --debug import --wait-after-batch FILE} in its own JVM, stderr read as its lines. */
    private ChildJvm startImport(Path file, String... extra) {
        List<String> args = new ArrayList<>(List.of("--db", db.toString()));
        args.addAll(List.of(extra));
        args.addAll(List.of("--debug", "import", "--wait-after-batch", file.toString()));
        List<String> java = ChildJvm.command(folder, Main.class, args.toArray(String[]::new));
        List<String> command = new ArrayList<>(List.of("sh", "-c", "exec \"$0\" \"$@\" 2>&1"));
        command.addAll(java);
        return ChildJvm.startCommand("import", command);
    }

    /** {@code tack --db <db> args…} in its own JVM; returns its exit code and output. */
    private CliRun.Result tackProcess(String... args) throws InterruptedException {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        try (ChildJvm child = ChildJvm.start("tack", folder, Main.class, all.toArray(String[]::new))) {
            int exit = child.awaitExit(PATIENCE);
            return new CliRun.Result(exit, String.join("\n", child.lines()), child.stderr());
        }
    }

    private static String awaitProgress(ChildJvm child, int batch) throws InterruptedException {
        int[] seen = {0};
        String line = child.awaitLine(l -> l.startsWith(STAGED) && ++seen[0] == batch, PATIENCE);
        assertThat(line).as("progress line %d of the import; its output: %s", batch, child.tail()).isNotNull();
        return line;
    }

    /** Every card in the file, hidden ones too, read with plain JDBC. */
    private long rows(String sql) {
        return CliRun.number(db, sql);
    }

    @Test
    void anotherProcessAddsWhileTheImportRunsAndNothingShowsUntilItIsPublished() throws Exception {
        Path file = cards("Todo", 5_000);
        try (ChildJvm importer = startImport(file)) {
            awaitProgress(importer, 1); // a batch is committed, the import waits between batches holding no lock

            CliRun.Result added = tackProcess("add", "beside the import");
            assertThat(added.exit()).as(added.err()).isZero();
            assertThat(importer.isAlive()).as("the import had not finished when the add completed").isTrue();
            assertThat(importer.lines()).noneMatch(l -> l.startsWith("imported "));
            assertThat(rows("SELECT count(*) FROM cards WHERE import_id IS NOT NULL")).as("staged, hidden").isPositive();

            // Readers see the board without any of the import: ls, export, the log, check.
            assertThat(tack("ls").expectOk().out()).contains("beside the import").doesNotContain("imported 0");
            assertThat(tack("export").expectOk().out()).doesNotContain("imported 0");
            assertThat(tack("log").expectOk().out()).doesNotContain("imported #");
            assertThat(tack("--json", "ls").expectOk().out()).doesNotContain("\"imported");
            assertThat(tack("check").exit()).isZero();

            importer.closeStdin(); // no more waiting between batches
            assertThat(importer.awaitExit(PATIENCE)).as(String.join("\n", importer.lines())).isZero();
            assertThat(importer.lines()).anyMatch(l -> l.startsWith("imported 5000 card(s)"));
        }
        String ls = tack("ls", "-c", "Todo").expectOk().out();
        assertThat(ls).contains("Todo (5001)").contains("imported 4999").contains("beside the import");
        // The card added while the import ran was at the bottom; it stays below the imported ones.
        assertThat(ls.indexOf("beside the import")).isGreaterThan(ls.indexOf("imported 4999"));
        // The import reserved its ids when it began: the card added meanwhile comes after all of them.
        assertThat(rows("SELECT count(*) FROM cards WHERE import_id IS NOT NULL"
                + " AND id > (SELECT id FROM cards WHERE title = 'beside the import')")).isZero();
        assertThat(tack("check").exit()).isZero();
        assertThat(rows("SELECT count(*) FROM imports")).isZero();
    }

    @Test
    void anImportKilledHalfWayShowsNothingAndTackCheckSweepsWhatItStaged() throws Exception {
        add("before");
        String exportBefore = tack("export").expectOk().out();
        String logBefore = tack("log").expectOk().out();
        Path file = cards("Review", 10_000);
        try (ChildJvm importer = startImport(file, "--board", "copy")) {
            awaitProgress(importer, 1);
            importer.send("");
            awaitProgress(importer, 2); // two batches committed
            importer.kill();
        }
        assertThat(rows("SELECT count(*) FROM cards WHERE import_id IS NOT NULL")).as("left staged by the killed import").isPositive();
        assertThat(rows("SELECT count(*) FROM imports")).isEqualTo(1);

        // Nothing of it is visible: no board, no column, no card, no event.
        assertThat(tack("board", "ls").expectOk().out().strip()).isEqualTo("main");
        assertThat(tack("export").expectOk().out()).isEqualTo(exportBefore);
        assertThat(tack("log").expectOk().out()).isEqualTo(logBefore);
        assertThat(tack("--board", "copy", "ls").exit()).isEqualTo(3);
        assertThat(tack("show", Long.toString(rows("SELECT max(id) FROM cards"))).exit()).isEqualTo(3);

        CliRun.Result check = tack("check");
        assertThat(check.exit()).as(check.out()).isZero();
        assertThat(check.err()).contains("removed what an import that died had staged");
        assertThat(rows("SELECT count(*) FROM imports")).isZero();
        assertThat(rows("SELECT count(*) FROM cards WHERE import_id IS NOT NULL")).isZero();
        assertThat(rows("SELECT count(*) FROM events WHERE import_id IS NOT NULL")).isZero();
        assertThat(rows("SELECT count(*) FROM comments")).isZero();
        assertThat(rows("SELECT count(*) FROM boards")).isEqualTo(1);
        assertThat(tack("check").err()).doesNotContain("removed");

        // The board is free for the next one, which goes through whole.
        tack("--board", "copy", "import", cards("Review", 3).toString()).expectOk();
        assertThat(tack("--board", "copy", "ls").expectOk().out()).contains("Review (3)");
    }

    @Test
    void theNextImportSweepsWhatAKilledOneStaged() throws Exception {
        try (ChildJvm importer = startImport(cards("Todo", 5_000))) {
            awaitProgress(importer, 1);
            importer.kill();
        }
        long staged = rows("SELECT count(*) FROM cards WHERE import_id IS NOT NULL");
        assertThat(staged).isPositive();
        tack("import", cards("Doing", 2).toString()).expectOk();
        assertThat(rows("SELECT count(*) FROM cards")).isEqualTo(2);
        assertThat(rows("SELECT count(*) FROM imports")).isZero();
        assertThat(tack("ls").expectOk().out()).contains("Todo (0)").contains("Doing (2)");
    }

    @Test
    void anImportThatNoLongerFitsWhenItIsPublishedLeavesNothing() throws Exception {
        tack("column", "wip", "Doing", "3", "--hard").expectOk();
        try (ChildJvm importer = startImport(cards("Doing", 2))) {
            awaitProgress(importer, 1); // both cards staged: they fitted when the import began
            assertThat(tackProcess("add", "first", "-c", "Doing").exit()).isZero();
            assertThat(tackProcess("add", "second", "-c", "Doing").exit()).isZero();
            importer.closeStdin();
            assertThat(importer.awaitExit(PATIENCE)).isEqualTo(4);
            assertThat(String.join("\n", importer.lines()))
                    .contains("tack: the file puts 2 card(s) in Doing, which holds 2, over its hard WIP limit of 3");
        }
        assertThat(rows("SELECT count(*) FROM cards")).isEqualTo(2);
        assertThat(rows("SELECT count(*) FROM imports")).isZero();
        assertThat(rows("SELECT count(*) FROM events WHERE import_id IS NOT NULL")).isZero();
        assertThat(rows("SELECT count(*) FROM comments")).isZero();
        assertThat(tack("ls", "-c", "Doing").expectOk().out()).contains("Doing (2/3 hard)").contains("first").contains("second");
        assertThat(tack("log").expectOk().out()).doesNotContain("imported");
        assertThat(tack("check").exit()).isZero();
    }

    @Test
    void cardsThatLeaveTheColumnWhileTheImportRunsLeaveNoGap() throws Exception {
        long first = add("first");
        add("second");
        try (ChildJvm importer = startImport(cards("Todo", 3))) {
            awaitProgress(importer, 1);
            assertThat(tackProcess("mv", Long.toString(first), "Done").exit()).isZero();
            importer.closeStdin();
            assertThat(importer.awaitExit(PATIENCE)).isZero();
        }
        String todo = tack("ls", "-c", "Todo").expectOk().out();
        assertThat(todo).contains("Todo (4)");
        assertThat(todo.indexOf("second")).isLessThan(todo.indexOf("imported 0"));
        assertThat(todo.indexOf("imported 0")).isLessThan(todo.indexOf("imported 2"));
        assertThat(tack("check").exit()).isZero();
    }
}
