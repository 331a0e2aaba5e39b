package dev.tack.model;

/**
 * One committed change: the audit log, the change feed and the basis of undo. {@code before}
 * and {@code after} are JSON snapshots of what changed (null where nothing existed).
 */
public record Event(
        long id,
        String at,
        String actor,
        String host,
        long pid,
        Long boardId,
        Long cardId,
        String kind,
        String summary,
        String before,
        String after) {
}
