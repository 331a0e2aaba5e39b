package dev.tack.board;

import java.util.List;
import dev.tack.model.Change;
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

    /** What changed since the last poll: nothing of the board, what the new events describe, or something they do not. */
    public Change poll() {
        return feed.poll();
    }

    /** True when board data changed since the last call (presence alone does not count). */
    public boolean boardChanged() {
        return feed.boardChanged();
    }

    /** See {@link dev.tack.store.Feed#wakeOnChange}. */
    public void wakeOnChange(Runnable wake) {
        feed.wakeOnChange(wake);
    }

    @Override
    public void close() {
        feed.close();
    }
}
