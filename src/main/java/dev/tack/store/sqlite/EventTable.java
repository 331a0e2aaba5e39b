package dev.tack.store.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.tack.model.Actor;
import dev.tack.model.Event;
import dev.tack.store.EventRows;
import dev.tack.store.EventRows.Link;
import dev.tack.store.EventRows.Step;

/** SQL for the event log, and the links that make each person's undo history a lookup rather than a replay. */
public final class EventTable {

    /** Events an import in progress has staged are left out (ImportTable); queries add "AND …". */
    static final String SELECT = "SELECT id, at, actor, host, pid, board_id, card_id, kind, summary, before, after, shape FROM events e"
            + " WHERE " + ImportTable.visible("e");

    /** How {@code before} and {@code after} of the events written now read (see {@link Event}). */
    public static final int SHAPE = EventRows.SHAPE;
    public static final List<String> UNDOABLE = EventRows.UNDOABLE;
    public static final String UNDONE = EventRows.UNDONE;
    public static final String REDONE = EventRows.REDONE;

    private EventTable() {
    }

    public static long append(Tx tx, Actor actor, Long boardId, Long cardId, String kind, String summary,
                              String before, String after) throws SQLException {
        return append(tx, actor, boardId, cardId, kind, summary, before, after, null);
    }

    /** An event that may be a step of undo ({@code link} non-null). */
    public static long append(Tx tx, Actor actor, Long boardId, Long cardId, String kind, String summary,
                              String before, String after, Link link) throws SQLException {
        return tx.insert("INSERT INTO events (at, actor, host, pid, board_id, card_id, kind, summary, before, after, shape,"
                        + " undoes, stack_below, stack_other) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tx.now(), actor.name(), actor.host(), actor.pid(), boardId, cardId, kind, summary, before, after, SHAPE,
                link == null ? null : link.undoes(), link == null ? null : link.below(), link == null ? null : link.other());
    }

