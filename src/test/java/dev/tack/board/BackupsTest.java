package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import dev.tack.model.Actor;
import dev.tack.model.BackupContents;
import dev.tack.model.Card;
import dev.tack.model.Change;
import dev.tack.model.Heartbeat;
import dev.tack.model.Hosts;
import dev.tack.model.TackException;
import dev.tack.store.sqlite.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupsTest {

    @TempDir
    Path dir;
    BoardFixture board;
    Backups backups;

    @BeforeEach
    void open() {
        board = BoardFixture.create(dir);
        backups = new Backups(board.workspace);
    }

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void aBackupHoldsTheWholeDatabaseAndARestorePutsItBackKeepingWhatItReplaced() {
        Card first = board.add("write the migration");
        board.add("deploy", "Doing");
        board.cards.comment(first.id(), "started");
        board.boards.add("ops", List.of("Inbox", "Done"));
        BoardSnapshot atBackup = new Transfers(board.workspace).export();
        Path file = dir.resolve("monday.db");

        BackupContents written = backups.backup(file);

        assertThat(written).isEqualTo(new BackupContents(written.schemaVersion(), 2, 2, board.eventCount()));
        board.add("made after the backup");
        board.cards.move(first.id(), "Done", null, null);
        board.boards.remove("ops", true);

        Backups.Restored restored = backups.restore(file, false);

        assertThat(restored.contents()).isEqualTo(written);
        assertThat(new Transfers(board.workspace).export()).isEqualTo(atBackup);
        assertThat(board.boards.list()).extracting(b -> b.name()).containsExactlyInAnyOrder("main", "ops");
        assertThat(board.problems()).isEmpty();
        assertThat(restored.keptAs().getFileName().toString()).startsWith("tack.db.before-restore-");
        assertThat(backups.restore(restored.keptAs(), false).contents().cards()).as("the kept copy is the state replaced").isEqualTo(3);
        assertThat(board.layout().get(2)).containsExactly(first.id());
    }

    @Test
    void idsHandedOutBeforeARestoreAreNeverHandedOutAgain() {
        board.add("one");
        Path file = dir.resolve("b.db");
        backups.backup(file);
        Card gone = board.add("made after the backup");
        long lastEvent = board.lastEventId();

        backups.restore(file, false);
        Card next = board.add("made after the restore");

        assertThat(next.id()).isGreaterThan(gone.id());
        assertThat(board.lastEventId()).isGreaterThan(lastEvent);
    }

    @Test
    void aRestoreIsRefusedWhileAScreenHasTheDatabaseOpenAndWritesNothing() {
        board.add("one");
        Path file = dir.resolve("b.db");
        backups.backup(file);
        board.add("two");
        Workspace bobs = new Workspace(board.workspace.storage(), new Actor("bob", Hosts.name(), 77), null);
        Presence bobsScreen = new Presence(bobs, Heartbeat.SCREEN);
        bobsScreen.beat();

        assertThatThrownBy(() -> backups.restore(file, false))
                .isInstanceOfSatisfying(TackException.class, e -> assertThat(e.kind()).isEqualTo(TackException.Kind.BUSY))
                .hasMessageContaining("bob's screen on board main").hasMessageContaining("--force");
        assertThat(board.layout().get(0)).hasSize(2);
        try (var files = listing()) {
            assertThat(files.filter(f -> f.getFileName().toString().contains("before-restore"))).isEmpty();
        }

        backups.restore(file, true);
        assertThat(board.layout().get(0)).hasSize(1);
        bobsScreen.leave();
        assertThat(backups.restore(file, false).contents().cards()).isEqualTo(1);
    }

    @Test
    void anOpenScreensFeedSeesTheRestoreAsAChange() {
        board.add("one");
        Path file = dir.resolve("b.db");
        backups.backup(file);
        board.add("two");
        try (Changes feed = board.workspace.changes(board.lastEventId())) {
            assertThat(feed.poll()).isInstanceOf(Change.None.class);

            backups.restore(file, true);

            assertThat(feed.poll()).as("the restored revision counter may be lower than the one the screen knew")
                    .isNotInstanceOf(Change.None.class);
        }
    }

    @Test
    void whatIsNotABackupIsRefusedWithOneLineAndNothingIsWritten() throws Exception {
        Path existing = Files.writeString(dir.resolve("taken.db"), "x");
        assertThatThrownBy(() -> backups.backup(existing)).hasMessageContaining("already exists");
        assertThat(Files.readString(existing)).isEqualTo("x");
        assertThatThrownBy(() -> backups.backup(dir.resolve("tack.db-wal"))).hasMessageContaining("own file");
        assertThatThrownBy(() -> backups.restore(dir.resolve("tack.db"), true)).hasMessageContaining("own file");
        assertThatThrownBy(() -> backups.restore(dir.resolve("missing.db"), true))
                .isInstanceOfSatisfying(TackException.class, e -> assertThat(e.kind()).isEqualTo(TackException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> backups.restore(existing, true)).hasMessageContaining("not a tack backup");
        Path plain = dir.resolve("plain.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + plain); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x)");
        }
        assertThatThrownBy(() -> backups.restore(plain, true)).hasMessageContaining("not a tack backup");
        Path newer = dir.resolve("newer.db");
        backups.backup(newer);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 999");
        }
        assertThatThrownBy(() -> backups.restore(newer, true)).hasMessageContaining("newer tack");

        assertThat(board.problems()).isEmpty();
        try (var files = listing()) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(name -> name.contains("before-restore") || name.endsWith(".tmp"));
        }
    }

    @Test
    void aBackupOpensOnItsOwnAsABoard() {
        board.add("one");
        Path file = dir.resolve("copy.db");
        backups.backup(file);
        try (Workspace copy = new Workspace(Database.open(file, Database.Options.defaults(), null), BoardFixture.TESTER, null)) {
            assertThat(new Queries(copy).board(CardFilter.ALL).lanes().get(0).cards()).extracting(Card::title).containsExactly("one");
            assertThat(copy.integrityProblems()).isEmpty();
        }
    }

    private java.util.stream.Stream<Path> listing() {
        try {
            return Files.list(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
