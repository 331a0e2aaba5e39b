package dev.tack.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import dev.tack.model.Change;
import dev.tack.model.Event;
import dev.tack.store.Feed;

/**
 * Notices other connections' commits (docs/ARCHITECTURE.md §3). One long-lived connection in autocommit mode
 * polls {@code PRAGMA data_version} through a prepared statement; the number changes whenever any
 * other connection, in this process or another, commits. {@link #poll} then reads the board's
 * revision ({@link RevisionTable}) to say exactly what changed: nothing of the board (a presence
 * beat), what the new events describe, or something they do not (a foreign writer such as a
 * {@code sqlite3} shell). Result sets are closed at once so that no read snapshot is held between polls.
 */
public final class ChangeFeed implements Feed {

    private static final Change NONE = new Change.None();
    private static final int EVENT_LIMIT = 10_000;

    private final Path file;
    private final Connection connection;
    private final PreparedStatement dataVersion;
    private long lastDataVersion;
    private long lastEventId;
    /** The revision at the last poll; null when the file has none (not migrated: opened read-only). */
    private RevisionTable.Revision lastRevision;

    ChangeFeed(Path file, Connection connection, long afterEventId) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.dataVersion = connection.prepareStatement("PRAGMA data_version");
        this.lastDataVersion = readDataVersion();
        this.lastEventId = afterEventId;
        this.lastRevision = readRevision();
    }

    /** True when another connection has committed since the last call, board data or not. Costs microseconds. */
    @Override
    public boolean changed() {
        try {
            long now = readDataVersion();
            if (now != lastDataVersion) {
                lastDataVersion = now;
                return true;
            }
            return false;
        } catch (SQLException e) {
            throw SqliteErrors.translate(file, e);
        }
    }

    /**
     * What changed since the last poll. Costs one {@code data_version} read when nobody committed,
     * and one read of the revision row when only presence did.
     */
    @Override
    public Change poll() {
        if (!changed()) {
            return NONE;
        }
        try {
            RevisionTable.Revision now = readRevision();
            RevisionTable.Revision before = lastRevision;
            lastRevision = now;
            if (now != null && before != null && now.number() == before.number()) {
                return NONE;
            }
            List<Event> events = newEvents();
            if (events.size() == EVENT_LIMIT) {
                // A bulk write (an import): the board is read again, and the events not yet read are skipped.
                lastEventId = new Tx(connection).number("SELECT coalesce(max(id), 0) FROM events");
                return new Change.Reread(List.of());
            }
            boolean explained = now != null && before != null && now.unexplained() == before.unexplained();
            return explained ? new Change.Events(events) : new Change.Reread(events);
        } catch (SQLException e) {
            throw SqliteErrors.translate(file, e);
        }
    }

    /** True when board data changed since the last call (presence alone does not count). */
    @Override
    public boolean boardChanged() {
        if (!changed()) {
            return false;
        }
        try {
            RevisionTable.Revision now = readRevision();
            boolean moved = now == null || lastRevision == null || now.number() != lastRevision.number();
            lastRevision = now;
            return moved;
        } catch (SQLException e) {
            throw SqliteErrors.translate(file, e);
        }
    }

    /** The events committed after the last one returned, oldest first (at most 10,000 at a time). */
    @Override
    public List<Event> newEvents() {
        try {
            List<Event> events = new Tx(connection).list(EventTable.SELECT + " AND id > ? ORDER BY id LIMIT " + EVENT_LIMIT,
                    EventTable::map, lastEventId);
            if (!events.isEmpty()) {
                lastEventId = events.get(events.size() - 1).id();
            }
            return events;
        } catch (SQLException e) {
            throw SqliteErrors.translate(file, e);
        }
    }

    @Override
    public long lastEventId() {
        return lastEventId;
    }

    private long readDataVersion() throws SQLException {
        try (ResultSet row = dataVersion.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private RevisionTable.Revision readRevision() throws SQLException {
        Tx tx = new Tx(connection);
        return RevisionTable.exists(tx) ? RevisionTable.read(tx) : null;
    }

    @Override
    public void close() {
        try {
            dataVersion.close();
            connection.close();
        } catch (SQLException ignored) {
            // nothing to save on a read connection
        }
    }
}
