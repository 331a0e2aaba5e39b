package dev.tack.board;

import java.util.List;
import dev.tack.model.Event;
import dev.tack.store.Feed;

/**
 * Other processes' commits as they happen (docs/ARCHITECTURE.md §3), for the screen, {@code log
 * --follow} and workers: the storage's change feed, on a connection of its own.
 */
public final class Changes implements AutoCloseable {

    private final Feed feed;

    Changes(Feed feed) {
        this.feed = feed;
    }

    /** True when anyone else has committed since the last call. Costs microseconds. */
    public boolean changed() {
        return feed.changed();
    }

    /** The events committed after the last one returned, oldest first. */
    public List<Event> newEvents() {
        return feed.newEvents();
    }

    public long lastEventId() {
        return feed.lastEventId();
    }

    /**
     * {@code presence}'s beat, committed on this feed's own connection so that it is never
     * reported as someone else's change, and only if the write lock is free this instant (never
     * waits). False, having written nothing, when it is not.
     */
    public boolean beat(Presence presence) {
        return presence.beat(feed::writeUnnoticed);
    }

    long presenceStamp() {
        return feed.presenceStamp();
    }

    @Override
    public void close() {
        feed.close();
    }
}
