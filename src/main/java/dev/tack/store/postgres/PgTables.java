package dev.tack.store.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import dev.tack.model.TackException;
import dev.tack.store.TableRows;

/**
 * {@link TableRows} on PostgreSQL: the catalog of tack's schema ({@code pg_tables},
 * {@code information_schema.columns}), rows by SELECT (a cursor of 500 rows at a time, so a large
 * table is never whole in memory) and batched INSERTs with the ids as given, and the identity
 * sequences moved past every id handed out ({@code setval}). Names are the catalog's, quoted.
 */
final class PgTables implements TableRows {

    private static final int BATCH = 500;

    private final PgTx tx;

    PgTables(PgTx tx) {
        this.tx = tx;
    }

    @Override
    public List<String> tables() {
        return PgDatabase.sql(() -> tx.list("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
                + " AND tablename <> 'schema_version' ORDER BY tablename", row -> row.getString(1)));
    }

    @Override
    public List<String> columns(String table) {
        return PgDatabase.sql(() -> tx.list("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = ? ORDER BY ordinal_position", row -> row.getString(1), table));
    }

    @Override
    public long count(String table) {
        return PgDatabase.sql(() -> tx.number("SELECT count(*) FROM " + quote(table)));
    }

    @Override
    public void each(String table, List<String> columns, Consumer<Object[]> row) {
        PgDatabase.sqlRun(() -> {
            try (PreparedStatement statement = tx.connection().prepareStatement("SELECT " + list(columns) + " FROM " + quote(table))) {
                statement.setFetchSize(BATCH); // a cursor inside the transaction, not the whole table at once
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Object[] values = new Object[columns.size()];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = rows.getObject(i + 1);
                        }
                        row.accept(values);
                    }
                }
            }
        });
    }

    @Override
    public Inserter inserter(String table, List<String> columns) {
        String sql = "INSERT INTO " + quote(table) + " (" + list(columns) + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
        PreparedStatement statement = PgDatabase.sql(() -> tx.connection().prepareStatement(sql));
        return new Inserter() {
            private int pending;

            @Override
            public void add(Object[] values) {
                PgDatabase.sqlRun(() -> {
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] instanceof String text && text.indexOf('\u0000') >= 0) {
                            throw TackException.usage("a row of " + table + " holds the NUL character (U+0000), which PostgreSQL text"
                                    + " cannot store: edit it out first (nothing written)");
                        }
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
                PgDatabase.sqlRun(() -> {
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
        return PgDatabase.sql(() -> {
            if (!columns(table).contains("id")) {
                return 0L;
            }
            return tx.number("SELECT coalesce(pg_catalog.pg_sequence_last_value(pg_catalog.pg_get_serial_sequence(?, 'id')::regclass), 0)",
                    quote(table));
        });
    }

    @Override
    public void keepIdsPast(String table, long lastId) {
        PgDatabase.sqlRun(() -> {
            if (!columns(table).contains("id")) {
                return;
            }
            long last = Math.max(lastId, tx.number("SELECT coalesce(max(id), 0) FROM " + quote(table)));
            if (last > 0) {
                tx.one("SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence(?, 'id'), ?)", row -> null, quote(table), last);
            }
        });
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String list(List<String> columns) {
        List<String> quoted = new ArrayList<>();
        columns.forEach(column -> quoted.add(quote(column)));
        return String.join(", ", quoted);
    }
}
