package dev.tack.store;

import java.nio.file.Path;
import dev.tack.store.postgres.PgDatabase;
import dev.tack.store.sqlite.Database;
import dev.tack.store.sqlite.SqliteLog;

/**
 * Opens a database from its location and picks the engine: a {@code postgresql://} (or
 * {@code postgres://}) URL names a schema of a PostgreSQL database ({@code store.postgres}), anything
 * else a SQLite board file. The one place outside an engine's own package that names an engine.
 */
public final class Storages {

    private Storages() {
    }

    /**
     * Opens the database at {@code location}, creating it (with the current schema) only when
     * {@code options.create()} allows and it does not exist; {@code seed} runs in the creating
     * transaction, after the schema.
     */
    public static Storage open(String location, Storage.Options options, Work<?> seed) {
        if (isServer(location)) {
            return PgDatabase.open(location, options, seed);
        }
        return Database.open(Path.of(location), new Database.Options(options.create(), options.fullSync(), options.lockDeadline(), options.clock()),
                seed);
    }

    /** True when {@code location} names a database on a server (a URL), not a file. */
    public static boolean isServer(String location) {
        return PgDatabase.isLocation(location);
    }

    /** A location as tack shows it: a server URL without its password; a file's path as it is. */
    public static String displayed(String location) {
        return isServer(location) ? PgDatabase.display(location) : location;
    }

    /** Whether a server {@code location} already holds tack's tables ({@code init} creates them otherwise). */
    public static boolean serverDatabaseExists(String location) {
        return PgDatabase.exists(location);
    }

    /**
     * Whether anything is at {@code location} already: a file (any file: a copy never writes over
     * one; existence is a stat, §2 rule 1), or tack's tables in the server schema.
     */
    public static boolean exists(String location) {
        return isServer(location) ? PgDatabase.exists(location) : java.nio.file.Files.exists(Path.of(location), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** Keeps the engines' drivers' own logging off the user's terminal (unless {@code --debug}). */
    /**
     * Starts, on a thread of its own, what opening a board file will need whatever the file (the
     * SQLite engine's native library and configuration), so that it overlaps the command line's
     * parsing instead of following it. For a start that will open a board file; harmless otherwise.
     */
    public static void warmUpFileEngine() {
        dev.tack.store.sqlite.SqliteWarmUp.inBackground();
    }

    public static void quietDriverLogs() {
        SqliteLog.quiet();
    }
}
