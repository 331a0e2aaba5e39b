package dev.tack.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.tack.model.Actor;
import dev.tack.model.Change;
import dev.tack.store.ImportRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board's revision (docs/ARCHITECTURE.md §3): triggers on every table of board data, for every
 * writer; presence moves nothing; the change feed says exactly what changed from it.
 */
class RevisionTest {

    private static final Actor ALICE = new Actor("alice", "host", 1);

    @TempDir
    Path dir;
    Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private Database open() {
        database = Database.open(dir.resolve("tack.db"), new Database.Options(true, false, Duration.ofSeconds(10)), tx -> null);
        database.writer().write(tx -> {
            if (tx.number("SELECT count(*) FROM boards") == 0) {
                tx.insert("INSERT INTO boards (name, created_at) VALUES ('main', 'now')");
                tx.insert("INSERT INTO columns (board_id, name, position) VALUES (1, 'Todo', 0)");
            }
            return null;
        });
        return database;
    }

    private long addCard(String title, boolean withEvent) {
        return database.writer().write(tx -> {
            long id = tx.insert("INSERT INTO cards (board_id, column_id, position, title, created_at, updated_at)"
                    + " VALUES (1, 1, 0, ?, 'now', 'now')", title);
            if (withEvent) {
                EventTable.append(tx, ALICE, 1L, id, "card.add", "added " + title, null, null);
            }
            return id;
        });
    }

    private RevisionTable.Revision revision() {
        return database.writer().write(RevisionTable::read);
    }

    /** Runs {@code sql} in the real sqlite3 shell, which knows nothing of tack. */
    private void sqlite3(String sql) throws Exception {
        Process shell = new ProcessBuilder("sqlite3", dir.resolve("tack.db").toString(), sql).redirectErrorStream(true).start();
        assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(shell.exitValue()).as(new String(shell.getInputStream().readAllBytes())).isZero();
    }

    @Test
    void everyTableOfBoardDataHasATriggerPerInsertUpdateAndDeleteAndPresenceHasNone() throws SQLException {
        try (Connection memory = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Tx tx = new Tx(memory);
            Schema.migrate(tx);
            List<String> tables = tx.list("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                    + " AND name NOT IN ('presence', 'revision', 'idempotency_keys')", row -> row.getString(1)); // bookkeeping, not board data
            assertThat(tables).contains("boards", "columns", "cards", "card_tags", "comments", "runs", "events");
            for (String table : tables) {
                List<String> ops = tx.list("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?"
                        + " AND sql LIKE '%UPDATE revision SET number = number + 1%'", row -> row.getString(1).split(" ")[4], table);
                assertThat(ops).as("revision triggers on %s (a table added by a migration needs its own)", table)
                        .containsExactlyInAnyOrder("INSERT", "UPDATE", "DELETE");
            }
            assertThat(tx.number("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('presence', 'revision')"))
                    .isZero();
        }
    }

    @Test
    void tacksWritesAreExplainedByTheirEventsAndEverythingElseIsNot() throws Exception {
        open();
        RevisionTable.Revision start = revision();

        database.writer().write(tx -> PresenceTable.beat(tx, null, 1L, ALICE, "screen", 1));
        assertThat(revision()).as("a presence beat").isEqualTo(start);

        long card = addCard("with an event", true);
        RevisionTable.Revision afterAdd = revision();
        assertThat(afterAdd.number()).as("a card and its event").isEqualTo(start.number() + 2);
        assertThat(afterAdd.unexplained()).isEqualTo(start.unexplained());

        database.writer().write(tx -> tx.update("UPDATE cards SET lease_until = 5 WHERE id = ?", card));
        RevisionTable.Revision afterLease = revision();
        assertThat(afterLease.number()).isEqualTo(afterAdd.number() + 1);
        assertThat(afterLease.unexplained()).as("tack's write without an event").isEqualTo(afterAdd.unexplained() + 1);

        sqlite3("UPDATE cards SET title = 'from the shell' WHERE id = " + card + "; INSERT INTO card_tags VALUES (" + card + ", 'x');");
        RevisionTable.Revision afterShell = revision();
        assertThat(afterShell.number()).isEqualTo(afterLease.number() + 2);
        assertThat(afterShell.unexplained()).as("two rows the shell changed").isEqualTo(afterLease.unexplained() + 2);
        long inTack;
        try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tack.db"))) {
            inTack = new Tx(plain).number("SELECT in_tack FROM revision");
        }
        assertThat(inTack).as("left between transactions").isZero();
    }

    /** The revision's triggers as the schema holds them: name and SQL of each. */
    private List<String> triggers() {
        return database.writer().write(tx -> tx.list("SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
                row -> row.getString(1)));
    }

    private static ImportRows.StagedCard staged(long id, List<String> tags) {
        return new ImportRows.StagedCard(id, 1, (int) id, "card " + id, "", 0, null, null, false, tags, "now", "imported #" + id,
                "{\"id\":" + id + "}");
    }

