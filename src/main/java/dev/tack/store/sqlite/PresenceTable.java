package dev.tack.store.sqlite;

import java.sql.SQLException;
import java.util.List;
import dev.tack.model.Actor;
import dev.tack.model.Heartbeat;

/**
 * SQL for the presence table: one row per open screen or worker, refreshed in place. No revision
 * trigger watches it ({@link RevisionTable}): a beat is not a change of the board.
 */
public final class PresenceTable {

    private static final String SELECT = "SELECT id, board_id, actor, host, pid, kind, seen_at FROM presence";

    private PresenceTable() {
    }

    /**
     * Refreshes the row {@code rowId} (null: none yet) and returns its id; a row that is gone (pruned
     * by another process after a long pause) is inserted again under a new id.
     */
    public static long beat(Tx tx, Long rowId, Long boardId, Actor actor, String kind, long nowMillis) throws SQLException {
        if (rowId != null && tx.update("UPDATE presence SET board_id = ?, actor = ?, kind = ?, seen_at = ? WHERE id = ?",
                boardId, actor.name(), kind, nowMillis, rowId) == 1) {
            return rowId;
        }
        return tx.insert("INSERT INTO presence (board_id, actor, host, pid, kind, seen_at) VALUES (?, ?, ?, ?, ?, ?)",
                boardId, actor.name(), actor.host(), actor.pid(), kind, nowMillis);
    }

    /** Rows of a board seen at or after {@code sinceMillis}, by actor. */
    public static List<Heartbeat> live(Tx tx, long boardId, long sinceMillis) throws SQLException {
        return tx.list(SELECT + " WHERE board_id = ? AND seen_at >= ? ORDER BY actor, kind, id",
                row -> new Heartbeat(row.getLong(1), EventTable.nullableLong(row, 2), row.getString(3), row.getString(4),
                        row.getLong(5), row.getString(6), row.getLong(7)),
                boardId, sinceMillis);
    }

    public static void remove(Tx tx, long rowId) throws SQLException {
        tx.update("DELETE FROM presence WHERE id = ?", rowId);
    }

    /** Drops rows not refreshed since {@code beforeMillis}: screens and workers that died without leaving. */
    public static int prune(Tx tx, long beforeMillis) throws SQLException {
        return tx.update("DELETE FROM presence WHERE seen_at < ?", beforeMillis);
    }
}
