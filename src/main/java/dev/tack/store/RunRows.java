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
}
