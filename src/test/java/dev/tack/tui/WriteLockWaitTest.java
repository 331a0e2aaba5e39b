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
    void movesTypedWhileOneWaitsQueueInOrderAndAFormIsRefusedMeanwhile() throws Exception {
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
        await("a selected", () -> screen.shownSelection() == a.id());

        holder = ChildJvm.start("holder", dir, LockHolder.class, dir.resolve("tack.db").toString(), "-1");
        assertThat(holder.awaitLineStartingWith("HELD ", Duration.ofMinutes(1))).as(holder.stderr()).isNotNull();

        session.keys.add(key('L')); // a to Doing
        await("the waiting note", () -> session.row(28).contains("waiting for the write lock (held by lock-holder"));
        session.keys.add(key('j'));
        await("b selected", () -> screen.shownSelection() == b.id());
        session.keys.add(key('L')); // b to Doing, queued behind a's move

        // A form's save needs its answer now: refused, the form stays open with what was typed.
        session.keys.add(key('n'));
        for (char c : "later".toCharArray()) {
            session.keys.add(key(c));
        }
        session.keys.add(Fixture.key(com.googlecode.lanterna.input.KeyType.Enter));
        await("the form refused", () -> session.text().contains(BoardController.STILL_WAITING));
        assertThat(session.text()).contains("later");
        session.keys.add(Fixture.key(com.googlecode.lanterna.input.KeyType.Escape));

        holder.send("release");
        await("a then b in Doing", () -> session.row(2).contains("│ a ") && session.row(4).contains("│ b "));
        await("the note gone", () -> !session.row(28).contains("waiting for the write lock"));
        java.util.List<String> summaries = new dev.tack.board.Queries(board).eventsAfter(0, 100).stream()
                .map(dev.tack.model.Event::summary).filter(s -> s.startsWith("moved ")).toList();
        assertThat(summaries).as("saved in the order typed").hasSize(2);
        assertThat(summaries.get(0)).contains("#" + a.id());
        assertThat(summaries.get(1)).contains("#" + b.id());
        assertThat(failure.get()).isNull();
    }
}
