package dev.tack.store.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import dev.tack.model.Run;

/** SQL for worker runs. */
public final class RunTable {

    static final String SELECT = "SELECT id, card_id, worker, host, pid, attempt, started_at, finished_at, outcome,"
            + " exit_code, output_tail, log_path, summary, meta, lane_id FROM runs";

    private RunTable() {
    }

    public static List<Run> ofCard(Tx tx, long cardId) throws SQLException {
        return tx.list(SELECT + " WHERE card_id = ? ORDER BY id", RunTable::map, cardId);
    }

    public static List<Run> recent(Tx tx, boolean activeOnly, int limit) throws SQLException {
        return tx.list(SELECT + (activeOnly ? " WHERE outcome = 'running'" : "") + " ORDER BY id DESC LIMIT ?",
                RunTable::map, limit);
    }

    /** Opens a run; its whole output goes to {@code run-<id>.log} in {@code logFolder} (when given). */
    public static long start(Tx tx, long cardId, String worker, String host, long pid, int attempt, String logFolder)
            throws SQLException {
        long id = tx.insert("INSERT INTO runs (card_id, worker, host, pid, attempt, started_at) VALUES (?, ?, ?, ?, ?, ?)",
                cardId, worker, host, pid, attempt, tx.now());
        if (logFolder != null) {
            tx.update("UPDATE runs SET log_path = ? WHERE id = ?", java.nio.file.Path.of(logFolder, "run-" + id + ".log").toString(), id);
        }
        return id;
    }

    /** Closes a run; a null {@code outputTail} keeps the tail the heartbeats stored (the column is NOT NULL). */
    public static void finish(Tx tx, long runId, String outcome, Integer exitCode, String outputTail) throws SQLException {
        tx.update("UPDATE runs SET finished_at = ?, outcome = ?, exit_code = ?, output_tail = coalesce(?, output_tail) WHERE id = ?",
                tx.now(), outcome, exitCode, outputTail, runId);
    }

    /** Closes a card's running runs as cancelled: a person took the card away from its worker. */
    public static int cancelRunning(Tx tx, long cardId) throws SQLException {
        return tx.update("UPDATE runs SET finished_at = ?, outcome = 'cancelled' WHERE card_id = ? AND outcome = 'running'",
                tx.now(), cardId);
    }

    public static void updateTail(Tx tx, long runId, String outputTail) throws SQLException {
        tx.update("UPDATE runs SET output_tail = ? WHERE id = ? AND outcome = 'running'", outputTail, runId);
    }

    public static java.util.Optional<Run> byId(Tx tx, long id) throws SQLException {
        return tx.one(SELECT + " WHERE id = ?", RunTable::map, id);
    }

    /** The running run of each card that has one, for the screen. */
    public static List<Run> running(Tx tx) throws SQLException {
        return tx.list(SELECT + " WHERE outcome = 'running' ORDER BY id", RunTable::map);
    }

    /** An agent's claim: its token and the column it took the card from. */
    public static void markClaim(Tx tx, long runId, String token, long laneId) throws SQLException {
        tx.update("UPDATE runs SET token = ?, lane_id = ? WHERE id = ?", token, laneId, runId);
    }

    public static java.util.Optional<Run> withToken(Tx tx, long cardId, String token) throws SQLException {
        return tx.one(SELECT + " WHERE card_id = ? AND token = ?", RunTable::map, cardId, token);
    }

    public static void report(Tx tx, long runId, String summary, String meta) throws SQLException {
        tx.update("UPDATE runs SET summary = ?, meta = ? WHERE id = ?", summary, meta, runId);
    }

    static Run map(ResultSet row) throws SQLException {
        Object exit = row.getObject(10);
        Object lane = row.getObject(15);
        return new Run(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getLong(5), row.getInt(6),
                row.getString(7), row.getString(8), row.getString(9), exit == null ? null : ((Number) exit).intValue(),
                row.getString(11), row.getString(12), row.getString(13), row.getString(14),
                lane == null ? null : ((Number) lane).longValue());
    }
}