    /** As {@link #append}, without reading the new id back: for the many events of one import. */
    public static void appendQuietly(Tx tx, Actor actor, Long boardId, Long cardId, String kind, String summary,
                                     String before, String after, String at) throws SQLException {
        tx.update("INSERT INTO events (at, actor, host, pid, board_id, card_id, kind, summary, before, after)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                at, actor.name(), actor.host(), actor.pid(), boardId, cardId, kind, summary, before, after);
    }

    public static List<Event> after(Tx tx, long afterId, int limit) throws SQLException {
        return tx.list(SELECT + " AND id > ? ORDER BY id LIMIT ?", EventTable::map, afterId, limit);
    }

    /** Events after {@code afterId}, of one board ({@code boardId} non-null: by the index {@code events_by_board}) or all. */
    public static List<Event> after(Tx tx, Long boardId, long afterId, int limit) throws SQLException {
        if (boardId == null) {
            return after(tx, afterId, limit);
        }
        return tx.list(SELECT + " AND board_id = ? AND id > ? ORDER BY id LIMIT ?", EventTable::map, boardId, afterId, limit);
    }

    /** The id just before the last {@code count} events (of one board, or all), 0 when there are no more than that. */
    public static long idBeforeLast(Tx tx, Long boardId, int count) throws SQLException {
        return boardId == null
                ? tx.number("SELECT id FROM events e WHERE " + ImportTable.visible("e") + " ORDER BY id DESC LIMIT 1 OFFSET ?", count)
                : tx.number("SELECT id FROM events e WHERE " + ImportTable.visible("e")
                        + " AND board_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?", boardId, count);
    }

    public static List<Event> ofCard(Tx tx, long cardId) throws SQLException {
        return tx.list(SELECT + " AND card_id = ? ORDER BY id", EventTable::map, cardId);
    }

    /** The person's latest step of undo on a board, by the partial index {@code events_undo}: one seek, whatever the history's length. */
    public static Optional<Step> lastStep(Tx tx, long boardId, String actor) throws SQLException {
        return tx.one("SELECT id, kind, undoes, stack_below, stack_other FROM events"
                + " WHERE board_id = ? AND actor = ? AND stack_below IS NOT NULL ORDER BY id DESC LIMIT 1", EventTable::step, boardId, actor);
    }

    public static Optional<Step> step(Tx tx, long id) throws SQLException {
        return tx.one("SELECT id, kind, undoes, stack_below, stack_other FROM events WHERE id = ? AND stack_below IS NOT NULL",
                EventTable::step, id);
    }

    public static Optional<Event> lastOfCard(Tx tx, long cardId) throws SQLException {
        return tx.one(SELECT + " AND card_id = ? ORDER BY id DESC LIMIT 1", EventTable::map, cardId);
    }

    public static Optional<Event> byId(Tx tx, long id) throws SQLException {
        return tx.one(SELECT + " AND id = ?", EventTable::map, id);
    }

    /** The column renames of a board after an event, oldest first, as their summaries ("renamed column A to B"). */
    public static List<String> columnRenamesAfter(Tx tx, long boardId, long afterId) throws SQLException {
        return tx.list("SELECT summary FROM events WHERE board_id = ? AND id > ? AND kind = 'column.renamed' ORDER BY id",
                row -> row.getString(1), boardId, afterId);
    }

    public static long lastId(Tx tx) throws SQLException {
        return tx.number("SELECT coalesce(max(id), 0) FROM events");
    }

    public static long count(Tx tx) throws SQLException {
        return tx.number("SELECT count(*) FROM events");
    }

    /**
     * Links the steps of undo of a file from schema 1 (run once, by its migration): every person's
     * events of the undoable kinds and their undos and redos, per board, replayed in order into
     * the stacks the old code rebuilt on every undo. An undo or redo that found its stack empty
     * (the old replay skipped those) stays unlinked, as does everything else.
     */
    static void linkUndoHistory(Tx tx) throws SQLException {
        Map<String, long[]> tops = new HashMap<>(); // actor and board -> {done top, redo top}
        Map<Long, Link> links = new HashMap<>();
        List<String> kinds = new java.util.ArrayList<>(UNDOABLE);
        kinds.add(UNDONE);
        kinds.add(REDONE);
        String marks = String.join(", ", java.util.Collections.nCopies(kinds.size(), "?"));
        List<Object[]> rows = tx.list("SELECT id, kind, actor, board_id FROM events e WHERE " + ImportTable.visible("e")
                + " AND board_id IS NOT NULL AND kind IN (" + marks
                + ") ORDER BY id", row -> new Object[] {row.getLong(1), row.getString(2), row.getString(3), row.getLong(4)},
                kinds.toArray());
        for (Object[] row : rows) {
            long id = (Long) row[0];
            String kind = (String) row[1];
            long[] top = tops.computeIfAbsent(row[2] + "\u0000" + row[3], k -> new long[2]);
            Link link;
            if (kind.equals(UNDONE)) {
                if (top[0] == 0) {
                    continue;
                }
                Link done = links.get(top[0]);
                link = new Link(done.undoes() == null ? top[0] : done.undoes(), top[1], done.below());
                top[0] = done.below();
                top[1] = id;
            } else if (kind.equals(REDONE)) {
                if (top[1] == 0) {
                    continue;
                }
                Link undo = links.get(top[1]);
                link = new Link(undo.undoes(), top[0], undo.below());
                top[0] = id;
                top[1] = undo.below();
            } else {
                link = new Link(null, top[0], 0);
                top[0] = id;
                top[1] = 0;
            }
            links.put(id, link);
            tx.update("UPDATE events SET undoes = ?, stack_below = ?, stack_other = ? WHERE id = ?",
                    link.undoes(), link.below(), link.other(), id);
        }
    }

    static Event map(ResultSet row) throws SQLException {
        return new Event(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getLong(5),
                nullableLong(row, 6), nullableLong(row, 7), row.getString(8), row.getString(9), row.getString(10),
                row.getString(11), row.getInt(12));
    }

    private static Step step(ResultSet row) throws SQLException {
        return new Step(row.getLong(1), row.getString(2), new Link(nullableLong(row, 3), row.getLong(4), row.getLong(5)));
    }

    static Long nullableLong(ResultSet row, int index) throws SQLException {
        long value = row.getLong(index);
        return row.wasNull() ? null : value;
    }
}
