package dev.tack.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.tack.model.Change;
import dev.tack.model.Event;
import dev.tack.store.Feed;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Notices other sessions' commits (docs/ARCHITECTURE.md §3) on a connection of its own that
 * {@code LISTEN}s on channel {@code tack}. Every row written to board data sends
 * {@code pg_notify('tack', schema)} from a trigger, inside the writing transaction, so the
 * notification arrives when it commits (and never for a rollback); presence writes send one too.
 * Asking costs no round trip: the driver hands over what has already arrived on the socket.
 *
 * <p>{@link #poll} then reads the board's revision, exactly as the SQLite feed does, to tell
 * nothing of the board (presence), what the new events describe, and what they do not (a write
 * from psql). As a fallback, for a notification lost with a connection, the revision is also read
 * once a second without one.
 *
 * <p>{@link #wakeOnChange} (the screen asks for it) adds a second connection that only
 * {@code LISTEN}s, on a thread of its own that blocks in the driver's
 * {@code getNotifications(timeout)}: a notification sets a flag that the next {@link #changed}
 * sees, and wakes the caller's loop at once, instead of at its next turn (up to 40 ms later).
 */
final class PgFeed implements Feed {

    private static final Change NONE = new Change.None();
    private static final int EVENT_LIMIT = 10_000;
    private static final long FALLBACK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * How long one of the feed's small reads may wait for the server. A pulled cable tells no one:
     * without a limit a read would wait for TCP to give up (many minutes) and the screen would show
     * an old board as if it were current; past it the read fails as a lost connection does, and the
     * screen says so and reconnects.
     */
    private static final int READ_TIMEOUT_MILLIS = 5_000;
    /** How long the listening thread blocks at a time before it looks whether the feed was closed. */
    private static final int LISTEN_SLICE_MILLIS = 250;

    private record Revision(long number, long unexplained) {
    }

    private final Connection connection;
    private final PgUrl url;
    private final PgTx tx;
    private long lastEventId;
    private Revision lastRevision;
    private long lastCheck = System.nanoTime();
    /** Opens the listening connection of {@link #wakeOnChange}. */
    private final PgDatabase.Connector listenerSource;
    /** Set by the listening thread when a notification of this schema arrived, before it wakes the loop. */
    private final java.util.concurrent.atomic.AtomicBoolean announced = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean closed;
    private Thread listener;

    PgFeed(Connection connection, PgUrl url, long afterEventId, PgDatabase.Connector listenerSource) throws SQLException {
        this.connection = connection;
        this.listenerSource = listenerSource;
        this.url = url;
        this.tx = new PgTx(connection, java.time.Clock.systemUTC());
        connection.setNetworkTimeout(Runnable::run, READ_TIMEOUT_MILLIS);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN tack");
        }
        this.lastEventId = afterEventId;
        this.lastRevision = readRevision();
    }

    /** True when another session has committed since the last call (board data or presence), or the fallback saw the revision move. */
    @Override
    public boolean changed() {
        try {
            boolean ours = announced.getAndSet(false) | ours(connection.unwrap(PGConnection.class).getNotifications());
            if (ours) {
                lastCheck = System.nanoTime();
                return true;
            }
            if (System.nanoTime() - lastCheck >= FALLBACK_NANOS) {
                lastCheck = System.nanoTime();
                return !readRevision().equals(lastRevision);
            }
            return false;
        } catch (SQLException e) {
            throw PgErrors.translate(url.display(), e);
        }
    }

    private boolean ours(PGNotification[] notifications) {
        boolean ours = false;
        if (notifications != null) {
            for (PGNotification notification : notifications) {
                ours |= url.schema().equals(notification.getParameter());
            }
        }
        return ours;
    }

    /**
     * Listens on a connection of its own and calls {@code wake} when this schema's notification
     * arrives. If that connection cannot be had or is lost, the loop is woken once (its next poll
     * reads the revision) and the feed goes on as without it: notifications seen at each poll, the
     * revision read once a second.
     */
    @Override
    public synchronized void wakeOnChange(Runnable wake) {
        if (listener != null || closed) {
            return;
        }
        Connection listening;
        try {
            listening = listenerSource.connect();
            try (Statement statement = listening.createStatement()) {
                statement.execute("LISTEN tack");
            }
        } catch (SQLException e) {
            return;
        }
        listener = new Thread(() -> listen(listening, wake), "tack-pg-feed");
        listener.setDaemon(true);
        listener.start();
    }

    /** Waits in slices, so that {@link #close} needs only a flag: the thread closes its own connection (never one another thread reads). */
    private void listen(Connection listening, Runnable wake) {
        try {
            PGConnection driver = listening.unwrap(PGConnection.class);
            while (!closed) {
                if (ours(driver.getNotifications(LISTEN_SLICE_MILLIS)) && !closed) {
                    announced.set(true);
                    wake.run();
                }
            }
        } catch (SQLException e) {
            if (!closed) {
                announced.set(true);
                wake.run();
            }
        } finally {
            try {
                listening.close();
            } catch (SQLException ignored) {
                // a listening connection holds nothing to save
            }
        }
    }

    @Override
    public Change poll() {
        if (!changed()) {
            return NONE;
        }
        try {
            Revision now = readRevision();
            Revision before = lastRevision;
            lastRevision = now;
            if (now.number() == before.number()) {
                return NONE;
            }
            List<Event> events = newEvents();
            if (events.size() == EVENT_LIMIT) {
                lastEventId = PgEvents.lastId(tx); // a bulk write (an import): read the board again
                return new Change.Reread(List.of());
            }
            return now.unexplained() == before.unexplained() ? new Change.Events(events) : new Change.Reread(events);
        } catch (SQLException e) {
            throw PgErrors.translate(url.display(), e);
        }
    }

    @Override
    public boolean boardChanged() {
        if (!changed()) {
            return false;
        }
        try {
            Revision now = readRevision();
            boolean moved = now.number() != lastRevision.number();
            lastRevision = now;
            return moved;
        } catch (SQLException e) {
            throw PgErrors.translate(url.display(), e);
        }
    }

    @Override
    public List<Event> newEvents() {
        try {
            List<Event> events = PgEvents.after(tx, lastEventId, EVENT_LIMIT);
            if (!events.isEmpty()) {
                lastEventId = events.get(events.size() - 1).id();
            }
            return events;
        } catch (SQLException e) {
            throw PgErrors.translate(url.display(), e);
        }
    }

    @Override
    public long lastEventId() {
        return lastEventId;
    }

    private Revision readRevision() throws SQLException {
        return tx.one("SELECT number, unexplained FROM revision WHERE id = 1", row -> new Revision(row.getLong(1), row.getLong(2)))
                .orElse(new Revision(0, 0));
    }

    @Override
    public void close() {
        closed = true;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a listening connection holds nothing to save
        }
    }
}
