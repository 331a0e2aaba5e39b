package dev.tack.store.sqlite;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The one way anything in this process writes a board file (docs/ARCHITECTURE.md §2 rules 2 and 3).
 *
 * <p>A write takes, in order: a fair in-JVM lock (a {@link FileChannel} lock is held per process,
 * so two threads would otherwise collide), an exclusive lock on the side file {@code <db>.lock}
 * (taken with {@code tryLock} polling and jittered back-off up to a deadline, so a stopped holder
 * makes waiters fail with "board is busy" rather than hang), then {@code BEGIN IMMEDIATE} on the
 * writer connection, which stays in autocommit mode between writes so that no write transaction is
 * ever left open. The side file's channel is opened once and kept for the life of the JVM: closing
 * a descriptor of a file drops every POSIX lock the process holds on it.
 *
 * <p>People go first. A person's write that finds the lock taken raises a flag while it waits (a
 * shared lock on byte 1 of the side file, dropped with the process if it
 * dies), and a background writer ({@link #yieldToPeople}: workers and the commands they run) does not
 * try for the lock while any flag is up, for up to 2 s per write. So a person waits for the
 * transaction in progress, not behind a queue of workers that write back to back.
 */
public final class Writer {

    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    /** A unit of work inside one write transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Tx tx) throws SQLException;
    }

    /** What {@link #whileLocked} runs: no transaction of the writer is open meanwhile. */
    @FunctionalInterface
    interface LockedAction {
        void run() throws SQLException;
    }

    /**
     * A seam for tests only: run after each commit of {@link #write}, still inside the lock. Null in
     * production; package-private, so only code in this package (the crash harness's negative
     * control, {@code CrashHarnessTest}) can set it.
     */
    static volatile Runnable afterCommit;

    private final SharedWriter shared;
    /** This handle's own: two databases opened on one file with different deadlines keep theirs. */
    private final Duration deadline;

    private Writer(SharedWriter shared, Duration deadline) {
        this.shared = shared;
        this.deadline = deadline;
    }

    static Writer forFile(Path file, Database.Options options) {
        return forFile(file, options, null);
    }

    /**
     * A handle on the process's one writer for {@code file} (a real path), for the file of that
     * identity, waiting at most {@code options}' lock deadline. A file opened anew at the same path
     * after the old one was replaced (and verified by {@link Database}) is written from the next
     * write on.
     */
    static Writer forFile(Path file, Database.Options options, FileIdentity identity) {
        return new Writer(SharedWriter.forFile(file, options, identity), options.lockDeadline());
    }

    public Path lockFile() {
        return shared.lockFile();
    }

    /**
     * Who a write of this process is waiting for at this instant ("alice (pid 12 on host)", from the
     * side file's holder record, or "another program (not tack)"), or null when no write waits. A
     * volatile read: a screen's loop may call it on every turn.
     */
    public String waitingFor() {
        return shared.waitingFor();
    }

    /** Whether both handles share this process's one lock, channel and connection for the file. */
    public boolean sharesLocksWith(Writer other) {
        return shared == other.shared;
    }

    /** Names this process to waiters that give up while it holds the lock, e.g. "alice (tack mv)". */
    public void describeHolder(String who) {
        shared.describeHolder(who);
    }

    /**
     * Makes every later write of this process a background one: it lets any person who is waiting
     * for the lock go first. Workers call this; so do commands started by a worker's job.
     */
    public void yieldToPeople() {
        shared.yieldToPeople();
    }

    /**
     * Runs {@code action} holding this process's and the side lock, outside any transaction: for
     * what SQLite refuses inside one (switching the journal mode back to WAL).
     */
    void whileLocked(LockedAction action) throws SQLException {
        shared.whileLocked(deadline, action);
    }

    /** An import's mark of life (see {@link #markImport}); closing it lets the import's leftovers be swept. */
    public static final class LiveMark implements dev.tack.store.ImportMark {
        private final java.nio.channels.FileLock lock;

        private LiveMark(java.nio.channels.FileLock lock) {
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
            } catch (java.io.IOException ignored) {
                // the process ends soon, and with it the lock
            }
        }
    }

    /**
     * Inside a {@link #write}: marks import {@code importId} as run by this live process until the mark
     * is closed or the process dies (a lock on one byte of the side file), so that sweepers
     * ({@link #importAlive}) leave its staged rows alone.
     */
    public LiveMark markImport(long importId) {
        return new LiveMark(shared.markImport(importId));
    }

    /** Inside a {@link #write}: whether a live process still runs import {@code importId}. */
    public boolean importAlive(long importId) {
        return shared.importAlive(importId);
    }

    /** Runs {@code work} in one write transaction and commits it, or rolls back and rethrows. */
    public <T> T write(Work<T> work) {
        return shared.write(work, deadline);
    }
}
