package dev.tack.store.postgres;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import dev.tack.model.AliveMark;

/**
 * A worker's mark of life on the server: a session-level advisory lock, keyed by the schema and the
 * host and pid its claims record, held on a connection of its own for the worker's whole life. A
 * process that dies (kill -9, a lost machine) loses its session and the lock with it; the server
 * notices a dead client when its socket closes or TCP keepalive gives up. Another worker proves it
 * gone by taking the lock for a moment ({@link #provenGone}).
 *
 * <p>The key is one {@code bigint} (the one-argument form of the advisory-lock functions), a space
 * apart from the two-int keys of the write, migration and import locks.
 */
final class PgAliveMark implements AliveMark {

    private final PgDatabase database;
    private final long key;
    private final String applicationName;
    private Connection connection;

    private PgAliveMark(PgDatabase database, long key, String applicationName) {
        this.database = database;
        this.key = key;
        this.applicationName = applicationName;
    }

    static PgAliveMark take(PgDatabase database, String schema, String host, long pid, String applicationName) throws SQLException {
        PgAliveMark mark = new PgAliveMark(database, key(schema, host, pid), applicationName);
        mark.lock();
        return mark;
    }

    /** Inside a transaction on {@code tx}: true when nobody holds the mark of {@code host}/{@code pid}. */
    static boolean provenGone(PgTx tx, String schema, String host, long pid) throws SQLException {
        return tx.bool("SELECT pg_try_advisory_xact_lock(?)", key(schema, host, pid));
    }

    private synchronized void lock() throws SQLException {
        Connection fresh = database.connect(applicationName);
        try {
            fresh.setAutoCommit(true);
            new PgTx(fresh, java.time.Clock.systemUTC()).one("SELECT pg_advisory_lock(?)", row -> null, key);
        } catch (SQLException e) {
            close(fresh);
            throw e;
        }
        connection = fresh;
    }

    @Override
    public synchronized boolean renew() {
        try {
            if (connection != null && connection.isValid(2)) {
                return true;
            }
            close(connection);
            connection = null;
            lock();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public synchronized boolean held() {
        try {
            return connection != null && connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        close(connection);
        connection = null;
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close(); // the session ends: the lock goes with it
            } catch (SQLException ignored) {
                // a connection already gone holds no lock
            }
        }
    }

    /** The same key in every process of every host: a digest of the schema, the host and the pid. */
    static long key(String schema, String host, long pid) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("tack worker\0" + schema + "\0" + host + "\0" + pid).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
