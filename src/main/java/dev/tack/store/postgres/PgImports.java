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
