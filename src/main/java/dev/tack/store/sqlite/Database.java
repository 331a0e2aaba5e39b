package dev.tack.store.sqlite;

import dev.tack.model.TackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import dev.tack.store.Storage;
import dev.tack.store.Work;

/**
 * One board file, opened safely: it exists (or may be created), it is SQLite, it is tack's and not
 * from a newer tack, and it is on a local disk. Gives the process's {@link Writer} for the file and
 * read transactions on a connection of its own.
 *
 * <p>Nothing here opens the database files with Java I/O (docs/ARCHITECTURE.md §2 rule 1): only
 * {@code stat}-style calls (exists, size, permissions, file store type) are made on them.
 */
public final class Database implements Storage {

    /** How a file may be opened. */
    public record Options(boolean create, boolean fullSync, Duration lockDeadline, java.time.Clock clock) {
        public Options(boolean create, boolean fullSync, Duration lockDeadline) {
            this(create, fullSync, lockDeadline, java.time.Clock.systemUTC());
        }

        public static Options defaults() {
            return new Options(false, false, Writer.DEFAULT_DEADLINE);
        }

        public Options creating(boolean allowCreate) {
            return new Options(allowCreate, fullSync, lockDeadline, clock);
        }

        /** The same, telling time by {@code newClock} (a test's). */
        public Options at(java.time.Clock newClock) {
            return new Options(create, fullSync, lockDeadline, newClock);
        }
    }

    private static final int READ_BUSY_TIMEOUT_MILLIS = 5_000;
    private static final Duration WAL_RESTORE_DEADLINE = Duration.ofSeconds(2);
    private final List<String> notices = new java.util.ArrayList<>();

    /** The path as given (made absolute): what a replaced or deleted file is noticed by. */
    private final Path path;
    /** The real file the path led to when opened: the lock file, the writer and SQLite are keyed by it. */
    private final Path file;
    private final Options options;
    /** Which file was opened, or null before it exists (set once created). */
    private FileIdentity identity;
    /** Why the file is read-only, or null when it is not. */
    private final String readOnlyReason;
    private final boolean readOnly;
    private Connection reader;

    private Database(Path path, Path file, Options options, String readOnlyReason) {
        this.path = path;
        this.file = file;
        this.options = options;
        this.readOnlyReason = readOnlyReason;
        this.readOnly = readOnlyReason != null;
    }

