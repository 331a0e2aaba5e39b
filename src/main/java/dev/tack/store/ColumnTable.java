package dev.tack.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import dev.tack.model.Column;

/** SQL for columns. */
public final class ColumnTable {

    /** Columns an import is still making are left out (ImportTable). */
    private static final String SELECT = "SELECT id, board_id, name, position, wip_limit, wip_hard FROM columns k WHERE "
            + ImportTable.visible("k");

    private ColumnTable() {
    }

    public static List<Column> ofBoard(Tx tx, long boardId) throws SQLException {
        return tx.list(SELECT + " AND board_id = ? ORDER BY position", ColumnTable::map, boardId);
    }

    public static Optional<Column> byName(Tx tx, long boardId, String name) throws SQLException {
        return tx.one(SELECT + " AND board_id = ? AND name = ? COLLATE NOCASE", ColumnTable::map, boardId, name);
    }

    public static long insert(Tx tx, long boardId, String name, int position, Integer wipLimit, boolean hard)
            throws SQLException {
        return tx.insert("INSERT INTO columns (board_id, name, position, wip_limit, wip_hard) VALUES (?, ?, ?, ?, ?)",
                boardId, name, position, wipLimit, hard ? 1 : 0);
    }

    /** A column an import makes, hidden until it is published (ImportTable). */
    public static long insertStaged(Tx tx, long boardId, String name, int position, Integer wipLimit, boolean hard, long importId)
            throws SQLException {
        return tx.insert("INSERT INTO columns (board_id, name, position, wip_limit, wip_hard, import_id) VALUES (?, ?, ?, ?, ?, ?)",
                boardId, name, position, wipLimit, hard ? 1 : 0, importId);
    }

    public static void update(Tx tx, Column column) throws SQLException {
        tx.update("UPDATE columns SET name = ?, position = ?, wip_limit = ?, wip_hard = ? WHERE id = ?",
                column.name(), column.position(), column.wipLimit(), column.wipHard() ? 1 : 0, column.id());
    }

    public static void delete(Tx tx, long id) throws SQLException {
        tx.update("DELETE FROM columns WHERE id = ?", id);
    }

    /** Live cards in the column. */
    public static int cardCount(Tx tx, long columnId) throws SQLException {
        return (int) tx.number("SELECT count(*) FROM cards c WHERE column_id = ? AND archived = 0 AND " + ImportTable.visible("c"), columnId);
    }

    /** All cards in the column, archived ones too: a column that still has any cannot be removed. */
    public static int anyCardCount(Tx tx, long columnId) throws SQLException {
        return (int) tx.number("SELECT count(*) FROM cards WHERE column_id = ?", columnId);
    }

    static Column map(ResultSet row) throws SQLException {
        Object wip = row.getObject(5);
        return new Column(row.getLong(1), row.getLong(2), row.getString(3), row.getInt(4),
                wip == null ? null : ((Number) wip).intValue(), row.getInt(6) != 0);
    }
}
