package dev.tack.store;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one way anything in this process writes a board file (DESIGN.md §2 rules 2 and 3).
 *
 * <p>A write takes, in order: a fair in-JVM lock (a {@link FileChannel} lock is held per process,
 * so two threads would otherwise collide), an exclusive lock on the side file {@code <db>.lock}
 * (taken with {@code tryLock} polling and jittered back-off up to a deadline, so a stopped holder
 * makes waiters fail with "board is busy" rather than hang), then {@code BEGIN IMMEDIATE} on the
 * writer connection, which stays in autocommit mode between writes so that no write transaction is
 * ever left open. The side file's channel is opened once and kept for the life of the JVM: closing
 * a descriptor of a file drops every POSIX lock the process holds on it.
 */
public final class Writer {

    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    /** A unit of work inside one write transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Tx tx) throws SQLException;
    }

    private static final ConcurrentHashMap<Path, Writer> BY_FILE = new ConcurrentHashMap<>();

    /** Where in the side file the holder writes who it is, for waiters that time out. */
    private static final int HOLDER_OFFSET = 64;
    private static final int HOLDER_LENGTH = 192;
    /** SQLite's own wait for a writer that ignores the side lock; we loop on it up to the deadline. */
    private static final int WRITER_BUSY_TIMEOUT_MILLIS = 50;

    private final ReentrantLock jvmLock = new ReentrantLock(true);
    private final Path file;
    private final Path lockFile;
    private final boolean fullSync;
    private volatile Duration deadline;
    private volatile String holderDescription = describeProcess("tack");
    private FileChannel lockChannel;
    /** A blocking lock request a helper thread still has open; only touched under {@link #jvmLock}. */
    private LockRequest pending;
    private Connection connection;
    private StatementCache statements;
    private java.sql.PreparedStatement beginStatement;
    private java.sql.PreparedStatement commitStatement;
    private ByteBuffer holderRecord;

    private Writer(Path file, Database.Options options) {
        this.file = file;
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
        this.fullSync = options.fullSync();
        this.deadline = options.lockDeadline();
    }

    static Writer forFile(Path file, Database.Options options) {
        Writer writer = BY_FILE.computeIfAbsent(file, f -> new Writer(f, options));
        writer.deadline = options.lockDeadline();
        return writer;
    }

    public Path lockFile() {
        return lockFile;
    }

    /** Names this process to waiters that give up while it holds the lock, e.g. "alice (tack mv)". */
    public void describeHolder(String who) {
        holderDescription = describeProcess(who);
        holderRecord = null;
    }

    /** Runs {@code work} in one write transaction and commits it, or rolls back and rethrows. */
    public <T> T write(Work<T> work) {
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        acquireJvmLock(deadlineNanos);
        try {
            FileLock fileLock = acquireFileLock(deadlineNanos);
            try {
                return transaction(work, deadlineNanos);
            } finally {
                release(fileLock);
            }
        } finally {
            jvmLock.unlock();
        }
    }

    private void acquireJvmLock(long deadlineNanos) {
        try {
            if (!jvmLock.tryLock(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw TackException.busy("board is busy: another thread of this process held the write lock for "
                        + deadline.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TackException.failed("interrupted while waiting for the write lock");
        }
    }

    /**
     * Takes the write lock on the side file. First a {@code tryLock}; when another process holds it, a
     * helper thread blocks in {@code lock()} so that the kernel hands the lock over the moment it is
     * released (no polling: waiters neither sleep through hand-overs nor wake a busy 2-core machine
     * thousands of times a second), while this thread waits for it only up to the deadline. A request
     * given up at the deadline stays with the helper: the next write of this process takes it over,
     * or the helper lets the lock go at once if nobody wants it by then. The helper is never
     * interrupted, since an interrupt would close the channel and drop the process's locks.
     */
    private FileLock acquireFileLock(long deadlineNanos) {
        FileChannel channel = lockChannel();
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw TackException.failed("interrupted while waiting for the write lock on " + file);
            }
            if (pending == null) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    recordHolder(channel);
                    return lock;
                }
                pending = LockRequest.start(channel);
            }
            LockRequest request = pending;
            LockRequest.Outcome outcome = request.await(deadlineNanos);
            if (outcome == LockRequest.Outcome.HELD) {
                pending = null;
                recordHolder(channel);
                return request.lock();
            }
            if (outcome == LockRequest.Outcome.TIMED_OUT) {
                throw TackException.busy("board is busy: " + readHolder(channel) + " has held the write lock on "
                        + file + " for over " + deadline.toMillis() + " ms");
            }
            if (outcome == LockRequest.Outcome.INTERRUPTED) {
                throw TackException.failed("interrupted while waiting for the write lock on " + file);
            }
            pending = null; // released unused, or failed: start again with a fresh request
            if (request.failure() != null) {
                throw TackException.failed("cannot lock " + lockFile + ": " + request.failure().getMessage());
            }
        }
    }

    private FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock(0, 1, false);
        } catch (ClosedByInterruptException e) {
            throw TackException.failed("interrupted while waiting for the write lock on " + file);
        } catch (IOException e) {
            throw TackException.failed("cannot lock " + lockFile + ": " + e.getMessage());
        }
    }

    private <T> T transaction(Work<T> work, long deadlineNanos) {
        Connection conn = connection();
        begin(conn, deadlineNanos);
        boolean committed = false;
        try {
            T result = work.apply(new Tx(conn, statements));
            commitStatement.execute();
            committed = true;
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
    private void begin(Connection conn, long deadlineNanos) {
        while (true) {
            try {
                beginStatement.execute();
                return;
            } catch (SQLException e) {
                if (!SqliteErrors.isBusy(e)) {
                    dropConnection();
                    throw SqliteErrors.translate(file, e);
                }
                if (System.nanoTime() >= deadlineNanos) {
                    throw TackException.busy("board is busy: another program (not tack) held SQLite's write lock on "
                            + file + " for over " + deadline.toMillis() + " ms");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
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
        // Kept open for the life of the JVM; reopened only if an interrupt closed it anyway (a helper
        // blocked on the old channel then fails and the next request starts on the new one).
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
            byte[] text = holderDescription.getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.allocate(HOLDER_LENGTH);
            buffer.put(text, 0, Math.min(text.length, HOLDER_LENGTH));
            while (buffer.hasRemaining()) {
                buffer.put((byte) ' ');
            }
            holderRecord = buffer;
        }
        ByteBuffer buffer = holderRecord.duplicate();
        buffer.flip();
        buffer.limit(HOLDER_LENGTH);
        // Written with the interrupt status put aside: an interrupted channel write would close the
        // channel and silently release the lock just taken.
        boolean interrupted = Thread.interrupted();
        try {
            channel.write(buffer, HOLDER_OFFSET);
        } catch (IOException ignored) {
            // who holds the lock is a courtesy to waiters; the lock itself is what matters
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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

}
