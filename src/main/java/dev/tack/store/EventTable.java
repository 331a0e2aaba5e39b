package dev.tack.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import dev.tack.model.Actor;
import dev.tack.model.Event;

/** SQL for the event log. */
public final class EventTable {

    static final String SELECT = "SELECT id, at, actor, host, pid, board_id, card_id, kind, summary, before, after FROM events";

    private EventTable() {
    }

    public static long append(Tx tx, Actor actor, Long boardId, Long cardId, String kind, String summary,
                              String before, String after) throws SQLException {
        return tx.insert("INSERT INTO events (at, actor, host, pid, board_id, card_id, kind, summary, before, after)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Clock.now(), actor.name(), actor.host(), actor.pid(), boardId, cardId, kind, summary, before, after);
    }

    public static List<Event> after(Tx tx, long afterId, int limit) throws SQLException {
        return tx.list(SELECT + " WHERE id > ? ORDER BY id LIMIT ?", EventTable::map, afterId, limit);
    }

    public static List<Event> ofCard(Tx tx, long cardId) throws SQLException {
        return tx.list(SELECT + " WHERE card_id = ? ORDER BY id", EventTable::map, cardId);
    }

    public static long lastId(Tx tx) throws SQLException {
        return tx.number("SELECT coalesce(max(id), 0) FROM events");
    }

    public static long count(Tx tx) throws SQLException {
        return tx.number("SELECT count(*) FROM events");
    }

    static Event map(ResultSet row) throws SQLException {
        return new Event(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getLong(5),
                nullableLong(row, 6), nullableLong(row, 7), row.getString(8), row.getString(9), row.getString(10),
                row.getString(11));
    }

    static Long nullableLong(ResultSet row, int index) throws SQLException {
        long value = row.getLong(index);
        return row.wasNull() ? null : value;
    }
}
