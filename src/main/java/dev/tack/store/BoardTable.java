package dev.tack.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import dev.tack.model.Board;

/** SQL for boards. */
public final class BoardTable {

    private BoardTable() {
    }

    public static List<Board> all(Tx tx) throws SQLException {
        return tx.list("SELECT id, name FROM boards b WHERE " + ImportTable.visible("b") + " ORDER BY id", row -> new Board(row.getLong(1), row.getString(2)));
    }

    public static Optional<Board> byName(Tx tx, String name) throws SQLException {
        return tx.one("SELECT id, name FROM boards b WHERE name = ? AND " + ImportTable.visible("b"), row -> new Board(row.getLong(1), row.getString(2)), name);
    }

    public static Optional<Board> byId(Tx tx, long id) throws SQLException {
        return tx.one("SELECT id, name FROM boards b WHERE id = ? AND " + ImportTable.visible("b"), row -> new Board(row.getLong(1), row.getString(2)), id);
    }

    public static long insert(Tx tx, String name) throws SQLException {
        return tx.insert("INSERT INTO boards (name, created_at) VALUES (?, ?)", name, Clock.now());
    }

    /** A board an import makes, hidden until it is published (ImportTable). */
    public static long insertStaged(Tx tx, String name, long importId) throws SQLException {
        return tx.insert("INSERT INTO boards (name, created_at, import_id) VALUES (?, ?, ?)", name, Clock.now(), importId);
    }

    public static void rename(Tx tx, long id, String name) throws SQLException {
        tx.update("UPDATE boards SET name = ? WHERE id = ?", name, id);
    }

    /** Removes a board and everything on it (cards' ids stay used: AUTOINCREMENT never hands them out again). */
    public static void delete(Tx tx, long id) throws SQLException {
        tx.update("DELETE FROM cards WHERE board_id = ?", id);
        tx.update("DELETE FROM columns WHERE board_id = ?", id);
        tx.update("DELETE FROM boards WHERE id = ?", id);
    }
}
