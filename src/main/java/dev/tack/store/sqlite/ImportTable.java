package dev.tack.store.sqlite;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** The tables a batch writes, whose per-row revision triggers it stands in for (see {@link #stage}). */
    private static final List<String> STAGED_TABLES = List.of("cards", "card_tags", "events");

    /**
     * Stages a batch as three JDBC batches (cards, their tags, their events), each one prepared
     * statement stepped once per row by the driver. Binding a row's values this way costs less than
     * SQLite taking the same values apart from one JSON array ({@code json_each} and {@code ->>} per
     * field, half the batch's time) and far less than an {@code executeUpdate} per row
     * (docs/BENCHMARKS.md, "Import, bound").
     *
     * <p>The revision's insert triggers of the three tables are dropped for the batch and put back,
     * as they were, before it commits, and the revision is bumped once by the rows written: the very
     * counts the triggers would have left, for a quarter less SQL work (a trigger is a sub-program
     * SQLite runs per row, 400,000 times for 100,000 cards; a {@code WHEN} clause does not spare
     * it). DDL is transactional and the batch holds the write lock, so no other connection ever
     * sees the triggers missing, and a batch that fails rolls them back into place.
     */
    public static void stage(Tx tx, long importId, long boardId, Actor actor, List<StagedCard> cards) throws SQLException {
        if (cards.isEmpty()) {
            return;
        }
        RevisionTable.Paused paused = RevisionTable.pauseInsertTriggers(tx, STAGED_TABLES);
        int cardRows = tx.batch("INSERT INTO cards (id, board_id, column_id, position, title, description, priority, due, assignee, archived,"
                + " created_at, updated_at, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cards, (row, card) -> {
                    row.setLong(1, card.id());
                    row.setLong(2, boardId);
                    row.setLong(3, card.columnId());
                    row.setInt(4, card.position());
                    row.setString(5, card.title());
                    row.setString(6, card.description());
                    row.setInt(7, card.priority());
                    row.setString(8, card.due() == null ? null : card.due().toString());
                    row.setString(9, card.assignee());
                    row.setInt(10, card.archived() ? 1 : 0);
                    row.setString(11, card.at());
                    row.setString(12, card.at());
                    row.setLong(13, importId);
                });
        int tagRows = tx.batch("INSERT OR IGNORE INTO card_tags (card_id, tag) VALUES (?, ?)", tags(cards), (row, tag) -> {
            row.setLong(1, tag.cardId());
            row.setString(2, tag.tag());
        });
        int eventRows = tx.batch("INSERT INTO events (at, actor, host, pid, board_id, card_id, kind, summary, before, after, import_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'card.added', ?, NULL, ?, ?)", cards, (row, card) -> {
                    row.setString(1, card.at());
                    row.setString(2, actor.name());
                    row.setString(3, actor.host());
                    row.setLong(4, actor.pid());
                    row.setLong(5, boardId);
                    row.setLong(6, card.id());
                    row.setString(7, card.summary());
                    row.setString(8, card.event());
                    row.setLong(9, importId);
                });
        paused.resume(Map.of("cards", cardRows, "card_tags", tagRows, "events", eventRows));
    }

    private record Tag(long cardId, String tag) {
    }

    private static List<Tag> tags(List<StagedCard> cards) {
        List<Tag> tags = new ArrayList<>(cards.size() * 2);
        for (StagedCard card : cards) {
            for (String tag : card.tags()) {
                tags.add(new Tag(card.id(), tag));
            }
        }
        return tags;
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
