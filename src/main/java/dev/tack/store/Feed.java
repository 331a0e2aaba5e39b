package dev.tack.store;

import java.util.List;
import dev.tack.model.Change;
import dev.tack.model.Event;

/**
 * Notices other processes' commits (docs/ARCHITECTURE.md §3) on a long-lived connection of its
 * own: SQLite polls {@code PRAGMA data_version}; a PostgreSQL engine would {@code LISTEN}.
 */
public interface Feed extends AutoCloseable {

    /** True when another connection has committed since the last call; cheap enough to ask every few milliseconds. */
    boolean changed();

    /** The events committed after the last one returned, oldest first. */
    List<Event> newEvents();

    long lastEventId();

    /**
     * What changed since the last poll, read from the board's revision: nothing of the board (a
     * presence beat), what the new events describe, or something they do not (a foreign writer).
     */
    Change poll();

    /** True when board data changed since the last call (presence alone does not count). */
    boolean boardChanged();

    /**
     * Asks the feed to call {@code wake}, from a thread of its own, whenever another session may
     * have committed, so that a loop that waits for input can ask {@link #poll} at once instead of
     * at its next turn. A feed that can only be polled (SQLite's {@code data_version}) never calls it.
     */
    default void wakeOnChange(Runnable wake) {
    }

    @Override
    void close();
}
