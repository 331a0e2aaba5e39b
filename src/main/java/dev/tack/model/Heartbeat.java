package dev.tack.model;

/**
 * One open screen or worker on a board, as its last heartbeat left it. Not an event: heartbeats
 * are overwritten in place every few seconds and dropped when stale.
 */
public record Heartbeat(long id, Long boardId, String actor, String host, long pid, String kind, long seenAtMillis) {

    public static final String SCREEN = "screen";
    public static final String WORKER = "worker";
}
