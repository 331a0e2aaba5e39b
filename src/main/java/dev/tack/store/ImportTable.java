package dev.tack.store;

import java.sql.SQLException;
import java.util.List;
import dev.tack.model.Actor;

/**
 * SQL for imports in progress. A large import is written in many short transactions, each row it
 * stages (board, columns, cards, events) marked with the import's id; while the import has a row
 * in {@code imports} those rows are in no query's results ({@link #visible}). Publishing deletes
 * that one row, so the whole import appears at once, in one short transaction; a failed or killed
 * import's rows are deleted in batches ({@link #deleteSome}), never shown.
 */
public final class ImportTable {

    /** An import in progress, as its row says. */
    public record Pending(long id, String actor, String host, long pid, String startedAt) {
    }

    private ImportTable() {
    }

    /**
     * The condition that keeps a table's staged rows out of a query: true for every row but those of
     * an import still in progress. {@code alias} is the table's alias in the query, or its name.
     */
    public static String visible(String alias) {
        return "(" + alias + ".import_id IS NULL OR " + alias + ".import_id NOT IN (SELECT id FROM imports))";
    }

    public static long begin(Tx tx, Actor actor) throws SQLException {
        return tx.insert("INSERT INTO imports (actor, host, pid, started_at) VALUES (?, ?, ?, ?)",
                actor.name(), actor.host(), actor.pid(), Clock.now());
    }

    public static List<Pending> all(Tx tx) throws SQLException {
        return tx.list("SELECT id, actor, host, pid, started_at FROM imports ORDER BY id",
                row -> new Pending(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5)));
    }

    public static boolean exists(Tx tx, long id) throws SQLException {
        return tx.number("SELECT count(*) FROM imports WHERE id = ?", id) > 0;
    }

    /** Makes every row the import staged visible at once. */
    public static void publish(Tx tx, long id) throws SQLException {
        tx.update("DELETE FROM imports WHERE id = ?", id);
    }

    /** How many cards the import has staged so far. */
    public static long stagedCards(Tx tx, long id) throws SQLException {
        return tx.number("SELECT count(*) FROM cards WHERE import_id = ?", id);
    }

    /**
     * Deletes up to {@code limit} of the import's staged rows, cards first (their tags and comments go
     * with them), then its events, columns and board, and its own row last, once nothing is left.
     * Returns how many rows went; 0 means the import is gone. Called again and again, each call its
     * own short transaction, so removing 100,000 staged cards never holds the lock for long.
     */
    public static int deleteSome(Tx tx, long id, int limit) throws SQLException {
        if (!exists(tx, id)) {
            return 0; // published meanwhile (or removed by someone else): its rows are the board's now
        }
        int gone = tx.update("DELETE FROM cards WHERE id IN (SELECT id FROM cards WHERE import_id = ? LIMIT ?)", id, limit);
        if (gone == 0) {
            gone = tx.update("DELETE FROM events WHERE id IN (SELECT id FROM events WHERE import_id = ? LIMIT ?)", id, limit);
        }
        if (gone == 0) {
            gone = tx.update("DELETE FROM columns WHERE import_id = ?", id);
            gone += tx.update("DELETE FROM boards WHERE import_id = ?", id);
            gone += tx.update("DELETE FROM imports WHERE id = ?", id);
        }
        return gone;
    }
}
