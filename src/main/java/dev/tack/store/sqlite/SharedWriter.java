package dev.tack.store.sqlite;

import dev.tack.model.Hosts;
import dev.tack.model.TackException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What one process shares for one board file, whatever {@link Database} handles it has open: the
 * fair in-JVM lock, the side file's channel, the writer connection and the holder record. Each
 * handle ({@link Writer}) brings its own lock deadline.
 */
final class SharedWriter {



    private static final ConcurrentHashMap<Path, SharedWriter> BY_FILE = new ConcurrentHashMap<>();

    /** Where in the side file the holder writes who it is, for waiters that time out. */
    private static final int HOLDER_OFFSET = 64;
    /** The byte that people waiting for the lock hold shared locks on (byte 0 is the write lock). */
    private static final int PERSON_WAITING_BYTE = 1;
    /** Imports in progress hold one byte each from here (see {@link #markImport}); byte ranges past the end of a file lock fine. */
    private static final long IMPORT_MARK_BASE = 1L << 32;
    /**
     * How long one background write lets people go first before it competes as an equal: a flag
     * left up by a person's process that was stopped (SIGSTOP, a debugger) while it waited must not
     * hold the workers off for good.
     */
    private static final long MAX_DEFERENCE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int HOLDER_LENGTH = 192;
    /** SQLite's own wait for a writer that ignores the side lock; we loop on it up to the deadline. */
    private static final int WRITER_BUSY_TIMEOUT_MILLIS = 50;
    /**
     * Polling the side lock: a tryLock costs a microsecond, so waiters poll often. A low cap keeps a
     * person's write from losing round after round to workers that write back to back (with an 8 ms
     * cap a waiter slept through many hand-overs: p99 of a person's move was 60-340 ms beside 8 workers).
     */
    private static final long INITIAL_BACKOFF_MICROS = 100;
    private static final long MAX_BACKOFF_MICROS = 1_000;

    private final ReentrantLock jvmLock = new ReentrantLock(true);
    private final Path file;
    private final Path lockFile;
    private final boolean fullSync;
    private volatile boolean background;
    private volatile String holderDescription = describeProcess("tack");
    /**
     * Who a write of this process is waiting for right now (the side file's holder record, or
     * "another program (not tack)"), null when none waits: a screen reads it from its loop thread.
     */
    private volatile String waitingFor;
    /** The file this writer writes: it refuses to write once {@link #file} names another, or none. */
    private volatile FileIdentity identity;
    private FileChannel lockChannel;
    private Connection connection;
    private StatementCache statements;
    private java.sql.PreparedStatement beginStatement;
    private java.sql.PreparedStatement commitStatement;
    private ByteBuffer holderRecord;

    private SharedWriter(Path file, Database.Options options) {
        this.file = file;
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
        this.fullSync = options.fullSync();
    }

    /**
     * The process's writer for {@code file} (a real path), for the file of that identity. A file
     * opened anew at the same path after the old one was replaced (and verified by {@link Database})
     * makes the writer write the new one from the next write on.
     */
    static SharedWriter forFile(Path file, Database.Options options, FileIdentity identity) {
        SharedWriter writer = BY_FILE.computeIfAbsent(file, f -> new SharedWriter(f, options));
        if (identity != null && !identity.equals(writer.identity)) {
            writer.adopt(identity);
        }
        return writer;
    }

    private void adopt(FileIdentity newIdentity) {
        jvmLock.lock();
        try {
            if (identity != null) {
                dropConnection(); // its connection still has the old file open
            }
            identity = newIdentity;
        } finally {
            jvmLock.unlock();
        }
    }

    /** Inside the locks, before BEGIN: a stat of the path, so nothing is written into a file that is no longer the board. */
    private void requireSameFile() {
        FileIdentity now = FileIdentity.of(file);
        if (identity != null && !identity.equals(now)) {
            throw TackException.failed(Database.fileGone(file, now == null) + ": nothing written");
        }
    }

    Path lockFile() {
        return lockFile;
    }

    /** Who a write of this process is waiting for at this instant, or null when none is waiting. */
    String waitingFor() {
        return waitingFor;
    }

