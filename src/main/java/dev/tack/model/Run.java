package dev.tack.model;

/** One attempt of a worker at a card. {@code outcome} is running, succeeded, failed, timed-out, stale or released. */
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
        String logPath) {
}
