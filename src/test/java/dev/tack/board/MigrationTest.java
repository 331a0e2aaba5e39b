package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.tack.model.Actor;
import dev.tack.model.Card;
import dev.tack.model.Event;
import dev.tack.store.sqlite.Database;
import dev.tack.store.sqlite.Integrity;
import dev.tack.model.TackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file made by schema 1 (src/test/resources/fixtures/schema1-history.md says how) migrates on
 * first open, and the changes made in it before the migration are undone and redone as before:
 * its events keep their old shape, their column found by the name it had then.
 */
class MigrationTest {

    @TempDir
    Path folder;

    private Database database;
    private Workspace alice;

    @BeforeEach
    void open() throws Exception {
        Path db = folder.resolve("tack.db");
        try (InputStream fixture = getClass().getResourceAsStream("/fixtures/schema1-history.db")) {
            Files.copy(fixture, db); // the test's own copy, before any connection opens it
        }
        database = Database.open(db, Database.Options.defaults(), tx -> null);
        alice = new Workspace(database, new Actor("alice", "host", 2), null);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theFileMigratesAndPassesTheChecks() {
        assertThat(database.read(Integrity::problems)).isEmpty();
        long version = database.read(tx -> tx.number("PRAGMA user_version"));
        assertThat(version).isEqualTo(dev.tack.store.sqlite.Schema.CURRENT_VERSION);
        List<Event> events = new Queries(alice).eventsAfter(0, 100);
        assertThat(events).hasSize(14).allSatisfy(e -> assertThat(e.shape()).isEqualTo(1));
    }

    @Test
    void changesMadeBeforeTheMigrationAreUndoneAndRedone() {
        History history = new History(alice);
        // alice's last step before the migration was an undo of her description edit of #1
        assertThat(history.redo().description()).isEqualTo("second draft");
        assertThat(history.undo().description()).isEqualTo("first draft");
        // then her move of #3 out of Doing, which has been renamed "In progress" since
        Card back = history.undo();
        assertThat(back.id()).isEqualTo(3);
        assertThat(back.column()).isEqualTo("In progress");
        assertThat(back.position()).isZero();
        // then her edit of #2, which bob has edited since: a conflict, nothing written
        assertThatThrownBy(history::undo).isInstanceOfSatisfying(TackException.class,
                e -> assertThat(e.kind()).isEqualTo(TackException.Kind.CONFLICT)).hasMessageContaining("bob");
        // the same steps redone in the new shape
        assertThat(history.redo().column()).isEqualTo("Done");
        assertThat(database.read(Integrity::problems)).isEmpty();
    }

    @Test
    void undoOnTheOtherBoardUndoesOnlyThatBoardsChange() {
        Card card = new History(alice.onBoard("side")).undo();
        assertThat(card.id()).isEqualTo(4);
        assertThat(card.column()).isEqualTo("Todo");
        assertThat(new Queries(alice).card(3).column()).isEqualTo("Done");
    }

    /** Schema 5 (issue 12): an old file gains the link, checklist and column-rule tables with their revision triggers. */
    @Test
    void anOldFileGainsLinksChecklistsAndColumnRules() {
        for (String table : List.of("card_links", "checklist_items", "column_rules")) {
            long triggers = database.read(tx -> tx.number("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", table));
            assertThat(triggers).as(table).isEqualTo(3);
        }
        new Links(alice).link(1, 2);
        new Checklists(alice).add(1, "migrated", null);
        new Columns(alice).markDone("Done", true);
        assertThat(new Links(alice).status(1).waitingFor()).containsExactly(2L);
        assertThat(new History(alice).undo().id()).isEqualTo(1);
        assertThat(new Checklists(alice).of(1)).isEmpty();
        assertThat(database.read(Integrity::problems)).isEmpty();
    }
}
