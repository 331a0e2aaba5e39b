package dev.tack.store.sqlite;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The board's revision (docs/ARCHITECTURE.md §3): one row that triggers bump on every row written
 * to a table of board data, by any writer (a {@code sqlite3} shell too), and never for presence.
 *
 * <p>{@code number} counts every changed row. {@code unexplained} counts the changes the events do
 * not describe: rows changed by a writer other than tack's write service (a trigger adds 1 when
 * {@code in_tack} is 0) and tack's own transactions that changed board data but appended no event
 * (a lease extension, a run's output). tack's write service brackets each transaction with
 * {@link #enter} and {@link #leave}. So a change feed that sees {@code number} unchanged saw only
 * presence; {@code unexplained} unchanged means the new events tell the whole story; otherwise it
 * reads the board again.
 */
final class RevisionTable {

    /**
     * The tables of board data, each with a trigger per INSERT, UPDATE and DELETE. Frozen with its
     * migration: a table added later gets its three triggers in its own migration
     * ({@code RevisionTest} fails for a table without them).
     */
    private static final List<String> TABLES = List.of("boards", "columns", "cards", "card_tags", "comments", "runs", "events",
            "imports"); // publishing an import deletes its row: its staged rows appear at once

    private static final String BUMP = "UPDATE revision SET number = number + 1, unexplained = unexplained + 1 - in_tack";

    /** The migration that adds the row and the triggers (appended to {@link Schema}'s list). */
    static final String MIGRATION = """
            CREATE TABLE revision (
              id          INTEGER PRIMARY KEY CHECK (id = 1),
              number      INTEGER NOT NULL,
              unexplained INTEGER NOT NULL,
              in_tack     INTEGER NOT NULL DEFAULT 0,
              tx_number   INTEGER NOT NULL DEFAULT 0,
              tx_event    INTEGER NOT NULL DEFAULT 0
            );
            INSERT INTO revision (id, number, unexplained) VALUES (1, 0, 0);
            """ + triggersOf(TABLES);

    /** The three triggers of each of {@code tables}: a later migration's tables get theirs with it. */
    static String triggersOf(List<String> tables) {
        return tables.stream().map(RevisionTable::triggers).collect(Collectors.joining());
    }

    private static String triggers(String table) {
        StringBuilder sql = new StringBuilder();
        for (String op : List.of("INSERT", "UPDATE", "DELETE")) {
            sql.append("CREATE TRIGGER ").append(table).append("_revision_").append(op.toLowerCase())
                    .append(" AFTER ").append(op).append(" ON ").append(table)
                    .append(" BEGIN ").append(BUMP).append("; END;\n");
        }
        return sql.toString();
    }

    /** Where the counters stood at one instant. */
    record Revision(long number, long unexplained) {
    }

    private RevisionTable() {
    }

    /** Whether the file has the revision row yet (a file from before the migration has not). */
    static boolean exists(Tx tx) throws SQLException {
        return tx.number("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'revision'") == 1;
    }

    static Revision read(Tx tx) throws SQLException {
        return tx.one("SELECT number, unexplained FROM revision WHERE id = 1", row -> new Revision(row.getLong(1), row.getLong(2)))
                .orElse(null);
    }

    /**
     * Drops the insert triggers of {@code tables}, inside the current write transaction, for a bulk
     * write that bumps the revision itself ({@link Paused#resume}). Only an import's batch does this
     * (see {@code ImportTable.stage}); the triggers' own SQL is kept and put back verbatim, so the
     * schema after the transaction is what it was before, and a table whose trigger was missing
     * (a damaged file, which {@code tack check} reports) stays as it was.
     */
    static Paused pauseInsertTriggers(Tx tx, List<String> tables) throws SQLException {
        java.util.Map<String, String> saved = new java.util.LinkedHashMap<>();
        for (String table : tables) {
            String name = table + "_revision_insert";
            tx.one("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ? AND tbl_name = ?", row -> row.getString(1), name, table)
                    .ifPresent(sql -> saved.put(table, sql));
        }
        for (String table : saved.keySet()) {
            tx.update("DROP TRIGGER " + table + "_revision_insert");
        }
        return new Paused(tx, saved);
    }

    /** Insert triggers taken out for one bulk write; {@link #resume} puts them back and bumps the revision for the rows written. */
    static final class Paused {
        private final Tx tx;
        private final java.util.Map<String, String> saved;

        private Paused(Tx tx, java.util.Map<String, String> saved) {
            this.tx = tx;
            this.saved = saved;
        }

        /** {@code rows}: how many rows the write inserted into each table, as each trigger would have counted them. */
        void resume(java.util.Map<String, Integer> rows) throws SQLException {
            long bumps = 0;
            for (java.util.Map.Entry<String, String> trigger : saved.entrySet()) {
                tx.update(trigger.getValue());
                bumps += rows.getOrDefault(trigger.getKey(), 0);
            }
            if (bumps > 0) {
                tx.update("UPDATE revision SET number = number + ?, unexplained = unexplained + ? * (1 - in_tack)", bumps, bumps);
            }
        }
    }

    /** First statement of a transaction of tack's write service: its changes are tack's, described by its events if it leaves any. */
    static void enter(Tx tx) throws SQLException {
        tx.update("UPDATE revision SET in_tack = 1, tx_number = number, tx_event = (SELECT coalesce(max(id), 0) FROM events)");
    }

    /** Last statement before COMMIT: a transaction that changed board data but left no event is one unexplained change. */
    static void leave(Tx tx) throws SQLException {
        tx.update("UPDATE revision SET in_tack = 0, unexplained = unexplained"
                + " + (number > tx_number AND (SELECT coalesce(max(id), 0) FROM events) = tx_event)");
    }
}
