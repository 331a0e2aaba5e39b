package dev.tack.store.postgres;

import java.util.List;
import dev.tack.model.Actor;
import dev.tack.store.ImportRows;

/** {@link ImportRows} on PostgreSQL: staged rows carry their import's id and stay hidden until its row is deleted, as on SQLite. */
final class PgImports implements ImportRows {

    private final PgTx tx;

    PgImports(PgTx tx) {
        this.tx = tx;
    }

    /** True for every row but those of an import still in progress; {@code alias} is the table's alias or name. */
    static String visible(String alias) {
        return "(" + alias + ".import_id IS NULL OR " + alias + ".import_id NOT IN (SELECT id FROM imports))";
    }

    @Override
    public long begin(Actor actor) {
        return PgDatabase.sql(() -> tx.insert("INSERT INTO imports (actor, host, pid, started_at) VALUES (?, ?, ?, ?)",
                actor.name(), actor.host(), actor.pid(), tx.now()));
    }

    /**
     * Row by row, with an id the caller chose: an identity column takes it, and the sequence is moved
     * past the batch's highest in the same transaction, so an ordinary insert never hands one out again.
     */
    @Override
    public void stage(long importId, long boardId, Actor actor, List<StagedCard> cards) {
        if (cards.isEmpty()) {
            return;
        }
        PgDatabase.sqlRun(() -> {
            long highest = 0;
            for (StagedCard card : cards) {
                tx.update("INSERT INTO cards (id, board_id, column_id, position, title, description, priority, due, assignee,"
                                + " archived, created_at, updated_at, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        card.id(), boardId, card.columnId(), card.position(), card.title(), card.description(), card.priority(),
                        card.due() == null ? null : card.due().toString(), card.assignee(), card.archived() ? 1 : 0, card.at(),
                        card.at(), importId);
                for (String tag : card.tags()) {
                    tx.update("INSERT INTO card_tags (card_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING", card.id(), tag);
                }
                tx.update("INSERT INTO events (at, actor, host, pid, board_id, card_id, kind, summary, before, after, import_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'card.added', ?, NULL, ?, ?)", card.at(), actor.name(), actor.host(), actor.pid(),
                        boardId, card.id(), card.summary(), card.event(), importId);
                highest = Math.max(highest, card.id());
            }
            tx.number("SELECT setval('cards_id_seq', greatest(?, (SELECT CASE WHEN is_called THEN last_value ELSE 1 END FROM cards_id_seq)))",
                    highest);
        });
    }

    @Override
    public List<Pending> all() {
        return PgDatabase.sql(() -> tx.list("SELECT id, actor, host, pid, started_at FROM imports ORDER BY id",
                row -> new Pending(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5))));
    }

    @Override
    public boolean exists(long id) {
        return PgDatabase.sql(() -> tx.number("SELECT count(*) FROM imports WHERE id = ?", id) > 0);
    }

    @Override
    public void publish(long id) {
        PgDatabase.sqlRun(() -> tx.update("DELETE FROM imports WHERE id = ?", id));
    }

    @Override
    public long stagedCards(long id) {
        return PgDatabase.sql(() -> tx.number("SELECT count(*) FROM cards WHERE import_id = ?", id));
    }

    @Override
    public int deleteSome(long id, int limit) {
        return PgDatabase.sql(() -> {
            if (tx.number("SELECT count(*) FROM imports WHERE id = ?", id) == 0) {
                return 0;
            }
            int gone = tx.update("DELETE FROM cards WHERE id IN (SELECT id FROM cards WHERE import_id = ? LIMIT ?)", id, limit);
            if (gone == 0) {
                gone = tx.update("DELETE FROM events WHERE id IN (SELECT id FROM events WHERE import_id = ? LIMIT ?)", id, limit);
            }
            if (gone == 0) {
                gone = tx.update("DELETE FROM columns WHERE import_id = ?", id);
                gone += tx.update("DELETE FROM boards WHERE import_id = ?", id);
                gone += tx.update("DELETE FROM imports WHERE id = ?", id);
            }
            return gone;
        });
    }
}
