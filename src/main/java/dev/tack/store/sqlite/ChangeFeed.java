package dev.tack.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import dev.tack.model.Event;
import dev.tack.store.Feed;
import dev.tack.store.Work;

/**
 * Notices other connections' commits (docs/ARCHITECTURE.md §3). One long-lived connection in autocommit mode
 * polls {@code PRAGMA data_version} through a prepared statement; the number changes whenever any
 * other connection, in this process or another, commits. Then the events after the last one seen
 * are read. Result sets are closed at once so that no read snapshot is held between polls.
 */
public final class ChangeFeed implements Feed {

    private final Path file;
    private final Connection connection;
    private final PreparedStatement dataVersion;
    /** This process's writer for the file, or null when the file is read-only. */
    private final Writer writer;
    /** The database's one clock, for what a write on this feed's connection stores. */
    private final java.time.Clock clock;
    private long lastDataVersion;
    private long lastEventId;

    ChangeFeed(Path file, Connection connection, long afterEventId, Writer writer) throws SQLException {
        this(file, connection, afterEventId, writer, java.time.Clock.systemUTC());
    }

    ChangeFeed(Path file, Connection connection, long afterEventId, Writer writer, java.time.Clock clock) throws SQLException {
        this.clock = clock;
        this.file = file;
        this.connection = connection;
        this.writer = writer;
        this.dataVersion = connection.prepareStatement("PRAGMA data_version");
        this.lastDataVersion = readDataVersion();
        this.lastEventId = afterEventId;
    }

    /** True when another connection has committed since the last call. Costs microseconds. */
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
     * Commits {@code work} on this feed's own connection, if the write lock is free this instant, so
     * that {@link #changed()} does not report it: {@code data_version} moves only for other
     * connections' commits. For a screen's presence beat, which would otherwise look like someone
     * else's change without events. Returns false, having written nothing, when the lock is taken
     * (try again on a later poll) or the file is read-only.
     */
    @Override
    public boolean writeUnnoticed(Work<?> work) {
        return writer != null && writer.tryWriteOn(connection, tx -> Transaction.run(tx.at(clock), work));
    }

    @Override
    public long presenceStamp() {
        return read(PresenceTable::stamp);
    }

    /** Runs {@code work} on this feed's connection, outside any transaction (each statement sees the latest commit). */
    public <T> T read(Writer.Work<T> work) {
        try {
            return work.apply(new Tx(connection));
        } catch (SQLException e) {
            throw SqliteErrors.translate(file, e);
        }
    }

    /** The events committed after the last one returned, oldest first. */
    @Override
    public List<Event> newEvents() {
        try {
            List<Event> events = new Tx(connection).list(EventTable.SELECT + " AND id > ? ORDER BY id LIMIT 10000",
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
