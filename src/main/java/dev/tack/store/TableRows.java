package dev.tack.store;

import java.util.List;
import java.util.function.Consumer;

/**
 * tack's tables as raw rows, every column as stored, inside one transaction
 * ({@link StorageTx#tables}): what {@code tack db copy} moves between engines. Both engines keep
 * the same tables, columns, ids and text timestamps (docs/ARCHITECTURE.md §1), so a row read from
 * one is inserted into the other as it is. Table and column names are the catalog's, never a
 * person's text.
 */
public interface TableRows {

    /** The tables of tack's schema here, from the catalog, without the engine's own bookkeeping (schema version, SQLite's sequences). */
    List<String> tables();

    /** The columns of {@code table}, in the catalog's order. */
    List<String> columns(String table);

    long count(String table);

    /** Every row of {@code table}, its values in the order of {@code columns}, streamed (never the whole table in memory). */
    void each(String table, List<String> columns, Consumer<Object[]> row);

    /** Inserts rows into {@code table}, ids as given, in batches. */
    Inserter inserter(String table, List<String> columns);

    /** Inserts rows; {@link #close} sends what is left. */
    interface Inserter extends AutoCloseable {
        void add(Object[] values);

        @Override
        void close();
    }

    /** The highest id {@code table} has handed out (its sequence, which is past deleted rows' ids too); 0 when it has none. */
    long lastId(String table);

    /** Makes the next id of {@code table} come after {@code lastId} and after every id it holds, so no old id is handed out again. */
    void keepIdsPast(String table, long lastId);
}
