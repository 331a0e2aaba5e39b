package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import dev.tack.Main;
import dev.tack.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tack check} checks the schema against Schema's own, the journal mode and hard WIP limits (issue 8 items 7, 8, 15). */
class CheckSchemaTest extends CliFixture {

    @TempDir
    Path other;

    @Test
    void aDroppedTableOrIndexAndAnAddedTriggerAreProblems() {
        add("a");
        CliRun.execute(db, "DROP TABLE runs");
        CliRun.execute(db, "DROP INDEX events_by_card");
        CliRun.execute(db, "CREATE TRIGGER sneaky AFTER INSERT ON cards BEGIN SELECT 1; END");
        CliRun.Result result = tack("check");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out().lines().toList()).contains("problem: schema: table runs is missing",
                "problem: schema: index runs_by_card is missing", "problem: schema: index events_by_card is missing",
                "problem: schema: trigger sneaky is not tack's (added by another program?)",
                "problem: schema: trigger runs_revision_insert is missing"); // dropped with its table
        assertThat(result.err()).isEqualTo("tack: " + db + " has 8 problems\n"); // and runs' constraints and other triggers
    }

    @Test
    void aMissingRevisionTriggerOrRowIsAProblem() {
        add("a");
        CliRun.execute(db, "DROP TRIGGER card_tags_revision_delete");
        CliRun.execute(db, "DELETE FROM revision");
        CliRun.Result result = tack("check");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out().lines().toList()).contains("problem: schema: trigger card_tags_revision_delete is missing",
                "problem: schema: the revision row is missing: open screens cannot tell board changes from presence");
        assertThat(result.err()).isEqualTo("tack: " + db + " has 2 problems\n");
    }

    @Test
    void aChangedColumnAndUserVersionAreProblems() {
        CliRun.execute(db, "ALTER TABLE cards DROP COLUMN not_before");
        CliRun.execute(db, "ALTER TABLE boards ADD COLUMN colour TEXT");
        CliRun.Result result = tack("check");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("problem: schema: table cards differs from tack's")
                .contains("problem: schema: table boards differs from tack's").contains("colour TEXT");
    }

    @Test
    void aCleanFilePassesTheSchemaCheck() {
        tack("check").expectOk();
    }

    @Test
    void aColumnOverItsHardWipLimitIsAProblem() {
        tack("column", "add", "Review", "--wip", "1", "--hard").expectOk();
        add("a", "-c", "Review");
        add("b");
        CliRun.execute(db, "UPDATE cards SET column_id = (SELECT id FROM columns WHERE name = 'Review'), position = 1 WHERE id = 2");
        CliRun.Result result = tack("check");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("problem: column Review (board main) holds 2 cards, over its hard WIP limit of 1");
    }

    /**
     * The board is made by another process, so no connection of this JVM stops the switch out of
     * WAL that the sqlite3 shell would make (here plain JDBC, the same SQLite).
     */
    @Test
    void aFileSwitchedOutOfWalIsReportedWhenReadOnlyAndPutBackOtherwise() throws Exception {
        Path board = other.resolve("tack.db");
        try (ChildJvm init = ChildJvm.start("init", other, Main.class, "init", "--db", board.toString())) {
            assertThat(init.awaitExit(Duration.ofSeconds(60))).isZero();
        }
        CliRun.execute(board, "PRAGMA journal_mode=DELETE");
        assertThat(journalMode(board)).isEqualTo("delete");

        Files.setPosixFilePermissions(board, PosixFilePermissions.fromString("r--r--r--"));
        CliRun.Result readOnly = CliRun.tack("--db", board.toString(), "check");
        assertThat(readOnly.exit()).isEqualTo(1);
        assertThat(readOnly.out()).contains("problem: journal mode is delete, not wal");

        Files.setPosixFilePermissions(board, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun.Result restored = CliRun.tack("--db", board.toString(), "check");
        assertThat(restored.exit()).as("stderr %s", restored.err()).isZero();
        assertThat(restored.err()).isEqualTo("tack: note: " + board.toRealPath()
                + " was in journal mode delete (another program switched it); tack put it back to wal\n");
        assertThat(journalMode(board)).isEqualTo("wal");
    }

    @Test
    void aCorruptFileSaysWhatToDoNotToRunCheckAgain() throws Exception {
        Path board = other.resolve("tack.db");
        try (ChildJvm init = ChildJvm.start("init", other, Main.class, "init", "--db", board.toString())) {
            assertThat(init.awaitExit(Duration.ofSeconds(60))).isZero();
        }
        CliRun.execute(board, "PRAGMA wal_checkpoint(TRUNCATE)"); // every page in the main file
        byte[] bytes = Files.readAllBytes(board);
        for (int i = 4096; i < bytes.length; i++) {
            bytes[i] = (byte) 0x5a; // every page after the first: the schema says tables exist there
        }
        Files.write(board, bytes);
        CliRun.Result result = CliRun.tack("--db", board.toString(), "ls");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("is corrupt: restore it from a backup").contains(".recover").doesNotContain("run: tack check");
    }

    private static String journalMode(Path board) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + board);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA journal_mode")) {
            row.next();
            return row.getString(1);
        }
    }
}
