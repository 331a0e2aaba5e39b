package dev.tack.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.TimeUnit;

/**
 * One blocking request for the side file's write lock, made on a helper thread so that the kernel
 * wakes it the moment the lock is free, while the writer waits for it only up to its deadline.
 *
 * <p>States: WAITING (the helper is blocked in {@code lock()}), HELD (it has the lock, for the writer
 * that takes it), RELEASED (it got the lock after every writer had given up, and let it go at once),
 * FAILED (the lock call failed). A writer that times out marks the request abandoned; a later writer
 * of the same process may adopt it again while it is still WAITING.
 */
final class LockRequest {

    enum Outcome { HELD, TIMED_OUT, INTERRUPTED, RELEASED_OR_FAILED }

    private enum State { WAITING, HELD, RELEASED, FAILED }

    private State state = State.WAITING;
    private boolean abandoned;
    private FileLock lock;
    private Exception failure;

    private LockRequest() {
    }

    static LockRequest start(FileChannel channel) {
        LockRequest request = new LockRequest();
        Thread helper = new Thread(() -> request.block(channel), "tack-lock-wait");
        helper.setDaemon(true);
        helper.start();
        return request;
    }

    private void block(FileChannel channel) {
        FileLock acquired;
        try {
            acquired = channel.lock(0, 1, false);
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                failure = e;
                state = State.FAILED;
                notifyAll();
            }
            return;
        }
        synchronized (this) {
            if (abandoned) {
                try {
                    acquired.release();
                } catch (IOException ignored) {
                    // the channel stays open; the lock goes with the next release or the process
                }
                state = State.RELEASED;
            } else {
                lock = acquired;
                state = State.HELD;
            }
            notifyAll();
        }
    }

    /** Waits for the lock until the deadline; on time-out the request is abandoned (a later writer may adopt it). */
    synchronized Outcome await(long deadlineNanos) {
        abandoned = false;
        try {
            while (state == State.WAITING) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    abandoned = true;
                    return Outcome.TIMED_OUT;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            abandoned = true;
            Thread.currentThread().interrupt();
            return Outcome.INTERRUPTED;
        }
        return state == State.HELD ? Outcome.HELD : Outcome.RELEASED_OR_FAILED;
    }

    synchronized FileLock lock() {
        return lock;
    }

    synchronized Exception failure() {
        return failure;
    }
}
