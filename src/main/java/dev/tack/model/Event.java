package dev.tack.model;

/**
 * One committed change: the audit log, the change feed and the basis of undo. {@code before}
 * and {@code after} are JSON objects of what changed (null where nothing existed), in the shape
 * {@code shape} names: 1, whole cards as {@code --json} prints them (files from schema 1); 2, only
 * the fields the change touched, the column by id and name (docs/ARCHITECTURE.md §7).
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
        String after,
        int shape) {
}
