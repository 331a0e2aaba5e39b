package dev.tack.store.postgres;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import dev.tack.model.Hosts;
import dev.tack.model.TackException;
import dev.tack.model.AliveMark;
import dev.tack.store.Feed;
import dev.tack.store.ImportMark;
import dev.tack.store.Storage;
import dev.tack.store.Work;

/**
 * One tack database on a PostgreSQL server: a schema ({@code tack} by default) of one database.
 *
 * <p><b>Writes.</b> One transaction per operation, on this handle's writer connection, behind a fair
 * in-process lock. Its first statement takes the schema's write lock, a transaction-level advisory
 * lock ({@code pg_advisory_xact_lock(schema key, 1)}), released by the commit or rollback, never
 * left behind by a session that dies. Every write of every process, on every host, takes the same
 * lock: positions, hard WIP limits and compare-and-swap versions are checked and written with no
 * other tack writer in between (as on SQLite), and event ids are handed out in commit order, so a
 * change feed that reads "after the last id" misses none. {@code lock_timeout} is the lock
 * deadline: past it the write fails BUSY (exit 5) naming the holder, read from
 * {@code pg_stat_activity} ({@code application_name} says who and which command).
 *
 * <p><b>Schema.</b> {@code init} creates the schema and runs the migrations ({@link PgSchema}) under
 * a second advisory lock, so that two first inits from two machines cannot race; opening an older
 * schema migrates it; a newer one is refused.
 *
 * <p>Passwords: {@link PgUrl} keeps them out of everything this class prints or hands on.
 */
public final class PgDatabase implements Storage {

    /** The second half of the advisory-lock keys; the first is the schema's own ({@link #schemaKey}). */
    private static final int WRITE_LOCK = 1;
    private static final int MIGRATION_LOCK = 2;
    /** Held shared by every person's write that waits for the write lock: background writers defer while any is. */
    private static final int PEOPLE_WAITING = 3;
    /** How long a background write defers to waiting people at most, as on SQLite. */
    private static final java.time.Duration PEOPLE_FIRST_MAX = java.time.Duration.ofSeconds(2);

    private final PgUrl url;
    private final Storage.Options options;
    private final int schemaKey;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final List<String> notices = new ArrayList<>();
    private final String process = " (pid " + ProcessHandle.current().pid() + " on " + Hosts.name() + ")";
    private volatile String holder = "tack";
    private volatile String waitingFor;
    /** Set by {@link #yieldToPeople}: this process's writes are a worker's, which let people go first. */
    private volatile boolean background;
    private boolean readOnly;
    private Connection writer;
    private Connection reader;

    private PgDatabase(PgUrl url, Storage.Options options) {
        this.url = url;
        this.options = options;
        this.schemaKey = url.schema().hashCode() & 0x7fffffff;
    }

    /** True when {@code location} names a PostgreSQL database rather than a file. */
    public static boolean isLocation(String location) {
        return PgUrl.is(location);
    }

    /** The location as tack shows it: no password, whatever the URL held. */
    public static String display(String location) {
        return PgUrl.parse(location, Map.of()).display();
    }

    /** Whether tack's tables are in the schema {@code location} names (for {@code init}, which creates them otherwise). */
    public static boolean exists(String location) {
        PgDatabase probe = new PgDatabase(PgUrl.parse(location, System.getenv()), Storage.Options.defaults());
        try (Connection connection = probe.connect("tack init")) {
            return PgSchema.version(new PgTx(connection, Clock.systemUTC())) > 0;
        } catch (SQLException e) {
            throw PgErrors.translate(probe.url.display(), e);
        }
    }

