package dev.tack.tui;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import dev.tack.board.Workspace;

/**
 * A board screen running its whole loop (feed, presence, keys) on Lanterna's virtual terminal, on
 * a thread of its own, for the tests that watch it change while other processes write. Closing
 * it quits the screen as Ctrl+C does.
 */
final class ScreenRun implements AutoCloseable {

    final VirtualSession session;
    final BoardScreen screen;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Duration patience;

    private ScreenRun(Workspace workspace, int columns, int rows, Duration patience) {
        this.session = new VirtualSession(columns, rows);
        this.screen = new BoardScreen(workspace, session);
        this.patience = patience;
        this.thread = new Thread(() -> {
            try {
                screen.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "screen-under-test");
        thread.setDaemon(true);
    }

    /** Starts the screen on {@code workspace}'s board, on a terminal of {@code columns} × {@code rows}. */
    static ScreenRun start(Workspace workspace, int columns, int rows, Duration patience) {
        ScreenRun run = new ScreenRun(workspace, columns, rows, patience);
        run.thread.start();
        return run;
    }

    /** Waits for what the screen shows (or does) to satisfy {@code condition}; fails with the screen's text after the patience. */
    void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + patience.toSeconds() + " s for " + what + "; the screen shows:\n" + session.text());
            }
            Thread.sleep(20);
        }
    }

    /** What the screen's loop threw, or null. */
    Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() throws InterruptedException {
        session.keys.add(Fixture.ctrl('c'));
        thread.join(10_000);
    }
}
