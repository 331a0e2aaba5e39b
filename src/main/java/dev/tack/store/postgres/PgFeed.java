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

    private record Revision(long number, long unexplained) {
    }

    private final Connection connection;
    private final PgUrl url;
    private final PgTx tx;
    private long lastEventId;
    private Revision lastRevision;
    private long lastCheck = System.nanoTime();

    PgFeed(Connection connection, PgUrl url, long afterEventId) throws SQLException {
        this.connection = connection;
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
            PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications();
            boolean ours = false;
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    ours |= url.schema().equals(notification.getParameter());
                }
            }
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
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a listening connection holds nothing to save
        }
    }
}
