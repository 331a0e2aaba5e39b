package dev.tack.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import dev.tack.model.AliveMark;
import java.util.Optional;
import dev.tack.model.BackupContents;

/**
 * One open database, as the board layer uses it: what a storage engine implements. {@link Storages}
 * opens one from a location and picks the engine; SQLite ({@code store.sqlite}) is the first. Every
 * write is one transaction under the engine's write lock (docs/ARCHITECTURE.md §2 rules 2 and 3);
 * failures are {@link dev.tack.model.TackException}s, never {@code java.sql} types.
 */
public interface Storage extends AutoCloseable {

    Duration DEFAULT_LOCK_DEADLINE = Duration.ofSeconds(10);

    /**
     * How a database may be opened. {@code clock} is the program's one clock for what is stored:
     * timestamps written, leases, back-offs and presence (tests pass one they control).
     */
    record Options(boolean create, boolean fullSync, Duration lockDeadline, Clock clock) {
        public Options(boolean create, boolean fullSync, Duration lockDeadline) {
            this(create, fullSync, lockDeadline, Clock.systemUTC());
        }

        public static Options defaults() {
            return new Options(false, false, DEFAULT_LOCK_DEADLINE);
        }

        public Options creating(boolean allowCreate) {
            return new Options(allowCreate, fullSync, lockDeadline, clock);
        }
    }

    /** The clock of everything this database stores and compares: timestamps, leases, back-offs, presence. */
    Clock clock();

    /** What names the database: the file (for SQLite) as tack shows it and hands to a worker's job in {@code TACK_DB}. */
    String location();

    /** Runs {@code work} in one write transaction under the write lock and commits it, or rolls back and rethrows. */
    <T> T writeTransaction(Work<T> work);

    /** Runs {@code work} in one read transaction (one consistent snapshot). */
    <T> T readTransaction(Work<T> work);

    /** A new change feed on its own long-lived connection, starting after {@code afterEventId}. */
    Feed changeFeed(long afterEventId);

    /**
     * Why this process must stop using the database, or empty while it is still the one opened (a
     * board file deleted, moved or replaced since). Cheap: long-lived processes call it as they poll.
     */
    Optional<String> fileProblem();

    boolean readOnly();

    /** What opening the database did or found that the person should know (one line each). */
    List<String> notices();

    /** The engine's own checks, the schema and tack's invariants; empty when the database is sound. */
    List<String> integrityProblems();

    /** Who a write of this process is waiting for at this instant, or null when none waits. */
    String writeWaitingFor();

    /** Names this process to waiters that give up while it holds the write lock, e.g. "alice (tack mv)". */
    void describeHolder(String who);

    /** Makes every later write of this process a background one, which lets a waiting person go first. */
    void yieldToPeople();

    /**
     * True when {@code candidate} is, or would be, one of the database's own files, which Java I/O
     * must never open (docs/ARCHITECTURE.md §2 rule 1): the gate every input and output file passes.
     */
    boolean isOwnFile(Path candidate);

    /**
     * Inside a {@link #writeTransaction}: marks import {@code importId} as run by this live process
     * until the mark is closed or the process dies, so that sweepers ({@link #importAlive}) leave
     * its staged rows alone.
     */
    ImportMark markImport(long importId);

    /** Inside a {@link #writeTransaction}: whether a live process still runs import {@code importId}. */
    boolean importAlive(long importId);

    /**
     * Marks this process, as {@code host} and {@code pid} (what its claims record), alive for as long
     * as it lives or until the mark is closed: a worker takes one for its whole life, so that a
     * worker on another host can prove it gone ({@link PresenceRows#provenGone}) without waiting for
     * its leases. An engine whose processes all share one machine needs none.
     */
    default AliveMark markAlive(String host, long pid) {
        return AliveMark.NONE;
    }

    /**
     * Writes a consistent copy of the whole database to {@code target}, a file that does not exist
     * yet, while others go on reading and writing; the copy is checked before it takes its name, so
     * a failed backup leaves no file behind.
     */
    BackupContents backupTo(Path target);

    /** Checks that {@code file} is a backup this tack can restore (sound, tack's, not from a newer tack) and says what it holds. */
    BackupContents inspectBackup(Path file);

    /**
     * Replaces the whole content of this database with the backup {@code source} (checked first),
     * under the write lock, and brings it to the current schema; every open screen re-reads.
     */
    BackupContents restoreFrom(Path source);

    /** The folder of this database's run logs (for SQLite, {@code <db file>.runs/} beside the file). */
    Path runsFolder();

    @Override
    void close();
}
