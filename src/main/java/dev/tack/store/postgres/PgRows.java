package dev.tack.store.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import dev.tack.model.Actor;
import dev.tack.model.Board;
import dev.tack.model.Column;
import dev.tack.model.Comment;
import dev.tack.model.Heartbeat;
import dev.tack.model.Run;
import dev.tack.store.BoardRows;
import dev.tack.store.CardRows;
import dev.tack.store.ChecklistRows;
import dev.tack.store.ColumnRuleRows;
import dev.tack.store.ColumnRows;
import dev.tack.store.CommentRows;
import dev.tack.store.EventRows;
import dev.tack.store.HookRows;
import dev.tack.store.ImportRows;
import dev.tack.store.LinkRows;
import dev.tack.store.PresenceRows;
import dev.tack.store.RunRows;
import dev.tack.store.StorageTx;

/**
 * The PostgreSQL engine's {@link StorageTx}: the typed rows on one transaction's connection. The
 * SQL of boards, columns, comments, runs and presence is here (short); cards, events and imports
 * have classes of their own.
 */
final class PgRows implements StorageTx {

    private final PgTx tx;
    private final PgDatabase database;
    private final BoardRows boards = new Boards();
    private final ColumnRows columns = new Columns();
    private final CardRows cards;
    private final CommentRows comments = new Comments();
    private final EventRows events;
    private final RunRows runs = new Runs();
    private final PresenceRows presence = new Presence();
    private final ImportRows imports;
    private final LinkRows links;
    private final ChecklistRows checklists;
    private final ColumnRuleRows columnRules;
    private final PgKeys keys;
    private final HookRows hooks;

    PgRows(PgTx tx, PgDatabase database) {
        this.tx = tx;
        this.database = database;
        this.cards = new PgCards(tx);
        this.events = new PgEvents(tx);
        this.imports = new PgImports(tx);
        this.links = new PgDependencies.Links(tx);
        this.checklists = new PgDependencies.Checklists(tx);
        this.columnRules = new PgDependencies.ColumnRules(tx);
        this.keys = new PgKeys(tx);
        this.hooks = new PgHooks(tx);
    }

    PgTx pgTx() {
        return tx;
    }

    @Override
    public PgKeys keys() {
        return keys;
    }

    @Override
    public dev.tack.store.TableRows tables() {
        return new PgTables(tx);
    }

    @Override
    public BoardRows boards() {
        return boards;
    }

    @Override
    public ColumnRows columns() {
        return columns;
    }

    @Override
    public CardRows cards() {
        return cards;
    }

    @Override
    public CommentRows comments() {
        return comments;
    }

    @Override
    public EventRows events() {
        return events;
    }

    @Override
    public RunRows runs() {
        return runs;
    }

    @Override
    public PresenceRows presence() {
        return presence;
    }

    @Override
    public ImportRows imports() {
        return imports;
    }

    @Override
    public LinkRows links() {
        return links;
    }

    @Override
    public ChecklistRows checklists() {
        return checklists;
    }

    @Override
    public ColumnRuleRows columnRules() {
        return columnRules;
    }

    @Override
    public HookRows hooks() {
        return hooks;
    }

    private final class Boards implements BoardRows {
        private static Board map(ResultSet row) throws SQLException {
            return new Board(row.getLong(1), row.getString(2));
        }

        @Override
        public List<Board> all() {
            return PgDatabase.sql(() -> tx.list("SELECT id, name FROM boards b WHERE " + PgImports.visible("b") + " ORDER BY id", Boards::map));
        }

        @Override
        public Optional<Board> byName(String name) {
            return PgDatabase.sql(() -> tx.one("SELECT id, name FROM boards b WHERE name = ? AND " + PgImports.visible("b"), Boards::map, name));
        }

        @Override
        public Optional<Board> byId(long id) {
            return PgDatabase.sql(() -> tx.one("SELECT id, name FROM boards b WHERE id = ? AND " + PgImports.visible("b"), Boards::map, id));
        }

        @Override
        public long insert(String name) {
            return PgDatabase.sql(() -> tx.insert("INSERT INTO boards (name, created_at) VALUES (?, ?)", name, tx.now()));
        }

        @Override
        public long insertStaged(String name, long importId) {
            return PgDatabase.sql(() -> tx.insert("INSERT INTO boards (name, created_at, import_id) VALUES (?, ?, ?)", name, tx.now(), importId));
        }

        @Override
        public void rename(long id, String name) {
            PgDatabase.sqlRun(() -> tx.update("UPDATE boards SET name = ? WHERE id = ?", name, id));
        }

        @Override
        public void delete(long id) {
            PgDatabase.sqlRun(() -> {
                tx.update("DELETE FROM cards WHERE board_id = ?", id);
                tx.update("DELETE FROM columns WHERE board_id = ?", id);
                tx.update("DELETE FROM boards WHERE id = ?", id);
            });
        }
    }

