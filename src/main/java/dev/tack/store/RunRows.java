package dev.tack.store;

import java.util.List;
import java.util.Optional;
import dev.tack.model.Run;

/** Storage of worker runs, inside one transaction ({@link StorageTx#runs}). */
public interface RunRows {

    List<Run> ofCard(long cardId);

    List<Run> recent(boolean activeOnly, int limit);

    /** Opens a run; its whole output goes to {@code run-<id>.log} in {@code logFolder} (when given). */
    long start(long cardId, String worker, String host, long pid, int attempt, String logFolder);

    /** Closes a run; a null {@code outputTail} keeps the tail the heartbeats stored (the column is NOT NULL). */
    void finish(long runId, String outcome, Integer exitCode, String outputTail);

    /** Closes a card's running runs as cancelled: a person took the card away from its worker. */
    int cancelRunning(long cardId);

    void updateTail(long runId, String outputTail);

    java.util.Optional<Run> byId(long id);

    /** The running run of each card that has one, for the screen. */
    List<Run> running();

    /**
     * Makes run {@code runId} an agent's claim ({@code tack claim}): the token that fences its later
     * steps, and the column it took the card from (where a release puts it back).
     */
    void markClaim(long runId, String token, long laneId);

    /** Card {@code cardId}'s run whose claim token is {@code token}, whatever its outcome now. */
    Optional<Run> withToken(long cardId, String token);

    /** Keeps an agent's report on its run: a summary and a JSON document (either may be null). */
    void report(long runId, String summary, String meta);
}
