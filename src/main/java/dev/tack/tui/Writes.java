package dev.tack.tui;

import java.util.function.Consumer;
import java.util.function.Supplier;
import dev.tack.model.TackException;

/**
 * The screen's writes, off the loop's thread: each board call goes to the host (which runs them one
 * at a time, in the order typed, on a thread of its own) and its {@link WriteOutcome} comes back on
 * the loop. While one waits for another program's write lock, the loop keeps drawing and reading
 * keys; a person may stop waiting ({@link Pending#stop()}), and a write stopped before it took the
 * lock writes nothing.
 */
final class Writes {

    /** A write handed to the host and not yet back. */
    interface Pending {
        /** Stops waiting: a write not yet begun is dropped, one waiting for the lock gives up; one already in its transaction lands. */
        void stop();
    }

    static final Pending NONE = () -> { };

    private final BoardController.Host host;
    /** Who holds the lock this write waits for (the writer's volatile mark), or null when none waits. */
    private final Supplier<String> waitingFor;
    /** Writes handed to the host whose outcome the loop has not had yet (loop thread only). */
    private int pending;

    Writes(BoardController.Host host, Supplier<String> waitingFor) {
        this.host = host;
        this.waitingFor = waitingFor;
    }

    /** True while a write has not come back yet. */
    boolean pending() {
        return pending > 0;
    }

    /** Runs {@code call} through the host; {@code then} gets its outcome on the loop's thread. */
    Pending submit(Supplier<?> call, Consumer<WriteOutcome> then) {
        Job job = new Job(call, then);
        pending++;
        host.inBackground(job::run, job::deliver);
        return job;
    }

    /** One write: run on the host's write thread, delivered (once) on the loop's. */
    private final class Job implements Pending {
        private final Supplier<?> call;
        private final Consumer<WriteOutcome> then;
        // Guarded by this: the write thread and the loop both look at them.
        private boolean started;
        private boolean cancelled;
        private Thread runner;
        private WriteOutcome outcome;
        /** Loop thread only: the outcome went to {@code then}. */
        private boolean delivered;

        Job(Supplier<?> call, Consumer<WriteOutcome> then) {
            this.call = call;
            this.then = then;
        }

        void run() {
            synchronized (this) {
                if (cancelled) {
                    return; // stopped before it began: already delivered as cancelled
                }
                started = true;
                runner = Thread.currentThread();
            }
            WriteOutcome result;
            try {
                result = new WriteOutcome.Done(call.get());
            } catch (TackException e) {
                synchronized (this) {
                    result = WriteOutcome.of(e, cancelled);
                }
            } catch (RuntimeException e) {
                result = new WriteOutcome.Refused(TackException.Kind.FAILED, "cannot save: " + e);
            }
            synchronized (this) {
                runner = null;
                Thread.interrupted(); // a stop that came too late must not reach the next write
                outcome = result;
            }
        }

        @Override
        public void stop() {
            boolean drop;
            synchronized (this) {
                if (outcome != null || cancelled) {
                    return;
                }
                cancelled = true;
                drop = !started;
                // Only a write that waits for the lock is interrupted: the writer ends the wait cleanly
                // (before it touches the lock file). One already in its transaction finishes and lands.
                if (runner != null && waitingFor.get() != null) {
                    runner.interrupt();
                }
            }
            if (drop) {
                deliver(new WriteOutcome.Cancelled()); // not begun: nothing to wait for
            }
        }

        void deliver() {
            WriteOutcome result;
            synchronized (this) {
                result = outcome != null ? outcome : new WriteOutcome.Cancelled();
            }
            deliver(result);
        }

        private void deliver(WriteOutcome result) {
            if (delivered) {
                return;
            }
            delivered = true;
            pending--;
            then.accept(result);
        }
    }
}