    @Test
    void aStagedBatchBumpsTheRevisionOncePerRowAsItsTriggersWouldAndLeavesThemAsTheyWere() throws Exception {
        open();
        List<String> triggers = triggers();
        long importId = database.writer().write(tx -> ImportTable.begin(tx, ALICE));
        RevisionTable.Revision before = revision();

        database.writer().write(tx -> {
            ImportTable.stage(tx, importId, 1, ALICE, List.of(staged(1001, List.of("a", "b")), staged(1002, List.of("a"))));
            return null;
        });
        RevisionTable.Revision afterBatch = revision();
        assertThat(afterBatch.number()).as("2 cards, 3 tags, 2 events: one per row, as the per-row triggers count")
                .isEqualTo(before.number() + 7);
        assertThat(afterBatch.unexplained()).as("tack's own write, with its events").isEqualTo(before.unexplained());
        assertThat(triggers()).as("the triggers put back verbatim").isEqualTo(triggers);

        sqlite3("INSERT INTO card_tags VALUES (1001, 'from the shell')");
        assertThat(revision()).as("the shell's row after the batch: the trigger is back in force")
                .isEqualTo(new RevisionTable.Revision(afterBatch.number() + 1, afterBatch.unexplained() + 1));

        RevisionTable.Revision beforeFailure = revision();
        assertThatThrownBy(() -> database.writer().write(tx -> {
            ImportTable.stage(tx, importId, 1, ALICE, List.of(staged(1003, List.of("c")), staged(1001, List.of()))); // 1001 is taken
            return null;
        })).isInstanceOf(RuntimeException.class);
        assertThat(revision()).as("a failed batch rolls back, its bump with it").isEqualTo(beforeFailure);
        assertThat(triggers()).as("and its dropped triggers come back with the rollback").isEqualTo(triggers);
        long leftOver = database.writer().write(tx -> tx.number("SELECT count(*) FROM cards WHERE id = 1003"));
        assertThat(leftOver).isZero();
        assertThat(database.writer().write(SchemaCheck::problems)).isEmpty();
    }

    @Test
    void theFeedTellsPresenceFromEventsFromAForeignWriter() throws Exception {
        open();
        try (ChangeFeed feed = database.changeFeed(0)) {
            assertThat(feed.poll()).isInstanceOf(Change.None.class);

            database.writer().write(tx -> PresenceTable.beat(tx, null, 1L, ALICE, "screen", 1));
            assertThat(feed.poll()).as("a beat commits, but changes no board data").isInstanceOf(Change.None.class);

            long card = addCard("a", true);
            assertThat(feed.poll()).isInstanceOfSatisfying(Change.Events.class,
                    change -> assertThat(change.events()).extracting(e -> e.cardId()).containsExactly(card));

            sqlite3("UPDATE cards SET title = 'b' WHERE id = " + card);
            assertThat(feed.poll()).isInstanceOfSatisfying(Change.Reread.class,
                    change -> assertThat(change.events()).isEmpty());

            // tack's write with events and the shell's in one poll: the events do not tell it all.
            addCard("c", true);
            sqlite3("UPDATE cards SET title = 'd' WHERE id = " + card);
            database.writer().write(tx -> PresenceTable.beat(tx, null, 1L, ALICE, "screen", 2));
            assertThat(feed.poll()).isInstanceOfSatisfying(Change.Reread.class,
                    change -> assertThat(change.events()).hasSize(1));
            assertThat(feed.poll()).isInstanceOf(Change.None.class);
        }
    }

    @Test
    void anOldFileMigratesToTheRevisionAndItsTriggers() throws Exception {
        Path db = dir.resolve("tack.db");
        int before = revisionVersion();
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = old.createStatement()) {
            statement.executeQuery("PRAGMA journal_mode = WAL").close(); // its result set open would lock the tables
            Tx tx = new Tx(old);
            for (int version = 0; version < before; version++) {
                tx.script(Schema.migration(version));
            }
            tx.setUserVersion(before);
            statement.execute("INSERT INTO boards (name, created_at) VALUES ('main', 'now')");
        }
        open();
        assertThat(database.writer().write(SchemaCheck::problems)).isEmpty();
        RevisionTable.Revision start = revision();
        assertThat(start).isNotNull();
        sqlite3("INSERT INTO columns (board_id, name, position) VALUES (1, 'Todo', 0)");
        assertThat(revision().unexplained()).isEqualTo(start.unexplained() + 1);
    }

    @Test
    void theSchemaCheckSeesAMissingTriggerAndAMissingRow() throws Exception {
        open();
        sqlite3("DROP TRIGGER cards_revision_update; DELETE FROM revision;");
        assertThat(database.writer().write(SchemaCheck::problems)).containsExactlyInAnyOrder(
                "schema: trigger cards_revision_update is missing",
                "schema: the revision row is missing: open screens cannot tell board changes from presence");
    }

    /** The schema version at which the revision's migration runs (others may come before it). */
    private static int revisionVersion() {
        for (int version = 0; version < Schema.CURRENT_VERSION; version++) {
            if (Schema.migration(version).equals(RevisionTable.MIGRATION)) {
                return version;
            }
        }
        throw new AssertionError("no migration adds the revision");
    }
}
