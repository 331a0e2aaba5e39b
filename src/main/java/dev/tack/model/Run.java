package dev.tack.model;

/**
 * One attempt at a card, by a worker or an agent ({@code tack claim}). {@code outcome} is running,
 * succeeded, failed, timed-out, stale, released, lost, cancelled or blocked. {@code summary} and
 * {@code meta} (a JSON document, as text) are what an agent reported when it finished or blocked the
 * card; {@code laneId} is the column an agent's claim took the card from (null for workers' runs).
 */
public record Run(
        long id,
        long cardId,
        String worker,
        String host,
        long pid,
        int attempt,
        String startedAt,
        String finishedAt,
        String outcome,
        Integer exitCode,
        String outputTail,
        String logPath,
        String summary,
        String meta,
        Long laneId) {

    /** A run with no report (a worker's). */
    public Run(long id, long cardId, String worker, String host, long pid, int attempt, String startedAt, String finishedAt,
               String outcome, Integer exitCode, String outputTail, String logPath) {
        this(id, cardId, worker, host, pid, attempt, startedAt, finishedAt, outcome, exitCode, outputTail, logPath, null, null, null);
    }
}
