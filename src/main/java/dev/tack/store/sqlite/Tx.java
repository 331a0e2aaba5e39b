package dev.tack.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One open connection, inside a transaction when it came from the {@link Writer}. The small
 * set of JDBC helpers the table classes use; every statement and result set is closed at once,
 * since an open {@code ResultSet} pins a read snapshot.
 */
public final class Tx {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final StatementCache cache;
    /** What the timestamps this transaction writes say ({@link #now}): the database's one clock. */
    private final java.time.Clock clock;

    Tx(Connection connection) {
        this(connection, null);
    }

    /** With a cache, statements are prepared once per connection and reused: SQLite compiles SQL on prepare. */
    Tx(Connection connection, StatementCache cache) {
        this(connection, cache, java.time.Clock.systemUTC());
    }

    private Tx(Connection connection, StatementCache cache, java.time.Clock clock) {
        this.connection = connection;
        this.cache = cache;
        this.clock = clock;
    }

    /** The connection itself, for the raw rows of a copy ({@link SqliteTables}), which stream and batch. */
    java.sql.Connection connection() {
        return connection;
    }

    /** The same transaction, telling time by {@code newClock}. */
    Tx at(java.time.Clock newClock) {
        return new Tx(connection, cache, newClock);
    }

    /** Now, as stored (ISO-8601 UTC with milliseconds), by this transaction's clock. */
    public String now() {
        return dev.tack.store.Clock.of(clock);
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        PreparedStatement statement = prepare(sql, args);
        try (ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } finally {
            done(statement);
        }
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        PreparedStatement statement = prepare(sql, args);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.ofNullable(mapper.map(rows)) : Optional.empty();
        } finally {
            done(statement);
        }
    }

    public long number(String sql, Object... args) throws SQLException {
        return one(sql, row -> row.getLong(1), args).orElse(0L);
    }

    public int update(String sql, Object... args) throws SQLException {
        PreparedStatement statement = prepare(sql, args);
        try {
            return statement.executeUpdate();
        } finally {
            done(statement);
        }
    }

    /** Binds one item's values to a statement's parameters. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /**
     * Runs {@code sql} once per item, as one JDBC batch: the driver binds and steps each row in a
     * loop of its own, without the per-call work of {@link #update} (a bulk insert's rows cost about
     * what SQLite's own work on them does). Returns how many rows it changed (an {@code INSERT OR
     * IGNORE} that ignored a row changed none).
     */
    public <T> int batch(String sql, Iterable<T> items, Binder<T> binder) throws SQLException {
        PreparedStatement statement = cache == null ? connection.prepareStatement(sql) : cache.get(sql);
        int count = 0;
        try {
            for (T item : items) {
                binder.bind(statement, item);
                statement.addBatch();
                count++;
            }
            int changed = 0;
            if (count > 0) {
                for (int rows : statement.executeBatch()) {
                    changed += Math.max(rows, 0);
                }
            }
            return changed;
        } finally {
            statement.clearBatch();
            done(statement);
        }
    }

    /** Runs an INSERT and returns the new row's id. */
    public long insert(String sql, Object... args) throws SQLException {
        update(sql, args);
        return number("SELECT last_insert_rowid()");
    }

    void script(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String part : sql.split(";\\s*\\n")) {
                if (!part.isBlank()) {
                    statement.executeUpdate(part);
                }
            }
        }
    }

    int userVersion() throws SQLException {
        return (int) number("PRAGMA user_version");
    }

    void setUserVersion(int version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("PRAGMA user_version = " + version);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement statement = cache == null ? connection.prepareStatement(sql) : cache.get(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        } catch (SQLException e) {
            done(statement);
            throw e;
        }
    }

    /** Closes an uncached statement; a cached one only drops its parameters, to be used again. */
    private void done(PreparedStatement statement) throws SQLException {
        if (cache == null) {
            statement.close();
        } else {
            statement.clearParameters();
        }
    }
}
