package dev.tack.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import dev.tack.store.TableRows;

/**
 * {@link TableRows} on SQLite: the catalog from {@code sqlite_master} and {@code pragma_table_info},
 * rows by plain SELECT and INSERT on this transaction's connection (the file is touched by SQLite
 * only, §2 rule 1), the id counters in {@code sqlite_sequence} (AUTOINCREMENT: ids of deleted rows
 * are never handed out again, and a copy keeps it so).
 */
final class SqliteTables implements TableRows {

    private static final int BATCH = 500;

    private final Tx tx;

    SqliteTables(Tx tx) {
        this.tx = tx;
    }

    @Override
    public List<String> tables() {
        return Sql.call(() -> tx.list("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                row -> row.getString(1)));
    }

    @Override
    public List<String> columns(String table) {
        return Sql.call(() -> tx.list("SELECT name FROM pragma_table_info(?) ORDER BY cid", row -> row.getString(1), table));
    }

    @Override
    public long count(String table) {
        return Sql.call(() -> tx.number("SELECT count(*) FROM " + quote(table)));
    }

    @Override
    public void each(String table, List<String> columns, Consumer<Object[]> row) {
        Sql.run(() -> {
            try (PreparedStatement statement = tx.connection().prepareStatement("SELECT " + list(columns) + " FROM " + quote(table));
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Object[] values = new Object[columns.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rows.getObject(i + 1);
                    }
                    row.accept(values);
                }
            }
        });
    }

    @Override
    public Inserter inserter(String table, List<String> columns) {
        String sql = "INSERT INTO " + quote(table) + " (" + list(columns) + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
        PreparedStatement statement = Sql.call(() -> tx.connection().prepareStatement(sql));
        return new Inserter() {
            private int pending;

            @Override
            public void add(Object[] values) {
                Sql.run(() -> {
                    for (int i = 0; i < values.length; i++) {
                        statement.setObject(i + 1, values[i]);
                    }
                    statement.addBatch();
                    if (++pending == BATCH) {
                        statement.executeBatch();
                        pending = 0;
                    }
                });
            }

            @Override
            public void close() {
                Sql.run(() -> {
                    try (statement) {
                        if (pending > 0) {
                            statement.executeBatch();
                        }
                    }
                });
            }
        };
    }

    @Override
    public long lastId(String table) {
        return Sql.call(() -> tx.number("SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = ?", table));
    }

    @Override
    public void keepIdsPast(String table, long lastId) {
        Sql.run(() -> {
            if (!columns(table).contains("id")) {
                return;
            }
            long last = Math.max(lastId, tx.number("SELECT coalesce(max(id), 0) FROM " + quote(table)));
            if (tx.update("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", last, table) == 0 && last > 0) {
                tx.update("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", table, last);
            }
        });
    }

    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String list(List<String> columns) {
        List<String> quoted = new ArrayList<>();
        columns.forEach(column -> quoted.add(quote(column)));
        return String.join(", ", quoted);
    }
}
