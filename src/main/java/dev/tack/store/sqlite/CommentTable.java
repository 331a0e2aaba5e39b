package dev.tack.store.sqlite;

import java.sql.SQLException;
import java.util.List;
import dev.tack.model.Comment;

/** SQL for comments. */
public final class CommentTable {

    private CommentTable() {
    }

    public static long insert(Tx tx, long cardId, String author, String body) throws SQLException {
        return insert(tx, cardId, author, body, tx.now());
    }

    /** With a given time: imports keep when a comment was written. */
    public static long insert(Tx tx, long cardId, String author, String body, String createdAt) throws SQLException {
        return tx.insert("INSERT INTO comments (card_id, author, body, created_at) VALUES (?, ?, ?, ?)",
                cardId, author, body, createdAt);
    }

    public static List<Comment> ofCard(Tx tx, long cardId) throws SQLException {
        return tx.list("SELECT id, card_id, author, body, created_at FROM comments WHERE card_id = ? ORDER BY id",
                row -> new Comment(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5)),
                cardId);
    }

    public static java.util.Map<Long, Integer> countsOfBoard(Tx tx, long boardId) throws SQLException {
        java.util.Map<Long, Integer> counts = new java.util.LinkedHashMap<>();
        tx.list("SELECT m.card_id, count(*) FROM comments m JOIN cards c ON c.id = m.card_id"
                        + " WHERE c.board_id = ? AND c.archived = 0 AND " + ImportTable.visible("c") + " GROUP BY m.card_id",
                row -> counts.put(row.getLong(1), row.getInt(2)), boardId);
        return counts;
    }

    public static int countOfCard(Tx tx, long cardId) throws SQLException {
        return (int) tx.number("SELECT count(*) FROM comments WHERE card_id = ?", cardId);
    }
}
