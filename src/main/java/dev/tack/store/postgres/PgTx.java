package dev.tack.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One connection inside one transaction: the few JDBC helpers the row classes use. Every value
 * reaches the server as a parameter of a prepared statement (no text from a person is ever part
 * of the SQL); every statement and result set is closed at once.
 */
final class PgTx {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final java.time.Clock clock;
    private boolean appendedEvents;

    PgTx(Connection connection, java.time.Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    Connection connection() {
        return connection;
    }

    /** Notes that this transaction appended an event (a change of the board, which gets an idempotency key). */
    void eventAppended() {
        appendedEvents = true;
    }

    boolean appendedEvents() {
        return appendedEvents;
    }

    /** Now, as stored (ISO-8601 UTC with milliseconds, the same text as on SQLite), by the database's one clock. */
    String now() {
        return dev.tack.store.Clock.of(clock);
    }

    <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement statement = prepare(sql, args); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement statement = prepare(sql, args); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.ofNullable(mapper.map(rows)) : Optional.empty();
        }
    }

    long number(String sql, Object... args) throws SQLException {
        return one(sql, row -> row.getLong(1), args).orElse(0L);
    }

    boolean bool(String sql, Object... args) throws SQLException {
        return one(sql, row -> row.getBoolean(1), args).orElse(false);
    }

    int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = prepare(sql, args)) {
            return statement.executeUpdate();
        }
    }

    /** Runs an INSERT … RETURNING id and gives the new row's id. */
    long insert(String sql, Object... args) throws SQLException {
        return number(sql + " RETURNING id", args);
    }

    /** A fixed script of tack's own (migrations): several statements, no parameters. */
    void script(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof String text && text.indexOf('\u0000') >= 0) {
                    throw dev.tack.model.TackException.usage("PostgreSQL cannot store the NUL character (U+0000, shown ^@)"
                            + " in text: remove it (nothing written)");
                }
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    static Long nullableLong(ResultSet row, int index) throws SQLException {
        long value = row.getLong(index);
        return row.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet row, int index) throws SQLException {
        int value = row.getInt(index);
        return row.wasNull() ? null : value;
    }
}
