package dev.tack.store.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import dev.tack.model.Hook;

/**
 * SQL for {@code hooks} (issue 16): the commands a board runs on card events. Board data like the
 * rest (a revision trigger per statement kind), gone with its board, and with its column when it
 * is narrowed to one (a hook on moves into a column that no longer exists means nothing). Hooks
 * carry no {@code import_id}: an import brings cards, not a board's automation.
 */
final class HookTable {

    /** Migration 6: the table, its index and its revision triggers. */
    static final String MIGRATION = """
            CREATE TABLE hooks (
              id          INTEGER PRIMARY KEY AUTOINCREMENT,
              board_id    INTEGER NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
              event       TEXT NOT NULL,
              column_id   INTEGER REFERENCES columns(id) ON DELETE CASCADE,
              command     TEXT NOT NULL,
              timeout_ms  INTEGER NOT NULL,
              created_by  TEXT NOT NULL,
              created_at  TEXT NOT NULL
            );
            CREATE INDEX hooks_by_board ON hooks (board_id, event);
            """ + RevisionTable.triggersOf(List.of("hooks"));

    private static final String SELECT = "SELECT h.id, h.board_id, h.event, h.column_id, c.name, h.command, h.timeout_ms,"
            + " h.created_by, h.created_at FROM hooks h LEFT JOIN columns c ON c.id = h.column_id";

    private HookTable() {
    }

    static long insert(Tx tx, long boardId, String event, Long columnId, String command, long timeoutMillis, String createdBy)
            throws SQLException {
        return tx.insert("INSERT INTO hooks (board_id, event, column_id, command, timeout_ms, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", boardId, event, columnId, command, timeoutMillis, createdBy, tx.now());
    }

    static List<Hook> ofBoard(Tx tx, long boardId) throws SQLException {
        return tx.list(SELECT + " WHERE h.board_id = ? ORDER BY h.id", HookTable::map, boardId);
    }

    static List<Hook> ofBoard(Tx tx, long boardId, String event) throws SQLException {
        return tx.list(SELECT + " WHERE h.board_id = ? AND h.event = ? ORDER BY h.id", HookTable::map, boardId, event);
    }

    static Optional<Hook> byId(Tx tx, long id) throws SQLException {
        return tx.one(SELECT + " WHERE h.id = ?", HookTable::map, id);
    }

    static boolean delete(Tx tx, long id) throws SQLException {
        return tx.update("DELETE FROM hooks WHERE id = ?", id) == 1;
    }

    private static Hook map(ResultSet row) throws SQLException {
        long columnId = row.getLong(4);
        Long column = row.wasNull() ? null : columnId;
        return new Hook(row.getLong(1), row.getLong(2), row.getString(3), column, row.getString(5), row.getString(6),
                row.getLong(7), row.getString(8), row.getString(9));
    }
}
