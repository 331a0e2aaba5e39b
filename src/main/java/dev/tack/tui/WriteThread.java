package dev.tack.tui;

import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import dev.tack.board.Workspace;

/**
 * The screen's one write thread ({@code tack-write}): keys' writes, one at a time and in the order
 * typed, so a write that waits for another program's lock (up to the deadline) leaves the loop
 * drawing and reading keys meanwhile. What comes after a write is handed back to the loop, since
 * the controller is the loop's alone.
 */
final class WriteThread {

    private final Queue<Object> queue;
    private final ExecutorService writes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tack-write");
        t.setDaemon(true);
        return t;
    });

    WriteThread(Queue<Object> queue) {
        this.queue = queue;
    }

    /** Runs {@code write} on the write thread, then {@code then} on the loop. */
    void submit(Runnable write, Runnable then) {
        writes.execute(() -> {
            try {
                write.run();
            } finally {
                queue.add(then);
            }
        });
    }

    /** Takes no more writes, and waits for a key's write still waiting for the lock to land (or fail at its deadline). */
    void finish() {
        writes.shutdown();
        try {
            writes.awaitTermination(Workspace.DEFAULT_LOCK_DEADLINE.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
