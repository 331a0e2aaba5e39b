package dev.tack.tui;

import java.util.List;
import java.util.Objects;
import dev.tack.board.BoardView;
import dev.tack.model.Event;
import dev.tack.board.Changes;
import dev.tack.model.Change;
import dev.tack.model.TackException;

/**
 * Brings other processes' commits to the screen (docs/ARCHITECTURE.md §3), asked once per turn of
 * the loop. The change feed says exactly what changed, from the board's revision: nothing of the
 * board (presence beats: nothing to do), what the new events describe (the cards they name are
 * read again), or something they do not describe (a {@code sqlite3} shell, a lease extension: the
 * board is read again, and redrawn only if what is shown changed).
 *
 * <p>Re-reads are spaced four times the last one's cost apart, but never more than 50 ms: a foreign
 * edit shows within a poll or two even on a large board, and a script writing back to back
 * through a {@code sqlite3} shell still leaves the loop most of its time for keys.
 */
final class LiveFeed implements AutoCloseable {

    private static final long SPACING = 4;
    private static final long MAX_SPACING_NANOS = 50_000_000;
    /** A lost feed (a server gone away, a connection cut) is opened again after 250 ms, then twice as long each time, up to 8 s. */
    private static final long FIRST_RETRY_MILLIS = 250;
    private static final long MAX_RETRY_MILLIS = 8_000;

    private final BoardController controller;
    /** Wakes the screen's loop when the feed hears of a commit (a server's notification), so that it need not wait for its turn. */
    private final Runnable wake;
    private Changes feed;
    private boolean rereadPending;
    private long lastRereadNanos = Long.MIN_VALUE / 2;
    private long lastRereadCost;
    private volatile int rereads;
    private volatile int refreshes;
    private long retryMillis;
    private long retryAtNanos;
    private volatile int reconnects;

    LiveFeed(BoardController controller) {
        this(controller, () -> {
        });
    }

    LiveFeed(BoardController controller, Runnable wake) {
        this.controller = controller;
        this.wake = wake;
    }

    /**
     * Opens the feed after the board's first read, from where the shown board stands; tried again
     * on later checks until it opens, with a growing pause after each failure. A feed that opens
     * after a failure catches up: it starts after the last event the shown board includes, and the
     * board is read again whole.
     */
    void open() {
        if (feed != null || System.nanoTime() - retryAtNanos < 0) {
            return;
        }
        try {
            feed = controller.workspace().changes(Math.max(0, controller.shownEventId()));
            feed.wakeOnChange(wake);
        } catch (TackException e) {
            lost(); // the board cannot be read now: the status row says so
            return;
        }
        if (retryMillis > 0) {
            retryMillis = 0;
            reconnects++;
            rereadPending = true;
        }
    }

    /** Asks the change feed; returns true when the screen should be drawn again. */
    boolean check() {
        open();
        if (feed == null) {
            return false;
        }
        boolean dirty = false;
        try {
            Change change = feed.poll();
            if (change instanceof Change.Events news) {
                dirty = apply(news.events());
            } else if (change instanceof Change.Reread reread) {
                controller.eventsArrived(reread.events());
                dirty = !reread.events().isEmpty();
                rereadPending = true;
            }
        } catch (TackException e) {
            feed.close();
            feed = null;
            lost();
            return true;
        }
        if (rereadPending && System.nanoTime() - lastRereadNanos >= Math.min(MAX_SPACING_NANOS, SPACING * lastRereadCost)) {
            BoardView before = controller.model().view();
            String problemBefore = controller.problem();
            reread();
            dirty |= !Objects.equals(before, controller.model().view()) || !Objects.equals(problemBefore, controller.problem());
        }
        return dirty;
    }

    /**
     * The feed failed: the board is read again, which keeps the board shown and puts why it cannot
     * be read in the status row (writes are refused while it is there); the feed is opened again
     * after a pause that doubles each time (a pause, not a time of day: the monotonic clock).
     */
    private void lost() {
        retryMillis = retryMillis == 0 ? FIRST_RETRY_MILLIS : Math.min(MAX_RETRY_MILLIS, retryMillis * 2);
        retryAtNanos = System.nanoTime() + retryMillis * 1_000_000;
        controller.reload();
    }

    /** Events of tack's writes: those after what the board shows (not this screen's own) refresh the cards they name. */
    private boolean apply(List<Event> events) {
        if (events.isEmpty()) {
            return false;
        }
        controller.eventsArrived(events);
        long shown = controller.shownEventId();
        List<Event> unseen = events.stream().filter(e -> e.id() > shown).toList();
        if (!unseen.isEmpty()) {
            refreshes++;
            controller.refresh(unseen);
        }
        return true;
    }

    /** Reads the whole board again now. */
    void reread() {
        rereadPending = false;
        long start = System.nanoTime();
        controller.reload();
        lastRereadNanos = System.nanoTime();
        lastRereadCost = lastRereadNanos - start;
        rereads++;
    }

    /** How often the board was read again for changes the events do not describe (for tests: safe from any thread). */
    int rereads() {
        return rereads;
    }

    /** How often the feed was opened again after it was lost (for tests: safe from any thread). */
    int reconnects() {
        return reconnects;
    }

    /** How often cards were read again for others' events (for tests: safe from any thread). */
    int refreshes() {
        return refreshes;
    }

    @Override
    public void close() {
        if (feed != null) {
            feed.close();
        }
    }
}