    /**
     * Opens the file, creating it (with WAL and the current schema) only when {@code options.create()}
     * allows and it does not exist. {@code seed} runs in the creating transaction, after the schema.
     */
    public static Database open(Path file, Options options, Work<?> seed) {
        Path absolute = file.toAbsolutePath().normalize();
        boolean exists = Files.exists(absolute);
        if (!exists && !options.create()) {
            throw TackException.failed("no board database at " + absolute + " (create one with: tack init --db " + absolute + ")");
        }
        if (exists && Files.isDirectory(absolute)) {
            throw TackException.failed(absolute + " is a folder, not a board database");
        }
        Path folder = absolute.getParent();
        if (!exists) {
            createFolder(folder);
            if (lacksWriteBit(folder)) {
                throw TackException.failed("cannot create " + absolute + ": the folder " + folder + " is read-only");
            }
        }
        Mounts.requireLocal(folder);
        // Through a symlink or a ".." the same file must get the same lock file and the same Writer
        // (docs/ARCHITECTURE.md §2 rule 2), so both are named after the real path. realpath is stat-style.
        Path real = BoardFiles.realName(absolute);
        String readOnly = !exists ? null
                : onReadOnlyMount(folder) ? "its folder " + folder + " cannot be written: a read-only mount, or no permission"
                : lacksWriteBit(absolute) ? "its permissions allow no writes"
                : lacksWriteBit(folder) ? "its folder " + folder + " is read-only, and a write needs the lock file,"
                        + " -wal and -shm beside it"
                : null;
        Database database = new Database(absolute, real, options, readOnly);
        database.identity = FileIdentity.of(real);
        try {
            if (exists && !(options.create() && database.creationUnfinished())) {
                database.checkExisting();
            } else {
                // Also when another process created the file a moment ago and has not yet written the
                // schema (two first uses at once), or died doing so: creating is idempotent under the lock.
                database.create(seed);
                database.identity = FileIdentity.of(real);
                if (exists) {
                    database.checkExisting();
                }
            }
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Why this process must stop using the file, or empty while its path still names the file it
     * opened: deleted, moved away or replaced by another file (say a restored backup) since. One
     * {@code stat}, no I/O on the file; long-lived processes (the screen, {@code log --follow},
     * workers) call it as they poll.
     */
    @Override
    public java.util.Optional<String> fileProblem() {
        FileIdentity now = FileIdentity.of(path);
        if (identity == null || identity.equals(now)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(fileGone(path, now == null));
    }

    static String fileGone(Path path, boolean none) {
        return "board file " + path + (none ? " was deleted or moved" : " was replaced by another file")
                + " while open";
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    /** The process's one writer for this file. */
    public Writer writer() {
        if (readOnly) {
            throw TackException.failed(file + " is read-only (" + readOnlyReason + ")");
        }
        fileProblem().ifPresent(problem -> {
            throw TackException.failed(problem + ": nothing written");
        });
        return Writer.forFile(file, options, identity);
    }

    /** Runs {@code work} on this database's read connection, in one read transaction. */
    public synchronized <T> T read(Writer.Work<T> work) {
        try {
            Connection connection = reader();
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN");
            }
            try {
                return work.apply(new Tx(connection));
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("COMMIT");
                }
            }
        } catch (SQLException e) {
            throw SqliteErrors.translate(file, e);
        }
    }

    /** A new change feed on its own long-lived connection, starting after {@code afterEventId}. */
    @Override
    public ChangeFeed changeFeed(long afterEventId) {
        try {
            return new ChangeFeed(file, openConnection(false), afterEventId);
        } catch (SQLException e) {
            throw SqliteErrors.translate(file, e);
        }
    }

    Connection openConnection(boolean create) throws SQLException {
        return Connections.open(file, create, readOnly, READ_BUSY_TIMEOUT_MILLIS, options.fullSync());
    }

    private synchronized Connection reader() throws SQLException {
        if (reader == null) {
            reader = openConnection(false);
        }
        return reader;
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public <T> T writeTransaction(Work<T> work) {
        return writer().write(tx -> Transaction.run(tx.at(options.clock()), work));
    }

    @Override
    public <T> T readTransaction(Work<T> work) {
        return read(tx -> Transaction.run(tx.at(options.clock()), work));
    }

    @Override
    public java.time.Clock clock() {
        return options.clock();
    }

    @Override
    public java.util.List<String> integrityProblems() {
        return read(Integrity::problems);
    }

    @Override
    public String writeWaitingFor() {
        return readOnly ? null : Writer.forFile(file, options, identity).waitingFor();
    }

    @Override
    public void describeHolder(String who) {
        if (!readOnly) {
            writer().describeHolder(who);
        }
    }

    @Override
    public void yieldToPeople() {
        if (!readOnly) {
            writer().yieldToPeople();
        }
    }

    @Override
    public Writer.LiveMark markImport(long importId) {
        return writer().markImport(importId);
    }

    @Override
    public boolean importAlive(long importId) {
        return writer().importAlive(importId);
    }

    @Override
    public boolean isOwnFile(Path candidate) {
        return BoardFiles.isBoardFile(candidate, file);
    }

    @Override
    public dev.tack.model.BackupContents backupTo(Path target) {
        return Backups.write(this, target);
    }

    @Override
    public dev.tack.model.BackupContents inspectBackup(Path backup) {
        return Backups.inspect(backup);
    }

    @Override
    public dev.tack.model.BackupContents restoreFrom(Path source) {
        if (readOnly) {
            throw TackException.failed(file + " is read-only: cannot restore a backup into it");
        }
        return Backups.restore(this, writer(), source);
    }

    /** A folder of its own beside the file, named after it ({@code tack.db.runs/}), so two databases in one folder never share a log. */
    @Override
    public Path runsFolder() {
        return file.resolveSibling(file.getFileName() + ".runs");
    }

    /** An empty file, or an SQLite file with no schema at all: a creation in progress or cut short. */
    private boolean creationUnfinished() {
        try {
            if (Files.size(file) == 0) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        return read(tx -> tx.userVersion() == 0 && tx.number("SELECT count(*) FROM sqlite_master") == 0);
    }

    private void checkExisting() {
        try {
            if (Files.size(file) == 0) {
                throw notTack("it is empty");
            }
        } catch (IOException e) {
            throw TackException.failed("cannot read " + file + ": " + e.getMessage());
        }
        int version = read(tx -> {
            int userVersion = tx.userVersion();
            if (userVersion == 0) {
                throw notTack("it is an SQLite database without tack's tables");
            }
            if (tx.number("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'cards'") == 0) {
                throw notTack("it has no cards table");
            }
            return userVersion;
        });
        if (version > Schema.CURRENT_VERSION) {
            throw Schema.newerFile(version);
        }
        restoreWal();
        if (version < Schema.CURRENT_VERSION) {
            writer().write(tx -> {
                Schema.migrate(tx);
                return null;
            });
        }
    }

    private void create(Work<?> seed) {
        try (Connection connection = Connections.open(file, true, false, READ_BUSY_TIMEOUT_MILLIS, options.fullSync());
             Statement statement = connection.createStatement()) {
            // WAL is a property of the file: set once, here, before any transaction.
            switchToWal(statement, options.lockDeadline());
        } catch (SQLException e) {
            throw SqliteErrors.translate(file, e);
        }
        writer().write(tx -> {
            if (tx.userVersion() == 0) {
                Schema.migrate(tx);
                Transaction.run(tx.at(options.clock()), seed);
            }
            return null;
        });
    }

    /**
     * Switching needs an exclusive lock, and SQLite answers BUSY at once (no busy handler) while
     * another connection holds a shared one (another process creating the same file at the same
     * moment, a reader of a file in rollback mode): retry up to the deadline.
     */
    private static void switchToWal(Statement statement, Duration deadline) throws SQLException {
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        while (true) {
            try {
                statement.execute("PRAGMA journal_mode=WAL");
                return;
            } catch (SQLException e) {
                if (!SqliteErrors.isBusy(e) || System.nanoTime() >= deadlineNanos) {
                    throw e;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextInt(1, 10)));
        }
    }

    /**
     * A file that another program (the sqlite3 shell's {@code PRAGMA journal_mode=DELETE}) took out
     * of WAL is put back (docs/ARCHITECTURE.md §2 rule 6), under the side lock so that no tack writer is in a
     * transaction, and SQLite itself switches only when no other connection is reading. When that
     * does not happen within a moment the file is left as it is and {@code tack check} reports it.
     */
    private void restoreWal() {
        String mode = read(tx -> tx.list("PRAGMA journal_mode", row -> row.getString(1)).get(0));
        if (mode.equalsIgnoreCase("wal") || readOnly) {
            return;
        }
        try {
            writer().whileLocked(() -> {
                try (Connection connection = openConnection(false); Statement statement = connection.createStatement()) {
                    switchToWal(statement, WAL_RESTORE_DEADLINE);
                }
            });
            notices.add(file + " was in journal mode " + mode + " (another program switched it); tack put it back to wal");
        } catch (SQLException | TackException e) {
            notices.add(file + " is in journal mode " + mode + ", not wal, and tack could not switch it back now ("
                    + e.getMessage() + "); see: tack check");
        }
    }

    /** What opening the file did or found that the person should know (one line each), e.g. the journal mode restored. */
    @Override
    public List<String> notices() {
        return List.copyOf(notices);
    }

    private TackException notTack(String why) {
        return TackException.failed(file + " is not a tack database (" + why + ")");
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw TackException.failed("cannot create folder " + folder + ": " + e.getMessage());
        }
    }

    /**
     * A read-only mount, where even root cannot write: access(2) answers EROFS for it (a stat-style
     * call). The file store's own flag misses a read-only bind mount of a writable disk.
     */
    private static boolean onReadOnlyMount(Path folder) {
        try {
            return !Files.isWritable(folder) || Files.getFileStore(folder).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Root writes through any permission bits, so "read-only" is read from the bits themselves:
     * a file, or a folder, that nobody may write is treated as read-only even by root.
     */
    private static boolean lacksWriteBit(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return !permissions.contains(PosixFilePermission.OWNER_WRITE)
                    && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                    && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return !Files.isWritable(file);
        }
    }

    @Override
    public synchronized void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (SQLException ignored) {
                // closing a read connection cannot lose data
            }
            reader = null;
        }
    }
}