    /** Names this process to waiters that give up while it holds the lock, e.g. "alice (tack mv)". */
    void describeHolder(String who) {
        holderDescription = describeProcess(who);
        holderRecord = null;
    }

    /**
     * Makes every later write of this process a background one: it lets any person who is waiting
     * for the lock go first. Workers call this; so do commands started by a worker's job.
     */
    void yieldToPeople() {
        background = true;
    }


    /**
     * Runs {@code action} holding this process's and the side lock, outside any transaction: for
     * what SQLite refuses inside one (switching the journal mode back to WAL).
     */
    void whileLocked(Duration limit, Writer.LockedAction action) throws SQLException {
        Deadline deadline = Deadline.after(limit);
        acquireJvmLock(deadline);
        try {
            FileLock fileLock = acquireFileLock(deadline);
            try {
                requireSameFile();
                action.run();
            } finally {
                release(fileLock);
            }
        } finally {
            jvmLock.unlock();
        }
    }

    /** Runs {@code work} in one write transaction and commits it, or rolls back and rethrows. */
    <T> T write(Writer.Work<T> work, Duration limit) {
        Deadline deadline = Deadline.after(limit);
        acquireJvmLock(deadline);
        try {
            FileLock fileLock = acquireFileLock(deadline);
            try {
                requireSameFile();
                return transaction(work, deadline);
            } finally {
                release(fileLock);
            }
        } finally {
            jvmLock.unlock();
        }
    }

