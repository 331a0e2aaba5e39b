package dev.tack.model;

/**
 * A command that a board runs on one kind of card event ({@code tack hook add}): {@code event} is
 * one of the names of {@code board.HookEvent}; {@code columnId} and {@code column} narrow a
 * {@code moved} hook to moves into that column (null: any). {@code timeoutMillis} bounds how long
 * the command may run before it is stopped.
 */
public record Hook(long id, long boardId, String event, Long columnId, String column, String command, long timeoutMillis,
                   String createdBy, String createdAt) {
}
