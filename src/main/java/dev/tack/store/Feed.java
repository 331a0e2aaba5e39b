package dev.tack.store;

import java.util.List;
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
     * Commits {@code work} on this feed's own connection if the write lock is free this instant, so
     * that {@link #changed()} does not report it (a screen's presence beat). False, having written
     * nothing, when the lock is taken or the database is read-only. Never waits.
     */
    boolean writeUnnoticed(Work<?> work);

    /** A number that moves whenever any presence row is written or removed, read on this feed's connection. */
    long presenceStamp();

    @Override
    void close();
}