    private final class Columns implements ColumnRows {
        private static final String SELECT = "SELECT id, board_id, name, position, wip_limit, wip_hard FROM columns k WHERE "
                + PgImports.visible("k");

        private static Column map(ResultSet row) throws SQLException {
            return new Column(row.getLong(1), row.getLong(2), row.getString(3), row.getInt(4), PgTx.nullableInt(row, 5), row.getInt(6) != 0);
        }

        @Override
        public List<Column> ofBoard(long boardId) {
            return PgDatabase.sql(() -> tx.list(SELECT + " AND board_id = ? ORDER BY position", Columns::map, boardId));
        }

        /** Any case, as SQLite's COLLATE NOCASE: ASCII letters only, whatever the database's locale. */
        @Override
        public Optional<Column> byName(long boardId, String name) {
            return PgDatabase.sql(() -> tx.one(SELECT + " AND board_id = ? AND translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
                    + " = translate(?, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')", Columns::map, boardId, name));
        }

        @Override
        public long insert(long boardId, String name, int position, Integer wipLimit, boolean hard) {
            return PgDatabase.sql(() -> tx.insert("INSERT INTO columns (board_id, name, position, wip_limit, wip_hard) VALUES (?, ?, ?, ?, ?)",
                    boardId, name, position, wipLimit, hard ? 1 : 0));
        }

        @Override
        public long insertStaged(long boardId, String name, int position, Integer wipLimit, boolean hard, long importId) {
            return PgDatabase.sql(() -> tx.insert("INSERT INTO columns (board_id, name, position, wip_limit, wip_hard, import_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", boardId, name, position, wipLimit, hard ? 1 : 0, importId));
        }

        @Override
        public void update(Column column) {
            PgDatabase.sqlRun(() -> tx.update("UPDATE columns SET name = ?, position = ?, wip_limit = ?, wip_hard = ? WHERE id = ?",
                    column.name(), column.position(), column.wipLimit(), column.wipHard() ? 1 : 0, column.id()));
        }

        @Override
        public void delete(long id) {
            PgDatabase.sqlRun(() -> tx.update("DELETE FROM columns WHERE id = ?", id));
        }

        @Override
        public int cardCount(long columnId) {
            return PgDatabase.sql(() -> (int) tx.number("SELECT count(*) FROM cards c WHERE column_id = ? AND archived = 0 AND "
                    + PgImports.visible("c"), columnId));
        }

        @Override
        public int anyCardCount(long columnId) {
            return PgDatabase.sql(() -> (int) tx.number("SELECT count(*) FROM cards WHERE column_id = ?", columnId));
        }
    }

    private final class Comments implements CommentRows {
        @Override
        public long insert(long cardId, String author, String body) {
            return insert(cardId, author, body, tx.now());
        }

        @Override
        public long insert(long cardId, String author, String body, String createdAt) {
            return PgDatabase.sql(() -> tx.insert("INSERT INTO comments (card_id, author, body, created_at) VALUES (?, ?, ?, ?)",
                    cardId, author, body, createdAt));
        }

        @Override
        public List<Comment> ofCard(long cardId) {
            return PgDatabase.sql(() -> tx.list("SELECT id, card_id, author, body, created_at FROM comments WHERE card_id = ? ORDER BY id",
                    row -> new Comment(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5)), cardId));
        }

        @Override
        public java.util.Map<Long, Integer> countsOfBoard(long boardId) {
            java.util.Map<Long, Integer> counts = new java.util.LinkedHashMap<>();
            PgDatabase.sqlRun(() -> tx.list("SELECT m.card_id, count(*) FROM comments m JOIN cards c ON c.id = m.card_id"
                            + " WHERE c.board_id = ? AND c.archived = 0 AND " + PgImports.visible("c") + " GROUP BY m.card_id ORDER BY m.card_id",
                    row -> counts.put(row.getLong(1), row.getInt(2)), boardId));
            return counts;
        }

