package dev.tack.store.sqlite;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import com.google.gson.stream.JsonWriter;
import dev.tack.model.Actor;
import dev.tack.store.ImportRows.Pending;
import dev.tack.store.ImportRows.StagedCard;

/**
 * SQL for imports in progress. A large import is written in many short transactions, each row it
 * stages (board, columns, cards, events) marked with the import's id; while the import has a row
 * in {@code imports} those rows are in no query's results ({@link #visible}). Publishing deletes
 * that one row, so the whole import appears at once, in one short transaction; a failed or killed
 * import's rows are deleted in batches ({@link #deleteSome}), never shown.
 */
public final class ImportTable {

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
                actor.name(), actor.host(), actor.pid(), tx.now());
    }

    /**
     * Stages a batch in three statements, whatever its size: the cards go to SQLite as one JSON array
     * that {@code json_each} takes apart, because binding a dozen parameters and stepping four
     * statements per card through JDBC cost several times what SQLite's own work on the rows does.
     * The array holds each card as a positional array (see {@link #json}).
     */
    public static void stage(Tx tx, long importId, long boardId, Actor actor, List<StagedCard> cards) throws SQLException {
        if (cards.isEmpty()) {
            return;
        }
        String batch = json(cards);
        tx.update("INSERT INTO cards (id, board_id, column_id, position, title, description, priority, due, assignee, archived,"
                + " created_at, updated_at, import_id)"
                + " SELECT c.value ->> 0, ?, c.value ->> 1, c.value ->> 2, c.value ->> 3, c.value ->> 4, c.value ->> 5, c.value ->> 6,"
                + " c.value ->> 7, c.value ->> 8, c.value ->> 9, c.value ->> 9, ? FROM json_each(?) c ORDER BY c.key", boardId, importId, batch);
        tx.update("INSERT OR IGNORE INTO card_tags (card_id, tag)"
                + " SELECT c.value ->> 0, t.value FROM json_each(?) c, json_each(c.value -> 12) t", batch);
        tx.update("INSERT INTO events (at, actor, host, pid, board_id, card_id, kind, summary, before, after, import_id)"
                + " SELECT c.value ->> 9, ?, ?, ?, ?, c.value ->> 0, 'card.added', c.value ->> 10, NULL, c.value ->> 11, ?"
                + " FROM json_each(?) c ORDER BY c.key", actor.name(), actor.host(), actor.pid(), boardId, importId, batch);
    }

    /** Each card as {@code [id, column, position, title, description, priority, due, assignee, archived, at, summary, event, [tags]]}. */
    private static String json(List<StagedCard> cards) {
        StringWriter text = new StringWriter(cards.size() * 256);
        try (JsonWriter out = new JsonWriter(text)) {
            out.setHtmlSafe(false);
            out.beginArray();
            for (StagedCard card : cards) {
                out.beginArray().value(card.id()).value(card.columnId()).value(card.position()).value(card.title())
                        .value(card.description()).value(card.priority()).value(card.due() == null ? null : card.due().toString())
                        .value(card.assignee()).value(card.archived() ? 1 : 0).value(card.at()).value(card.summary())
                        .value(card.event()).beginArray();
                for (String tag : card.tags()) {
                    out.value(tag);
                }
                out.endArray().endArray();
            }
            out.endArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
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
