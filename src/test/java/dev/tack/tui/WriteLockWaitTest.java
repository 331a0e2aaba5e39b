package dev.tack.tui;

import static dev.tack.tui.Fixture.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import dev.tack.board.Boards;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import dev.tack.store.sqlite.Database;
import dev.tack.testing.ChildJvm;
import dev.tack.testing.LockHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key's write while another program holds the write lock (a child JVM, {@link LockHolder}): the
 * screen keeps drawing and reading keys, says whom it waits for, and the write lands once the lock
 * is free.
 */
class WriteLockWaitTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @TempDir
    Path dir;
    Workspace board;
    ChildJvm holder;
    VirtualSession session;
    Thread thread;
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    @AfterEach
    void close() throws InterruptedException {
        if (holder != null) {
            holder.kill();
        }
        if (session != null) {
            session.keys.add(Fixture.ctrl('c'));
        }
        if (thread != null) {
            thread.join(30_000);
        }
        if (board != null) {
            board.close();
        }
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + PATIENCE.toSeconds() + " s for " + what + "; the screen shows:\n" + session.text());
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aMoveWaitingForTheLockNamesTheHolderAndKeysStillMoveTheSelection() throws Exception {
        // A deadline far above the test's patience: the write waits for the holder, it does not give up.
        Database database = Database.open(dir.resolve("tack.db"), new Database.Options(true, false, Duration.ofMinutes(5)),
                tx -> Boards.create(tx, Fixture.actor("alice"), Workspace.DEFAULT_BOARD, Boards.DEFAULT_COLUMNS));
        board = new Workspace(database, Fixture.actor("alice"), null);
        Card a = Fixture.add(board, "a", "Todo");
        Card b = Fixture.add(board, "b", "Todo");
        session = new VirtualSession(100, 30);
        BoardScreen screen = new BoardScreen(board, session);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        thread = new Thread(() -> {
            try {
                screen.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "screen-under-test");
        thread.setDaemon(true);
        thread.start();
        await("the board", () -> session.row(2).startsWith(" a "));
        await("a selected", () -> screen.shownSelection() == a.id());

        holder = ChildJvm.start("holder", dir, LockHolder.class, dir.resolve("tack.db").toString(), "-1"); // holds until told
        String held = holder.awaitLineStartingWith("HELD ", Duration.ofMinutes(1));
        assertThat(held).as(holder.stderr()).isNotNull();
        String pid = held.split(" ")[1];

        session.keys.add(key('L')); // a to Doing: waits for the holder
        await("the waiting note", () -> session.row(28).contains("waiting for the write lock (held by lock-holder (pid " + pid));

        session.keys.add(key('j')); // acts at once, while the move still waits
        await("b selected while the move waits", () -> screen.shownSelection() == b.id());
        assertThat(holder.lines()).as("the holder still holds the lock").noneMatch(line -> line.startsWith("RELEASING"));
        assertThat(session.row(28)).contains("waiting for the write lock (held by lock-holder");
        assertThat(session.row(2)).startsWith(" a ").doesNotContain("│ a ");

        holder.send("release");
        await("a in Doing", () -> session.row(2).contains("│ a "));
        await("the note gone", () -> !session.row(28).contains("waiting for the write lock"));
        assertThat(holder.awaitLineStartingWith("RELEASED", Duration.ofMinutes(1))).isNotNull();
        assertThat(failure.get()).isNull();
    }

    @Test
    void movesTypedWhileOneWaitsQueueInOrderAndAFormSaveQueuesBehindThem() throws Exception {
        openBoard();
        Card a = Fixture.add(board, "a", "Todo");
        Card b = Fixture.add(board, "b", "Todo");
        BoardScreen screen = startScreen();
        await("a selected", () -> screen.shownSelection() == a.id());
        holdTheLock();

        session.keys.add(key('L')); // a to Doing
        await("the waiting note", () -> session.row(28).contains("waiting for the write lock (held by lock-holder"));
        session.keys.add(key('j'));
        await("b selected", () -> screen.shownSelection() == b.id());
        session.keys.add(key('L')); // b to Doing, queued behind a's move

        // A form's save queues behind them: the form stays open, says what it waits for.
        session.keys.add(key('n'));
        for (char c : "later".toCharArray()) {
            session.keys.add(key(c));
        }
        session.keys.add(Fixture.key(com.googlecode.lanterna.input.KeyType.Enter));
        await("the form waiting", () -> session.text().contains(Form.WAITING_HINT));
        assertThat(session.text()).contains("later");

        holder.send("release");
        await("a then b in Doing", () -> session.row(2).contains("│ a ") && session.row(4).contains("│ b "));
        await("the form closed, the card added", () -> !session.text().contains(Form.WAITING_HINT)
                && session.text().contains("added #"));
        await("the note gone", () -> !session.row(28).contains("waiting for the write lock"));
        Card later = new dev.tack.board.Queries(board).board(dev.tack.board.CardFilter.ALL).lanes().get(0).cards().get(0);
        assertThat(later.title()).isEqualTo("later");
        java.util.List<String> summaries = new dev.tack.board.Queries(board).eventsAfter(0, 100).stream()
                .map(dev.tack.model.Event::summary).filter(s -> s.startsWith("moved ") || s.startsWith("added #" + later.id())).toList();
        assertThat(summaries).as("saved in the order typed").containsExactly("moved #" + a.id() + " from Todo to Doing",
                "moved #" + b.id() + " from Todo to Doing", "added #" + later.id() + " to Todo");
        assertThat(failure.get()).isNull();
    }

    @Test
    void aCardFormSaveWaitsWithTheFormOpenEscStopsWaitingAndTheSaveLandsOnceReleased() throws Exception {
        openBoard();
        Card a = Fixture.add(board, "a", "Todo");
        BoardScreen screen = startScreen();
        await("a selected", () -> screen.shownSelection() == a.id());
        String pid = holdTheLock();

        session.keys.add(key('n'));
        for (char c : "new one".toCharArray()) {
            session.keys.add(key(c));
        }
        session.keys.add(Fixture.key(com.googlecode.lanterna.input.KeyType.Enter));
        await("the form says whom it waits for", () -> session.text().contains(Form.WAITING_HINT)
                && session.text().contains("waiting for the write lock (held by lock-holder (pid " + pid));

        // The loop reads keys meanwhile: Esc stops waiting; nothing is written, what was typed stays.
        session.keys.add(Fixture.key(com.googlecode.lanterna.input.KeyType.Escape));
        await("stopped waiting", () -> session.text().contains("not saved: you stopped waiting"));
        assertThat(session.text()).contains("New card in Todo").contains("new one").doesNotContain(Form.WAITING_HINT);
        assertThat(holder.lines()).as("the holder still holds the lock").noneMatch(line -> line.startsWith("RELEASING"));

        session.keys.add(Fixture.key(com.googlecode.lanterna.input.KeyType.Enter)); // tries again: waits again
        await("waiting again", () -> session.text().contains(Form.WAITING_HINT));
        holder.send("release");
        await("the form closed and the card shown", () -> !session.text().contains("New card in Todo")
                && session.row(4).startsWith(" new one "));
        assertThat(new dev.tack.board.Queries(board).board(dev.tack.board.CardFilter.ALL).lanes().get(0).cards())
                .extracting(Card::title).containsExactly("a", "new one"); // once: the stopped save wrote nothing
        assertThat(failure.get()).isNull();
    }

    @Test
    void aCommentWaitsForTheLockAndKeysTypedMeanwhileActOnceItLands() throws Exception {
        openBoard();
        Card a = Fixture.add(board, "a", "Todo");
        Card b = Fixture.add(board, "b", "Todo");
        BoardScreen screen = startScreen();
        await("a selected", () -> screen.shownSelection() == a.id());
        holdTheLock();

        session.keys.add(key('c'));
        for (char c : "looks good".toCharArray()) {
            session.keys.add(key(c));
        }
        session.keys.add(Fixture.key(com.googlecode.lanterna.input.KeyType.Enter));
        await("the comment waiting", () -> session.text().contains(Form.WAITING_HINT)
                && session.text().contains("waiting for the write lock (held by lock-holder"));
        session.keys.add(key('j')); // typed while it waits: held, not lost
        assertThat(screen.shownSelection()).as("j waits for the comment").isEqualTo(a.id());
        assertThat(holder.lines()).noneMatch(line -> line.startsWith("RELEASING"));

        holder.send("release");
        await("commented, and then j moved the selection", () -> screen.shownSelection() == b.id()
                && !session.text().contains("Comment on #"));
        assertThat(new dev.tack.board.Queries(board).details(a.id()).comments())
                .extracting(dev.tack.model.Comment::body).containsExactly("looks good");
        assertThat(failure.get()).isNull();
    }

    private void openBoard() {
        // A deadline far above the test's patience: the write waits for the holder, it does not give up.
        Database database = Database.open(dir.resolve("tack.db"), new Database.Options(true, false, Duration.ofMinutes(5)),
                tx -> Boards.create(tx, Fixture.actor("alice"), Workspace.DEFAULT_BOARD, Boards.DEFAULT_COLUMNS));
        board = new Workspace(database, Fixture.actor("alice"), null);
    }

    private BoardScreen startScreen() {
        session = new VirtualSession(100, 30);
        BoardScreen screen = new BoardScreen(board, session);
        thread = new Thread(() -> {
            try {
                screen.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "screen-under-test");
        thread.setDaemon(true);
        thread.start();
        return screen;
    }

    /** Starts a child JVM that takes the write lock and holds it until told; returns its pid. */
    private String holdTheLock() throws Exception {
        holder = ChildJvm.start("holder", dir, LockHolder.class, dir.resolve("tack.db").toString(), "-1");
        String held = holder.awaitLineStartingWith("HELD ", Duration.ofMinutes(1));
        assertThat(held).as(holder.stderr()).isNotNull();
        return held.split(" ")[1];
    }
}