        @Override
        public int countOfCard(long cardId) {
            return PgDatabase.sql(() -> (int) tx.number("SELECT count(*) FROM comments WHERE card_id = ?", cardId));
        }
    }

    private final class Runs implements RunRows {
        private static final String SELECT = "SELECT id, card_id, worker, host, pid, attempt, started_at, finished_at, outcome,"
                + " exit_code, output_tail, log_path, summary, meta, lane_id FROM runs";

        private static Run map(ResultSet row) throws SQLException {
            Object lane = row.getObject(15);
            return new Run(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getLong(5), row.getInt(6),
                    row.getString(7), row.getString(8), row.getString(9), PgTx.nullableInt(row, 10), row.getString(11), row.getString(12),
                    row.getString(13), row.getString(14), lane == null ? null : ((Number) lane).longValue());
        }

        @Override
        public void markClaim(long runId, String token, long laneId) {
            PgDatabase.sqlRun(() -> tx.update("UPDATE runs SET token = ?, lane_id = ? WHERE id = ?", token, laneId, runId));
        }

        @Override
        public Optional<Run> withToken(long cardId, String token) {
            return PgDatabase.sql(() -> tx.one(SELECT + " WHERE card_id = ? AND token = ?", Runs::map, cardId, token));
        }

        @Override
        public void report(long runId, String summary, String meta) {
            PgDatabase.sqlRun(() -> tx.update("UPDATE runs SET summary = CAST(? AS TEXT), meta = CAST(? AS TEXT) WHERE id = ?",
                    summary, meta, runId));
        }

        @Override
        public List<Run> ofCard(long cardId) {
            return PgDatabase.sql(() -> tx.list(SELECT + " WHERE card_id = ? ORDER BY id", Runs::map, cardId));
        }

        @Override
        public List<Run> recent(boolean activeOnly, int limit) {
            return PgDatabase.sql(() -> tx.list(SELECT + (activeOnly ? " WHERE outcome = 'running'" : "") + " ORDER BY id DESC LIMIT ?",
                    Runs::map, limit));
        }

        @Override
        public long start(long cardId, String worker, String host, long pid, int attempt, String logFolder) {
            return PgDatabase.sql(() -> {
                long id = tx.insert("INSERT INTO runs (card_id, worker, host, pid, attempt, started_at) VALUES (?, ?, ?, ?, ?, ?)",
                        cardId, worker, host, pid, attempt, tx.now());
                if (logFolder != null) {
                    tx.update("UPDATE runs SET log_path = ? WHERE id = ?", java.nio.file.Path.of(logFolder, "run-" + id + ".log").toString(), id);
                }
                return id;
            });
        }

        @Override
        public void finish(long runId, String outcome, Integer exitCode, String outputTail) {
            PgDatabase.sqlRun(() -> tx.update("UPDATE runs SET finished_at = ?, outcome = ?, exit_code = ?,"
                    + " output_tail = coalesce(CAST(? AS TEXT), output_tail) WHERE id = ?", tx.now(), outcome, exitCode, outputTail, runId));
        }

        @Override
        public int cancelRunning(long cardId) {
            return PgDatabase.sql(() -> tx.update("UPDATE runs SET finished_at = ?, outcome = 'cancelled' WHERE card_id = ? AND outcome = 'running'",
                    tx.now(), cardId));
        }

        @Override
        public void updateTail(long runId, String outputTail) {
            PgDatabase.sqlRun(() -> tx.update("UPDATE runs SET output_tail = ? WHERE id = ? AND outcome = 'running'", outputTail, runId));
        }

        @Override
        public Optional<Run> byId(long id) {
            return PgDatabase.sql(() -> tx.one(SELECT + " WHERE id = ?", Runs::map, id));
        }

        @Override
        public List<Run> running() {
            return PgDatabase.sql(() -> tx.list(SELECT + " WHERE outcome = 'running' ORDER BY id", Runs::map));
        }
    }

    /**
     * Presence is no board data: no revision trigger watches it. Its writes still tell listening
     * screens that someone committed ({@link PgFeed#changed}), as a commit moves SQLite's data_version.
     */
    private final class Presence implements PresenceRows {
        private static final String SELECT = "SELECT id, board_id, actor, host, pid, kind, seen_at FROM presence";

        @Override
        public long beat(Long rowId, Long boardId, Actor actor, String kind, long nowMillis) {
            return PgDatabase.sql(() -> {
                database.notifyCommit(tx);
                if (rowId != null && tx.update("UPDATE presence SET board_id = ?, actor = ?, kind = ?, seen_at = ? WHERE id = ?",
                        boardId, actor.name(), kind, nowMillis, rowId) == 1) {
                    return rowId;
                }
                return tx.insert("INSERT INTO presence (board_id, actor, host, pid, kind, seen_at) VALUES (?, ?, ?, ?, ?, ?)",
                        boardId, actor.name(), actor.host(), actor.pid(), kind, nowMillis);
            });
        }

        @Override
        public List<Heartbeat> live(long boardId, long sinceMillis) {
            return PgDatabase.sql(() -> tx.list(SELECT + " WHERE board_id = ? AND seen_at >= ? ORDER BY actor COLLATE \"C\", kind COLLATE \"C\", id",
                    row -> new Heartbeat(row.getLong(1), PgTx.nullableLong(row, 2), row.getString(3), row.getString(4),
                            row.getLong(5), row.getString(6), row.getLong(7)),
                    boardId, sinceMillis));
        }

        @Override
        public void remove(long rowId) {
            PgDatabase.sqlRun(() -> {
                database.notifyCommit(tx);
                tx.update("DELETE FROM presence WHERE id = ?", rowId);
            });
        }

        @Override
        public int prune(long beforeMillis) {
            return PgDatabase.sql(() -> tx.update("DELETE FROM presence WHERE seen_at < ?", beforeMillis));
        }

        @Override
        public boolean provenGone(String host, long pid) {
            return PgDatabase.sql(() -> database.provenGone(tx, host, pid));
        }
    }
}
