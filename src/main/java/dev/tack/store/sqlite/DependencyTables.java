package dev.tack.store.sqlite;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.tack.model.CardLink;
import dev.tack.model.ChecklistItem;
import dev.tack.model.ColumnRule;
import dev.tack.model.ChecklistProgress;

/**
 * SQL for the tables of issue 12, each its own table so another engine ports them one by one:
 * {@code card_links} (card waits for card), {@code checklist_items} and {@code column_rules}.
 *
 * <p>Imports: these rows carry no {@code import_id}. An import links and lists items only among
 * the cards it stages, so each row hangs off a staged card, is read only through its card (by id,
 * or by a join on {@code cards} that leaves staged cards out), and is deleted with it by
 * {@code ON DELETE CASCADE} when a failed import's cards go.
 */
final class DependencyTables {

    /** Migration 5: the three tables, their indexes and their revision triggers. */
    static final String MIGRATION = """
            CREATE TABLE card_links (
              card_id     INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
              waits_for   INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
              created_at  TEXT NOT NULL,
              PRIMARY KEY (card_id, waits_for),
              CHECK (card_id <> waits_for)
            ) WITHOUT ROWID;
            CREATE INDEX card_links_by_prerequisite ON card_links (waits_for, card_id);
            CREATE TABLE checklist_items (
              id          INTEGER PRIMARY KEY AUTOINCREMENT,
              card_id     INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
              position    INTEGER NOT NULL,
              text        TEXT NOT NULL,
              done        INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX checklist_by_card ON checklist_items (card_id, position);
            CREATE TABLE column_rules (
              column_id   INTEGER PRIMARY KEY REFERENCES columns(id) ON DELETE CASCADE,
              done        INTEGER NOT NULL DEFAULT 0,
              gate        INTEGER NOT NULL DEFAULT 0
            );
            """ + RevisionTable.triggersOf(List.of("card_links", "checklist_items", "column_rules"));

    private DependencyTables() {
    }

    // -- card_links -------------------------------------------------------------------------------

    static boolean addLink(Tx tx, long cardId, long waitsFor) throws SQLException {
        return tx.update("INSERT OR IGNORE INTO card_links (card_id, waits_for, created_at) VALUES (?, ?, ?)",
                cardId, waitsFor, tx.now()) == 1;
    }

    static boolean removeLink(Tx tx, long cardId, long waitsFor) throws SQLException {
        return tx.update("DELETE FROM card_links WHERE card_id = ? AND waits_for = ?", cardId, waitsFor) == 1;
    }

    static List<Long> waitsFor(Tx tx, long cardId) throws SQLException {
        return tx.list("SELECT waits_for FROM card_links WHERE card_id = ? ORDER BY waits_for", row -> row.getLong(1), cardId);
    }

    static List<Long> blocks(Tx tx, long cardId) throws SQLException {
        return tx.list("SELECT card_id FROM card_links WHERE waits_for = ? ORDER BY card_id", row -> row.getLong(1), cardId);
    }

    /** Links with either card on the board (live or archived), so a board's cards know both directions. */
    static List<CardLink> linksOfBoard(Tx tx, long boardId) throws SQLException {
        return tx.list("SELECT l.card_id, l.waits_for FROM cards c JOIN card_links l ON l.card_id = c.id"
                        + " WHERE c.board_id = ? AND " + ImportTable.visible("c")
                        + " UNION SELECT l.card_id, l.waits_for FROM cards p JOIN card_links l ON l.waits_for = p.id"
                        + " WHERE p.board_id = ? AND " + ImportTable.visible("p") + " ORDER BY 1, 2",
                row -> new CardLink(row.getLong(1), row.getLong(2)), boardId, boardId);
    }

    // -- checklist_items --------------------------------------------------------------------------

    static List<ChecklistItem> itemsOf(Tx tx, long cardId) throws SQLException {
        return tx.list("SELECT id, card_id, position, text, done FROM checklist_items WHERE card_id = ? ORDER BY position, id",
                row -> new ChecklistItem(row.getLong(1), row.getLong(2), row.getInt(3), row.getString(4), row.getInt(5) != 0),
                cardId);
    }

    static long insertItem(Tx tx, long cardId, int position, String text, boolean done) throws SQLException {
        return tx.insert("INSERT INTO checklist_items (card_id, position, text, done) VALUES (?, ?, ?, ?)",
                cardId, position, text, done ? 1 : 0);
    }

    static void setItemDone(Tx tx, long itemId, boolean done) throws SQLException {
        tx.update("UPDATE checklist_items SET done = ? WHERE id = ?", done ? 1 : 0, itemId);
    }

    static void setItemPosition(Tx tx, long itemId, int position) throws SQLException {
        tx.update("UPDATE checklist_items SET position = ? WHERE id = ?", position, itemId);
    }

    static void deleteItem(Tx tx, long itemId) throws SQLException {
        tx.update("DELETE FROM checklist_items WHERE id = ?", itemId);
    }

    static Map<Long, ChecklistProgress> progressOfBoard(Tx tx, long boardId) throws SQLException {
        Map<Long, ChecklistProgress> progress = new LinkedHashMap<>();
        tx.list("SELECT i.card_id, sum(i.done), count(*) FROM checklist_items i JOIN cards c ON c.id = i.card_id"
                        + " WHERE c.board_id = ? AND c.archived = 0 AND " + ImportTable.visible("c") + " GROUP BY i.card_id",
                row -> progress.put(row.getLong(1), new ChecklistProgress(row.getInt(2), row.getInt(3))), boardId);
        return progress;
    }

    // -- column_rules -----------------------------------------------------------------------------

    static List<ColumnRule> rulesOfBoard(Tx tx, long boardId) throws SQLException {
        return tx.list("SELECT r.column_id, r.done, r.gate, r.doing_column_id FROM column_rules r JOIN columns col ON col.id = r.column_id"
                        + " WHERE col.board_id = ? ORDER BY col.position",
                row -> new ColumnRule(row.getLong(1), row.getInt(2) != 0, row.getInt(3) != 0, row.getObject(4) == null ? null : row.getLong(4)),
                boardId);
    }

    static void setRule(Tx tx, ColumnRule rule) throws SQLException {
        if (rule.empty()) {
            tx.update("DELETE FROM column_rules WHERE column_id = ?", rule.columnId());
        } else {
            tx.update("INSERT INTO column_rules (column_id, done, gate, doing_column_id) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (column_id) DO UPDATE SET done = excluded.done, gate = excluded.gate,"
                    + " doing_column_id = excluded.doing_column_id",
                    rule.columnId(), rule.done() ? 1 : 0, rule.gate() ? 1 : 0, rule.doingColumnId());
        }
    }

    /**
     * A lane's doing column, on the column cards are claimed from (issue 16): a column of its own
     * rather than a table, since it is one more property of the column, copied and cascaded with it.
     * The doing column's removal leaves the lane without one.
     */
    static final String LANE_DOING = """
            ALTER TABLE column_rules ADD COLUMN doing_column_id INTEGER REFERENCES columns(id) ON DELETE SET NULL;
            """;
}
