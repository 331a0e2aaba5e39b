package dev.tack.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's look into one schema of a PostgreSQL server, past tack: plain JDBC, a connection per
 * question, so that what it sees is what every other client sees (no transaction of its own).
 */
public record SchemaProbe(PostgresServer server, String schema) {

    /** A new connection whose search path is the schema; the caller closes it. */
    public Connection connect() throws SQLException {
        Connection connection = server.connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
        }
        return connection;
    }

    /** The first column of the first row, as a number (a count, an id, a lease). */
    public long number(String sql, Object... args) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("no row for: " + sql);
                }
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Every row, each as its columns' text. */
    public List<List<String>> rows(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            List<List<String>> all = new ArrayList<>();
            int columns = row.getMetaData().getColumnCount();
            while (row.next()) {
                List<String> one = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    one.add(row.getString(i));
                }
                all.add(one);
            }
            return all;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Every row, its columns joined by spaces. */
    public List<String> lines(String sql) {
        return rows(sql).stream().map(columns -> String.join(" ", columns)).toList();
    }
}