    /**
     * Opens the schema at {@code location}, creating tack's tables (and {@code seed}'s rows, in the
     * same transaction) when {@code options.create()} allows and the schema has none yet.
     */
    public static PgDatabase open(String location, Storage.Options options, Work<?> seed) {
        PgDatabase database = new PgDatabase(PgUrl.parse(location, System.getenv()), options);
        try {
            database.prepare(seed);
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private void prepare(Work<?> seed) {
        try (Connection connection = connect("tack (opening)")) {
            PgTx tx = new PgTx(connection, options.clock());
            int version = PgSchema.version(tx);
            if (version == 0 && !options.create()) {
                throw TackException.failed("no tack database at " + url.display() + " (create one with: tack init --db " + url.display() + ")");
            }
            if (version > PgSchema.CURRENT_VERSION) {
                throw PgSchema.newer(url.schema(), version);
            }
            if (version < PgSchema.CURRENT_VERSION) {
                migrate(connection, seed);
            }
            readOnly = !tx.bool("SELECT has_table_privilege('cards', 'INSERT') AND has_table_privilege('cards', 'UPDATE')");
        } catch (SQLException e) {
            throw PgErrors.translate(url.display(), e);
        }
    }

    /**
     * Creates the schema or brings it up to date, in one transaction under the migration lock; the
     * version is read again once the lock is held (another machine may have just done it). {@code
     * seed} runs only in the transaction that created the tables.
     */
    private void migrate(Connection connection, Work<?> seed) throws SQLException {
        connection.setAutoCommit(false);
        try {
            PgTx tx = new PgTx(connection, options.clock());
            setLockTimeout(tx);
            tx.one("SELECT pg_advisory_xact_lock(?, ?)", row -> null, schemaKey, MIGRATION_LOCK);
            String create = tx.one("SELECT format('CREATE SCHEMA IF NOT EXISTS %I', ?::text)", row -> row.getString(1), url.schema()).orElseThrow();
            if (tx.number("SELECT count(*) FROM pg_catalog.pg_namespace WHERE nspname = ?", url.schema()) == 0) {
                tx.script(create);
            }
            int before = PgSchema.version(tx);
            PgSchema.migrate(tx, url.schema());
            if (before == 0 && seed != null) {
                enter(tx);
                PgRows rows = new PgRows(tx, this);
                seed.apply(rows);
                leave(tx, rows.keys());
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            if ("42501".equals(e.getSQLState())) {
                throw TackException.failed("the schema " + url.schema() + " of " + url.display() + " needs tack's tables created or migrated"
                        + " (schema " + PgSchema.CURRENT_VERSION + "), which only a role that owns it may do: run tack init as the owner role");
            }
            throw e;
        } catch (RuntimeException e) {
            connection.rollback();
            throw unwrap(e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    public Clock clock() {
        return options.clock();
    }

    @Override
    public String location() {
        return url.display();
    }

    /**
     * One write transaction, applied exactly once even when the connection breaks. A break before
     * the commit was sent means the server rolled the transaction back: reconnect and run the work
     * again. A break at the commit leaves the outcome unknown: the transaction recorded an
     * idempotency key (the board layer's, from {@code --idempotency-key}, or one generated here for
     * any write that appended an event), so the retry, once it holds the write lock (which the old
     * transaction held until it was resolved), first asks whether that key exists: if it does, the
     * first attempt committed and its result stands; if not, it rolled back and the work runs again.
     */
    @Override
    public <T> T writeTransaction(Work<T> work) {
        if (readOnly) {
            throw TackException.failed(url.display() + " is read-only for this role: it may read the board but not change it");
        }
        lockInProcess();
        try {
            Pending<T> pending = null;
            String generatedKey = java.util.UUID.randomUUID().toString();
            for (int attempt = 1; ; attempt++) {
                Attempt<T> outcome = attempt(work, pending, generatedKey, attempt == MAX_ATTEMPTS);
                if (outcome.done()) {
                    return outcome.result();
                }
                pending = outcome.pending();
            }
        } catch (SQLException e) {
            throw PgErrors.translate(url.display(), e);
        } finally {
            waitingFor = null;
            writeLock.unlock();
        }
    }

    /** How often a write is tried when its connection keeps breaking (each try on a new connection). */
    private static final int MAX_ATTEMPTS = 3;

    /** A first attempt whose commit's outcome is unknown: its key, and the result it computed. */
    private record Pending<T>(String key, T result) {
    }

    /** What one attempt came to: done with a result, or to be tried again (with what is pending from it, if anything). */
    private record Attempt<T>(boolean done, T result, Pending<T> pending) {
        static <T> Attempt<T> of(T result) {
            return new Attempt<>(true, result, null);
        }

        static <T> Attempt<T> again(Pending<T> pending) {
            return new Attempt<>(false, null, pending);
        }
    }

    private <T> Attempt<T> attempt(Work<T> work, Pending<T> pending, String generatedKey, boolean last) throws SQLException {
        Connection connection = writer();
        PgKeys keys;
        T result;
        try {
            PgTx tx = new PgTx(connection, options.clock());
            takeWriteLock(tx);
            if (pending != null && PgKeys.find(tx, pending.key(), options.clock().millis()).isPresent()) {
                connection.rollback();
                return Attempt.of(pending.result()); // the broken commit did commit
            }
            enter(tx);
            PgRows rows = new PgRows(tx, this);
            result = work.apply(rows);
            keys = rows.keys();
            if (keys.recorded() == null && tx.appendedEvents()) {
                keys.record(generatedKey, GENERATED, "", options.clock().millis());
            }
            leave(tx, keys);
        } catch (SQLException e) {
            return retryOrFail(connection, e, pending, last);
        } catch (Failure e) {
            return retryOrFail(connection, e.sql(), pending, last);
        } catch (RuntimeException e) {
            rollback(connection);
            throw e;
        }
        try {
            connection.commit();
            return Attempt.of(result);
        } catch (SQLException e) {
            if (!PgErrors.isConnectionLost(e)) {
                throw failedWrite(connection, e);
            }
            dropWriter();
            if (keys.recorded() == null) {
                throw TackException.failed("the connection to " + url.display() + " broke at commit: whether the write was saved is unknown"
                        + " (see tack log)");
            }
            if (last) {
                throw TackException.failed("the connection to " + url.display() + " broke at commit " + MAX_ATTEMPTS
                        + " times: whether the write was saved is unknown (see tack log)");
            }
            return Attempt.again(new Pending<>(keys.recorded(), result));
        }
    }

    /** Before the commit: a broken connection rolled the transaction back, so the work may run again (keeping what is pending). */
    private <T> Attempt<T> retryOrFail(Connection connection, SQLException e, Pending<T> pending, boolean last) {
        if (PgErrors.isConnectionLost(e) && !last) {
            dropWriter();
            return Attempt.again(pending);
        }
        throw failedWrite(connection, e);
    }

    /** The fingerprint of a key this engine made for a write that named none: no one replays it, only the engine checks it. */
    private static final String GENERATED = "(generated)";

    private void lockInProcess() {
        try {
            if (!writeLock.tryLock(options.lockDeadline().toMillis(), TimeUnit.MILLISECONDS)) {
                throw TackException.busy("board is busy: another thread of this process held the write lock on " + url.display()
                        + " for over " + options.lockDeadline().toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TackException.failed("interrupted while waiting to write " + url.display() + ": nothing written");
        }
    }

    /**
     * Tries first, so that a waiting write can say whom it waits for ({@link #writeWaitingFor}) while
     * it waits. People go first: a person's write that must wait raises a flag, a shared
     * transaction lock on the schema's {@code PEOPLE_WAITING} key, held until it commits, and waits
     * in the server's lock queue. A background writer ({@link #yieldToPeople}: workers and their
     * jobs' commands) never joins that queue: it polls for the write lock, and while any person's
     * flag is up it defers (at most {@link #PEOPLE_FIRST_MAX} in all, saying so in its
     * application_name), so that every person waiting goes before it.
     */
    private void takeWriteLock(PgTx tx) throws SQLException {
        // One round trip when nobody holds it: the deadline for this transaction's waits, and the try.
        if (tx.bool("SELECT pg_try_advisory_xact_lock(?, ?) FROM (SELECT set_config('lock_timeout', ?, true)) deadline",
                schemaKey, WRITE_LOCK, lockTimeout())) {
            return;
        }
        if (!background) {
            // A second: who holds it (for the waiting note and a BUSY message), and the flag that people wait; then the wait.
            waitingFor = tx.one("SELECT (" + HOLDER + "), pg_advisory_xact_lock_shared(?, ?)", row -> row.getString(1),
                    schemaKey, WRITE_LOCK, schemaKey, PEOPLE_WAITING).orElse(null);
            if (waitingFor == null) {
                waitingFor = "another session";
            }
            tx.one("SELECT pg_advisory_xact_lock(?, ?)", row -> null, schemaKey, WRITE_LOCK);
            return;
        }
        waitingFor = holderOfWriteLock(tx).orElse("another session");
        long start = System.nanoTime();
        long deadline = start + options.lockDeadline().toNanos();
        boolean deferring = false;
        while (System.nanoTime() - deadline < 0) {
            boolean personWaits = System.nanoTime() - start < PEOPLE_FIRST_MAX.toNanos() && personWaiting(tx);
            if (personWaits != deferring) {
                deferring = personWaits;
                tx.one("SELECT set_config('application_name', ?, true)", row -> null,
                        (deferring ? "yielding to a person: " : "") + applicationName()); // first: the server keeps 63 bytes
            }
            if (!personWaits && tx.bool("SELECT pg_try_advisory_xact_lock(?, ?)", schemaKey, WRITE_LOCK)) {
                return;
            }
            pause();
        }
        throw new SQLException("canceling statement due to lock timeout", "55P03");
    }

    /** Whether a person's write waits now: its shared flag stops a session-level exclusive try (let go at once). */
    private boolean personWaiting(PgTx tx) throws SQLException {
        if (tx.bool("SELECT pg_try_advisory_lock(?, ?)", schemaKey, PEOPLE_WAITING)) {
            tx.one("SELECT pg_advisory_unlock(?, ?)", row -> null, schemaKey, PEOPLE_WAITING);
            return false;
        }
        return true;
    }

    /** A short jittered pause between a background writer's tries (as the SQLite writer's tryLock polling). */
    private static void pause() throws SQLException {
        try {
            Thread.sleep(2 + java.util.concurrent.ThreadLocalRandom.current().nextInt(8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the write lock", "57014");
        }
    }

    private RuntimeException failedWrite(Connection connection, SQLException e) {
        rollback(connection);
        if (PgErrors.isLockTimeout(e)) {
            String who = waitingFor;
            if (who == null) {
                try {
                    who = holderOfWriteLock(new PgTx(connection, options.clock())).orElse(null);
                    connection.rollback();
                } catch (SQLException ignored) {
                    who = null;
                }
            }
            return TackException.busy("board is busy: " + (who == null ? "another session" : who) + " has held the write lock on "
                    + url.display() + " for over " + options.lockDeadline().toMillis() + " ms");
        }
        if (PgErrors.isConnectionLost(e)) {
            dropWriter();
        }
        return PgErrors.translate(url.display(), e);
    }

    /**
     * Who holds the schema's write lock (parameters: the lock's two keys), from pg_stat_activity:
     * its application_name (who, which command), else its session, user and address; null if nobody.
     */
    private static final String HOLDER = "SELECT coalesce(nullif(trim(a.application_name), ''), 'session ' || a.pid"
            + " || coalesce(' of ' || a.usename, '') || coalesce(' from ' || host(a.client_addr), ''))"
            + " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())"
            + " AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 2 LIMIT 1";

    private Optional<String> holderOfWriteLock(PgTx tx) throws SQLException {
        return tx.one(HOLDER, row -> row.getString(1), schemaKey, WRITE_LOCK);
    }

    private String lockTimeout() {
        return Math.max(1, options.lockDeadline().toMillis()) + "ms";
    }

    private void setLockTimeout(PgTx tx) throws SQLException {
        tx.one("SELECT set_config('lock_timeout', ?, true)", row -> null, lockTimeout());
    }

    /** First statement of a write: its changes are tack's, described by its events if it leaves any (the SQLite engine's RevisionTable). */
    private static void enter(PgTx tx) throws SQLException {
        tx.update("UPDATE revision SET in_tack = 1, tx_number = number, tx_event = (SELECT coalesce(max(id), 0) FROM events) WHERE id = 1");
    }

    /**
     * Last statement before COMMIT: a write that changed board data but left no event is one
     * unexplained change. The key the transaction recorded goes in the same statement ({@link PgKeys#writeWith}).
     */
    private static void leave(PgTx tx, PgKeys keys) throws SQLException {
        keys.writeWith("UPDATE revision SET in_tack = 0, unexplained = unexplained"
                + " + CASE WHEN number > tx_number AND (SELECT coalesce(max(id), 0) FROM events) = tx_event THEN 1 ELSE 0 END WHERE id = 1");
    }

    /** Tells listening feeds that this transaction committed something (presence: not board data, no trigger). */
    void notifyCommit(PgTx tx) throws SQLException {
        tx.one("SELECT pg_notify('tack', ?)", row -> null, url.schema());
    }

    @Override
    public synchronized <T> T readTransaction(Work<T> work) {
        try {
            Connection connection = reader();
            try {
                T result = work.apply(new PgRows(new PgTx(connection, options.clock()), this));
                connection.commit();
                return result;
            } catch (Failure e) {
                rollback(connection);
                throw e.sql();
            } catch (RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException e) {
            if (PgErrors.isConnectionLost(e)) {
                closeQuietly(reader);
                reader = null;
            }
            throw PgErrors.translate(url.display(), e);
        }
    }

    @Override
    public Feed changeFeed(long afterEventId) {
        try {
            return new PgFeed(connect(holder + " (change feed)"), url, afterEventId, () -> connect(holder + " (change feed, listening)"));
        } catch (SQLException e) {
            throw PgErrors.translate(url.display(), e);
        }
    }

    /** A server database is never replaced under a process the way a file is: nothing to report. */
    @Override
    public Optional<String> fileProblem() {
        return Optional.empty();
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public List<String> notices() {
        return List.copyOf(notices);
    }

    @Override
    public List<String> integrityProblems() {
        return readTransaction(tx -> PgDatabase.sql(() -> PgIntegrity.problems(((PgRows) tx).pgTx(), url.schema())));
    }

    @Override
    public String writeWaitingFor() {
        return waitingFor;
    }

    /** Becomes the writer connection's application_name, which waiters read from pg_stat_activity. */
    @Override
    public void describeHolder(String who) {
        holder = who;
        lockInProcess();
        try {
            if (writer != null) {
                try {
                    new PgTx(writer, options.clock()).one("SELECT set_config('application_name', ?, false)", row -> null, applicationName());
                    writer.commit();
                } catch (SQLException e) {
                    dropWriter();
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** From now on this handle's writes are background ones, which let a waiting person go first ({@link #takeWriteLock}). */
    @Override
    public void yieldToPeople() {
        background = true;
    }

    /** No file of the board's can be named by a path on this machine. */
    @Override
    public boolean isOwnFile(Path candidate) {
        return false;
    }

    /**
     * A session-level advisory lock on a connection of its own, held while the import runs: a
     * process that dies loses its session and the lock with it, on any host.
     */
    @Override
    public ImportMark markImport(long importId) {
        try {
            Connection connection = connect(holder + " (import " + importId + ")");
            new PgTx(connection, options.clock()).one("SELECT pg_advisory_lock(?, ?)", row -> null, schemaKey, importKey(importId));
            return () -> closeQuietly(connection);
        } catch (SQLException e) {
            throw PgErrors.translate(url.display(), e);
        }
    }

    /** Inside a write: whether some session still holds import {@code importId}'s mark (taking it for a moment proves none does). */
    @Override
    public boolean importAlive(long importId) {
        try {
            PgTx tx = new PgTx(writer(), options.clock());
            return !tx.bool("SELECT pg_try_advisory_xact_lock(?, ?)", schemaKey, importKey(importId));
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    /** A session-level advisory lock on a connection of its own ({@link PgAliveMark}), named in pg_stat_activity. */
    @Override
    public AliveMark markAlive(String host, long pid) {
        try {
            return PgAliveMark.take(this, url.schema(), host, pid, holder + " (worker alive, pid " + pid + " on " + host + ")");
        } catch (SQLException e) {
            throw PgErrors.translate(url.display(), e);
        }
    }

    /** Inside a transaction: whether nobody holds the mark of life of {@code host}/{@code pid}; never true of this process. */
    boolean provenGone(PgTx tx, String host, long pid) throws SQLException {
        if (host.equals(Hosts.name()) && pid == ProcessHandle.current().pid()) {
            return false; // advisory locks are re-entrant: this session could always take its own
        }
        return PgAliveMark.provenGone(tx, url.schema(), host, pid);
    }

    private static int importKey(long importId) {
        return (int) -(importId & 0x7fffffffL) - 16; // apart from the write and migration locks' keys
    }

    /**
     * Not on a server: a backup there is the server's own business ({@code pg_dump --schema=tack}),
     * and a board file's backup cannot be restored into a schema (that will be {@code tack db copy}).
     */
    @Override
    public dev.tack.model.BackupContents backupTo(Path target) {
        throw TackException.failed(BACKUPS);
    }

    @Override
    public dev.tack.model.BackupContents inspectBackup(Path file) {
        throw TackException.failed(BACKUPS);
    }

    @Override
    public dev.tack.model.BackupContents restoreFrom(Path source) {
        throw TackException.failed(BACKUPS);
    }

    private static final String BACKUPS = "tack backup is for board files; back up a PostgreSQL board with the server's tools"
            + " (pg_dump --schema=SCHEMA), nothing written";

    /**
     * Run logs stay on the worker's machine: {@code $XDG_STATE_HOME/tack/runs/<digest of the
     * location>} (else {@code ~/.local/state/…}), one folder per server database.
     */
    @Override
    public Path runsFolder() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() && Path.of(state).isAbsolute() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("tack").resolve("runs").resolve(digest(url.jdbcUrl() + "?currentSchema=" + url.schema()));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How long a read may hear nothing from the server. A pulled cable tells no one: without a limit
     * a read would wait until TCP gives up (many minutes), and a screen would hang on an old board;
     * past it the read fails as a lost connection does. tack's reads take no locks, so a live
     * server answers them long before; a write may wait for the write lock (the lock deadline), so
     * the writer's limit is that plus this.
     */
    private static final int SILENCE_MILLIS = 10_000;

    private synchronized Connection writer() throws SQLException {
        if (writer == null) {
            writer = connect(applicationName());
            writer.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, options.lockDeadline().toMillis() + SILENCE_MILLIS));
            writer.setAutoCommit(false);
        }
        return writer;
    }

    private synchronized Connection reader() throws SQLException {
        if (reader == null) {
            reader = connect(holder + " (reading)");
            reader.setNetworkTimeout(Runnable::run, SILENCE_MILLIS);
            reader.setAutoCommit(false);
            reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot per read transaction
            reader.setReadOnly(true);
        }
        return reader;
    }

    private String applicationName() {
        return holder + process;
    }

    /** A new connection with the search path on tack's schema. */
    Connection connect(String applicationName) throws SQLException {
        Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.properties(applicationName));
        try {
            new PgTx(connection, options.clock()).one("SELECT set_config('search_path', quote_ident(?), false)", row -> null, url.schema());
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private synchronized void dropWriter() {
        closeQuietly(writer);
        writer = null;
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the server rolled the transaction back with it
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing cannot lose a committed write
            }
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(writer);
        closeQuietly(reader);
        writer = null;
        reader = null;
    }

    /** Opens a connection to this schema (the change feed's listening one). */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    // An SQLException on its way through the engine-neutral row interfaces to the edge of the transaction.

    @FunctionalInterface
    interface Call<T> {
        T call() throws SQLException;
    }

    @FunctionalInterface
    interface Run {
        void run() throws SQLException;
    }

    static final class Failure extends RuntimeException {
        Failure(SQLException cause) {
            super(cause);
        }

        SQLException sql() {
            return (SQLException) getCause();
        }
    }

    static <T> T sql(Call<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    static void sqlRun(Run run) {
        try {
            run.run();
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    private RuntimeException unwrap(RuntimeException e) {
        return e instanceof Failure failure ? PgErrors.translate(url.display(), failure.sql()) : e;
    }
}
