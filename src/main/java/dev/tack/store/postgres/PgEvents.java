package dev.tack.store.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import dev.tack.model.Actor;
import dev.tack.model.Event;
import dev.tack.store.EventRows;

/**
 * {@link EventRows} on PostgreSQL: the same rows, shape and undo links as the SQLite engine's
 * EventTable. Event ids are handed out in commit order because every write holds the database's
 * write lock ({@link PgDatabase}): a change feed that reads "after the last id seen" misses none.
 */
final class PgEvents implements EventRows {

    static final String SELECT = "SELECT id, at, actor, host, pid, board_id, card_id, kind, summary, before, after, shape FROM events e"
            + " WHERE " + PgImports.visible("e");

    private final PgTx tx;

    PgEvents(PgTx tx) {
        this.tx = tx;
    }

    @Override
    public long append(Actor actor, Long boardId, Long cardId, String kind, String summary, String before, String after) {
        return append(actor, boardId, cardId, kind, summary, before, after, null);
    }

    @Override
    public long append(Actor actor, Long boardId, Long cardId, String kind, String summary, String before, String after, Link link) {
        tx.eventAppended();
        return PgDatabase.sql(() -> tx.insert("INSERT INTO events (at, actor, host, pid, board_id, card_id, kind, summary, before, after,"
                        + " shape, undoes, stack_below, stack_other) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tx.now(), actor.name(), actor.host(), actor.pid(), boardId, cardId, kind, summary, before, after, SHAPE,
                link == null ? null : link.undoes(), link == null ? null : link.below(), link == null ? null : link.other()));
    }

    @Override
    public void appendQuietly(Actor actor, Long boardId, Long cardId, String kind, String summary, String before, String after, String at) {
        tx.eventAppended();
        PgDatabase.sqlRun(() -> tx.update("INSERT INTO events (at, actor, host, pid, board_id, card_id, kind, summary, before, after)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", at, actor.name(), actor.host(), actor.pid(), boardId, cardId, kind, summary,
                before, after));
    }

    @Override
    public List<Event> after(long afterId, int limit) {
        return PgDatabase.sql(() -> after(tx, afterId, limit));
    }

    static List<Event> after(PgTx tx, long afterId, int limit) throws SQLException {
        return tx.list(SELECT + " AND id > ? ORDER BY id LIMIT ?", PgEvents::map, afterId, limit);
    }

    @Override
    public List<Event> after(Long boardId, long afterId, int limit) {
        if (boardId == null) {
            return after(afterId, limit);
        }
        return PgDatabase.sql(() -> tx.list(SELECT + " AND board_id = ? AND id > ? ORDER BY id LIMIT ?", PgEvents::map, boardId, afterId, limit));
    }

    @Override
    public long idBeforeLast(Long boardId, int count) {
        return PgDatabase.sql(() -> boardId == null
                ? tx.number("SELECT id FROM events e WHERE " + PgImports.visible("e") + " ORDER BY id DESC LIMIT 1 OFFSET ?", count)
                : tx.number("SELECT id FROM events e WHERE " + PgImports.visible("e") + " AND board_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?",
                        boardId, count));
    }

    @Override
    public List<Event> ofCard(long cardId) {
        return PgDatabase.sql(() -> tx.list(SELECT + " AND card_id = ? ORDER BY id", PgEvents::map, cardId));
    }

    @Override
    public Optional<Step> lastStep(long boardId, String actor) {
        return PgDatabase.sql(() -> tx.one("SELECT id, kind, undoes, stack_below, stack_other FROM events"
                + " WHERE board_id = ? AND actor = ? AND stack_below IS NOT NULL ORDER BY id DESC LIMIT 1", PgEvents::step, boardId, actor));
    }

    @Override
    public Optional<Step> step(long id) {
        return PgDatabase.sql(() -> tx.one("SELECT id, kind, undoes, stack_below, stack_other FROM events WHERE id = ? AND stack_below IS NOT NULL",
                PgEvents::step, id));
    }

    @Override
    public List<String> columnRenamesAfter(long boardId, long afterId) {
        return PgDatabase.sql(() -> tx.list("SELECT summary FROM events WHERE board_id = ? AND id > ? AND kind = 'column.renamed' ORDER BY id",
                row -> row.getString(1), boardId, afterId));
    }

    @Override
    public Optional<Event> lastOfCard(long cardId) {
        return PgDatabase.sql(() -> tx.one(SELECT + " AND card_id = ? ORDER BY id DESC LIMIT 1", PgEvents::map, cardId));
    }

    @Override
    public Optional<Event> byId(long id) {
        return PgDatabase.sql(() -> tx.one(SELECT + " AND id = ?", PgEvents::map, id));
    }

    @Override
    public long lastId() {
        return PgDatabase.sql(() -> lastId(tx));
    }

    static long lastId(PgTx tx) throws SQLException {
        return tx.number("SELECT coalesce(max(id), 0) FROM events");
    }

    @Override
    public long count() {
        return PgDatabase.sql(() -> tx.number("SELECT count(*) FROM events"));
    }

    static Event map(ResultSet row) throws SQLException {
        return new Event(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getLong(5),
                PgTx.nullableLong(row, 6), PgTx.nullableLong(row, 7), row.getString(8), row.getString(9), row.getString(10),
                row.getString(11), row.getInt(12));
    }

    private static Step step(ResultSet row) throws SQLException {
        return new Step(row.getLong(1), row.getString(2), new Link(PgTx.nullableLong(row, 3), row.getLong(4), row.getLong(5)));
    }
}