    private void acquireJvmLock(Deadline deadline) {
        try {
            if (!jvmLock.tryLock(Math.max(0, deadline.leftNanos()), TimeUnit.NANOSECONDS)) {
                throw TackException.busy("board is busy: another thread of this process has held the write lock on " + file
                        + " for over " + deadline.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TackException.failed("interrupted while waiting for the write lock");
        }
    }

    private FileLock acquireFileLock(Deadline deadline) {
        FileChannel channel = lockChannel();
        long backoffMicros = INITIAL_BACKOFF_MICROS;
        FileLock waitingFlag = null;
        long deferUntil = System.nanoTime() + MAX_DEFERENCE_NANOS;
        boolean waiting = false;
        try {
            while (true) {
                boolean deferring = background && System.nanoTime() < deferUntil && personWaiting(channel);
                FileLock lock = deferring ? null : tryLock(channel, 0, false);
                if (lock != null) {
                    recordHolder(channel);
                    return lock;
                }
                if (!background && waitingFlag == null) {
                    waitingFlag = tryLock(channel, PERSON_WAITING_BYTE, true);
                }
                if (waitingFor == null) {
                    waitingFor = holderForWaiters(channel); // read once per wait: the holder wrote it before we looked
                    waiting = true;
                }
                long left = deadline.leftNanos();
                if (left <= 0 && deferring) {
                    throw TackException.busy("board is busy: people kept waiting for the write lock on " + file + " for over "
                            + deadline.toMillis() + " ms, and background work lets them go first");
                }
                if (left <= 0) {
                    throw TackException.busy(busyMessage(channel, deadline));
                }
                long sleepNanos = TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextLong(backoffMicros / 2, backoffMicros + 1));
                LockSupport.parkNanos(Math.min(sleepNanos, left));
                backoffMicros = Math.min(backoffMicros * 2, MAX_BACKOFF_MICROS);
            }
        } finally {
            if (waiting) {
                waitingFor = null;
            }
            if (waitingFlag != null) {
                release(waitingFlag);
            }
        }
    }

    /** True while some person's write waits for the lock: an exclusive probe of their flag byte fails. */
    private boolean personWaiting(FileChannel channel) {
        FileLock probe = tryLock(channel, PERSON_WAITING_BYTE, false);
        if (probe == null) {
            return true;
        }
        release(probe);
        return false;
    }

    /**
     * Marks import {@code id} as alive for as long as this process runs it: an exclusive lock on one
     * byte of the side file far past the holder record ({@link #IMPORT_MARK_BASE} + id), which the
     * operating system drops if the process dies, however it dies. Called inside a write, so no
     * sweeper can see the import's row before its mark is up.
     */
    FileLock markImport(long id) {
        requireHeld();
        FileLock lock = tryLock(lockChannel(), IMPORT_MARK_BASE + id, false);
        if (lock == null) {
            throw TackException.failed("cannot mark import " + id + " as alive: its mark in " + lockFile + " is taken");
        }
        return lock;
    }

    /** Whether some live process (this one included) holds import {@code id}'s mark. Called inside a write. */
    boolean importAlive(long id) {
        requireHeld();
        try {
            FileLock probe = tryLock(lockChannel(), IMPORT_MARK_BASE + id, false);
            if (probe == null) {
                return true;
            }
            release(probe);
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true; // this JVM holds it
        }
    }

    private void requireHeld() {
        if (!jvmLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("an import's mark is taken and probed inside a write");
        }
    }

    private FileLock tryLock(FileChannel channel, long position, boolean shared) {
        // A FileChannel is interruptible: an interrupt during tryLock would close the channel (and
        // drop the process's locks on the file). So an interrupt ends the wait here, before it.
        if (Thread.currentThread().isInterrupted()) {
            throw TackException.failed("interrupted while waiting for the write lock on " + file);
        }
        try {
            return channel.tryLock(position, 1, shared);
        } catch (ClosedByInterruptException e) {
            throw TackException.failed("interrupted while waiting for the write lock on " + file);
        } catch (IOException e) {
            throw TackException.failed("cannot lock " + lockFile + ": " + e.getMessage());
        }
    }


    private <T> T transaction(Writer.Work<T> work, Deadline deadline) {
        Connection conn = connection();
        begin(conn, deadline);
        boolean committed = false;
        try {
            Tx tx = new Tx(conn, statements);
            // The revision's triggers count rows changed outside this bracket as unexplained (a file
            // not migrated yet has no revision: its migration, which adds it, is this transaction).
            boolean counted = RevisionTable.exists(tx);
            if (counted) {
                RevisionTable.enter(tx);
            }
            T result = work.apply(tx);
            if (counted) {
                RevisionTable.leave(tx);
            }
            commitStatement.execute();
            committed = true;
            Runnable hook = Writer.afterCommit;
            if (hook != null) {
                hook.run();
            }
            return result;
        } catch (SQLException e) {
            throw SqliteErrors.translate(file, e);
        } finally {
            if (!committed) {
                rollbackQuietly(conn);
            }
        }
    }

    /** BEGIN IMMEDIATE, retried while a writer that ignores the side lock (a sqlite3 shell) holds SQLite's lock. */
    private void begin(Connection conn, Deadline deadline) {
        boolean marked = false;
        try {
            while (true) {
                try {
                    beginStatement.execute();
                    if (marked) {
                        recordHolder(lockChannel);
                    }
                    return;
                } catch (SQLException e) {
                    if (SqliteErrors.isBusy(e) && !marked) {
                        recordWaitingOnForeign();
                        waitingFor = FOREIGN;
                        marked = true;
                    }
                    if (!SqliteErrors.isBusy(e)) {
                        dropConnection();
                        throw SqliteErrors.translate(file, e);
                    }
                    if (deadline.leftNanos() <= 0) {
                        throw TackException.busy("board is busy: another program (not tack) held SQLite's write lock on "
                                + file + " for over " + deadline.toMillis() + " ms");
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
        } finally {
            if (marked) {
                waitingFor = null;
            }
        }
    }

    private static final String FOREIGN = "another program (not tack)";

    /** The holder record as a waiter names it: a holder that itself waits on a foreign program names that program. */
    private static String holderForWaiters(FileChannel channel) {
        String holder = readHolder(channel);
        return holder.startsWith(WAITING_ON_FOREIGN.strip()) ? FOREIGN : holder;
    }

    private Connection connection() {
        if (connection == null) {
            try {
                connection = Connections.open(file, false, false, WRITER_BUSY_TIMEOUT_MILLIS, fullSync);
                statements = new StatementCache(connection);
                beginStatement = connection.prepareStatement("BEGIN IMMEDIATE");
                commitStatement = connection.prepareStatement("COMMIT");
            } catch (SQLException e) {
                throw SqliteErrors.translate(file, e);
            }
        }
        return connection;
    }

    private void dropConnection() {
        if (connection != null) {
            statements.close();
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a broken connection is replaced on the next write
            }
            connection = null;
        }
    }

    private FileChannel lockChannel() {
        // Kept open for the life of the JVM; reopened only if an interrupt closed it anyway.
        if (lockChannel == null || !lockChannel.isOpen()) {
            try {
                lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            } catch (AccessDeniedException e) {
                throw TackException.failed("cannot write the board: the folder " + lockFile.getParent() + " is read-only");
            } catch (IOException e) {
                throw TackException.failed("cannot open the lock file " + lockFile + ": " + e.getMessage());
            }
        }
        return lockChannel;
    }

    /** One small positioned write per lock: the holder's description, prepared once. */
    private void recordHolder(FileChannel channel) {
        if (holderRecord == null) {
            holderRecord = holderRecordOf(holderDescription);
        }
        writeHolderRecord(channel, holderRecord.duplicate());
    }

    /**
     * Marks the holder record while the holder (which has the side lock) waits for SQLite's lock,
     * held by a program that ignores the side lock: waiters that give up then blame that program,
     * not the tack command queued first behind it.
     */
    private static final String WAITING_ON_FOREIGN = "\u00a7waits-on-foreign\u00a7 ";

    private void recordWaitingOnForeign() {
        writeHolderRecord(lockChannel, holderRecordOf(WAITING_ON_FOREIGN + holderDescription));
    }

    /** {@code text} as the holder record: UTF-8, cut or padded with spaces to its fixed length. */
    private static ByteBuffer holderRecordOf(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(HOLDER_LENGTH);
        buffer.put(bytes, 0, Math.min(bytes.length, HOLDER_LENGTH));
        while (buffer.hasRemaining()) {
            buffer.put((byte) ' ');
        }
        return buffer;
    }

    private static void writeHolderRecord(FileChannel channel, ByteBuffer record) {
        record.flip();
        // Written with the interrupt status put aside: an interrupted channel write would close the
        // channel and silently release the lock just taken.
        boolean interrupted = Thread.interrupted();
        try {
            channel.write(record, HOLDER_OFFSET);
        } catch (IOException ignored) {
            // who holds the lock is a courtesy to waiters; the lock itself is what matters
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String busyMessage(FileChannel channel, Deadline deadline) {
        String holder = readHolder(channel);
        if (holder.startsWith(WAITING_ON_FOREIGN.strip())) {
            return "board is busy: another program (not tack) has held SQLite's write lock on " + file + " for a while; tack's "
                    + holder.substring(WAITING_ON_FOREIGN.strip().length()).strip() + " is first in line behind it ("
                    + deadline.toMillis() + " ms passed)";
        }
        return "board is busy: " + holder + " has held the write lock on " + file + " for over " + deadline.toMillis() + " ms";
    }

    private static String readHolder(FileChannel channel) {
        ByteBuffer buffer = ByteBuffer.allocate(HOLDER_LENGTH);
        boolean interrupted = Thread.interrupted();
        try {
            channel.read(buffer, HOLDER_OFFSET);
        } catch (IOException e) {
            return "another process";
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? "another process" : text;
    }

    private static String describeProcess(String who) {
        return who + " (pid " + ProcessHandle.current().pid() + " on " + Hosts.name() + ")";
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel stays open; a failed release is retried by the next lock call
        }
    }

    private static void execute(Connection conn, String sql) throws SQLException {
        try (Statement statement = conn.createStatement()) {
            statement.execute(sql);
        }
    }

    private void rollbackQuietly(Connection conn) {
        try {
            execute(conn, "ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction was open (BEGIN failed), or SQLite already rolled it back
        }
    }

    /** How long one write may wait for the locks, and when that time is up. */
    private record Deadline(Duration length, long atNanos) {
        static Deadline after(Duration length) {
            return new Deadline(length, System.nanoTime() + length.toNanos());
        }

        long leftNanos() {
            return atNanos - System.nanoTime();
        }

        long toMillis() {
            return length.toMillis();
        }
    }
}
