package dev.tack.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import dev.tack.model.Actor;
import dev.tack.model.Event;

/** SQL for the event log. */
public final class EventTable {

    /** Events an import in progress has staged are left out (ImportTable); queries add "AND …". */
    static final String SELECT = "SELECT id, at, actor, host, pid, board_id, card_id, kind, summary, before, after FROM events e"
            + " WHERE " + ImportTable.visible("e");

    private EventTable() {
    }

    public static long append(Tx tx, Actor actor, Long boardId, Long cardId, String kind, String summary,
                              String before, String after) throws SQLException {
        return tx.insert("INSERT INTO events (at, actor, host, pid, board_id, card_id, kind, summary, before, after)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Clock.now(), actor.name(), actor.host(), actor.pid(), boardId, cardId, kind, summary, before, after);
    }

    /** As {@link #append}, without reading the new id back: for the many events of one import. */
    public static void appendQuietly(Tx tx, Actor actor, Long boardId, Long cardId, String kind, String summary,
                                     String before, String after, String at) throws SQLException {
        tx.update("INSERT INTO events (at, actor, host, pid, board_id, card_id, kind, summary, before, after)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                at, actor.name(), actor.host(), actor.pid(), boardId, cardId, kind, summary, before, after);
    }

    /** As {@link #appendQuietly}, for a row an import stages: hidden until the import is published. */
    public static void appendStaged(Tx tx, long importId, Actor actor, Long boardId, Long cardId, String kind, String summary,
                                    String before, String after, String at) throws SQLException {
        tx.update("INSERT INTO events (at, actor, host, pid, board_id, card_id, kind, summary, before, after, import_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                at, actor.name(), actor.host(), actor.pid(), boardId, cardId, kind, summary, before, after, importId);
    }

    public static List<Event> after(Tx tx, long afterId, int limit) throws SQLException {
        return tx.list(SELECT + " AND id > ? ORDER BY id LIMIT ?", EventTable::map, afterId, limit);
    }

    public static List<Event> ofCard(Tx tx, long cardId) throws SQLException {
        return tx.list(SELECT + " AND card_id = ? ORDER BY id", EventTable::map, cardId);
    }

    /** An actor's events of the given kinds, oldest first: the history undo and redo replay. */
    public static List<Event> byActor(Tx tx, String actor, List<String> kinds) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(kinds.size(), "?"));
        Object[] args = new Object[kinds.size() + 1];
        args[0] = actor;
        for (int i = 0; i < kinds.size(); i++) {
            args[i + 1] = kinds.get(i);
        }
        return tx.list(SELECT + " AND actor = ? AND kind IN (" + marks + ") ORDER BY id", EventTable::map, args);
    }

    public static java.util.Optional<Event> lastOfCard(Tx tx, long cardId) throws SQLException {
        return tx.one(SELECT + " AND card_id = ? ORDER BY id DESC LIMIT 1", EventTable::map, cardId);
    }

    public static java.util.Optional<Event> byId(Tx tx, long id) throws SQLException {
        return tx.one(SELECT + " AND id = ?", EventTable::map, id);
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
