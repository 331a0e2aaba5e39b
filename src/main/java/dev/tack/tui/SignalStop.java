package dev.tack.tui;

import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A signal (SIGTERM, SIGHUP when the terminal closes, SIGINT from outside) ends the screen through
 * a shutdown hook: the loop is asked to end and cleans up on its own thread (terminal, change feed,
 * presence row), so nothing is torn down under its feet. Only a loop that does not end in time
 * (stuck in a call) is overtaken here, by {@code lastResort}.
 */
final class SignalStop {

    /** How long the hook waits for the loop to end before restoring the terminal itself. */
    private static final long STOP_PATIENCE_MILLIS = 3_000;

    private final Queue<Object> queue;
    private final Runnable lastResort;
    private final Thread hook = new Thread(this::stop, "tack-restore-terminal");
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean requested;

    /** {@code lastResort} must be safe to repeat and to race with the loop's own clean-up. */
    SignalStop(Queue<Object> queue, Runnable lastResort) {
        this.queue = queue;
        this.lastResort = lastResort;
    }

    void install() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once a signal asked the loop to end: it ends at its next turn. */
    boolean requested() {
        return requested;
    }

    /** The loop has cleaned up; the hook, if it runs, has nothing left to do. */
    void finished() {
        finished.countDown();
    }

    void uninstall() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or has run
        }
    }

    private void stop() {
        if (finished.getCount() == 0) {
            return;
        }
        requested = true;
        queue.add((Runnable) () -> { }); // wakes the loop at once
        try {
            if (finished.await(STOP_PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the JVM halts as soon as this hook returns, so nothing may be left to the loop now
        lastResort.run();
    }
}
