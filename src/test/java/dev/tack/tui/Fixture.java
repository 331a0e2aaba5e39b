package dev.tack.tui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.Boards;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.model.Card;
import dev.tack.store.sqlite.Database;
import dev.tack.model.Hosts;

/** Boards in a temporary folder, keys, and a host that records what the controller asked of it. */
final class Fixture {

    private Fixture() {
    }

    static Workspace create(Path dir, String actor) {
        Actor who = actor(actor);
        Database database = Database.open(dir.resolve("tack.db"),
                new Database.Options(true, false, Duration.ofSeconds(10)),
                tx -> Boards.create(tx, who, Workspace.DEFAULT_BOARD, Boards.DEFAULT_COLUMNS));
        return new Workspace(database, who, null);
    }

    /** A new board database of {@code engine} (a file in {@code dir}, or a fresh PostgreSQL schema), opened as {@code actor}. */
    static Workspace create(dev.tack.testing.Engine engine, Path dir, String actor) {
        Actor who = actor(actor);
        dev.tack.store.Storage storage = dev.tack.store.Storages.open(engine.newLocation(dir),
                new dev.tack.store.Storage.Options(true, false, Duration.ofSeconds(10)),
                tx -> Boards.create(tx, who, Workspace.DEFAULT_BOARD, Boards.DEFAULT_COLUMNS));
        return new Workspace(storage, who, null);
    }

    /** Another person on the same file, in this JVM (same writer, other name). */
    static Workspace as(Workspace workspace, String actor) {
        return workspace.as(actor(actor));
    }

    static Actor actor(String name) {
        return new Actor(name, Hosts.name(), ProcessHandle.current().pid());
    }

    static Card add(Workspace workspace, String title, String column) {
        return new Cards(workspace).add(NewCard.titled(title).inColumn(column));
    }

    static KeyStroke key(char c) {
        return new KeyStroke(c, false, false);
    }

    static KeyStroke ctrl(char c) {
        return new KeyStroke(c, true, false);
    }

    static KeyStroke key(KeyType type) {
        return new KeyStroke(type);
    }

    static KeyStroke shift(KeyType type) {
        return new KeyStroke(type, false, false, true);
    }

    static KeyStroke alt(KeyType type) {
        return new KeyStroke(type, false, true);
    }

    static void type(BoardController controller, String text) {
        text.chars().forEach(c -> controller.handle(key((char) c)));
    }

    static void keys(BoardController controller, KeyStroke... keys) {
        for (KeyStroke key : keys) {
            controller.handle(key);
        }
    }

    /** A host with no terminal: $EDITOR answers {@code edited}, repaints are counted. */
    static final class Host implements BoardController.Host {
        String edited;
        int repaints;
        String lastEditorText;
        Runnable whileEditing = () -> { };

        @Override
        public Optional<String> editExternally(String text, String name) {
            lastEditorText = text;
            whileEditing.run();
            return Optional.ofNullable(edited);
        }

        @Override
        public void repaintAll() {
            repaints++;
        }
    }

    static BoardController controller(Workspace workspace) {
        BoardController controller = new BoardController(workspace, new Host());
        controller.reload();
        controller.layout(new com.googlecode.lanterna.TerminalSize(100, 30));
        return controller;
    }

    /** A clock that moves only when told: time-dependent screen behaviour tested without sleeping. */
    static final class ManualClock extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.parse("2030-01-02T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    static List<String> titles(BoardModel.Lane lane) {
        return lane.cards().stream().map(Card::title).toList();
    }
}
