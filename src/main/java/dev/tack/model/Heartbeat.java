package dev.tack.model;

/**
 * One open screen or worker on a board, as its last heartbeat left it. Not an event: heartbeats
 * are overwritten in place every few seconds and dropped when stale.
 */
public record Heartbeat(long id, Long boardId, String actor, String host, long pid, String kind, long seenAtMillis) {

    public static final String SCREEN = "screen";
    public static final String WORKER = "worker";

    /** A worker's kind with a note for people's screens ("waiting: Doing is at its hard WIP limit (1/1)"). */
    public static String worker(String note) {
        return note == null || note.isBlank() ? WORKER : WORKER + ": " + note;
    }

    public boolean isWorker() {
        return kind.equals(WORKER) || kind.startsWith(WORKER + ": ");
    }

    /** What a worker says about itself on people's screens; empty for none. */
    public String note() {
        return isWorker() && kind.length() > WORKER.length() ? kind.substring(WORKER.length() + 2) : "";
    }
}
