package dev.tack.store.sqlite;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps sqlite-jdbc's own log off the user's terminal. At start its loader deletes stale copies of
 * its native library from the temporary folder, and when two processes start together one of them
 * finds the file already gone and logs SEVERE with a stack trace: harmless, but it would be a stack
 * trace on a user's screen (and in a script's stderr). {@code --debug} leaves the log on.
 *
 * <p>{@link #quiet} only records the wish; the level is set just before the first SQLite
 * connection ({@link #beforeFirstConnection}), so that a command that opens no board file
 * ({@code --version}, {@code --help}, the generators) does not start java.util.logging at all
 * (its LogManager reads the JDK's logging configuration and scans for logging services: a few ms
 * of every start, measured in docs/STARTUP.md).
 */
public final class SqliteLog {

    private static volatile boolean wanted;

    private SqliteLog() {
    }

    public static void quiet() {
        wanted = true;
    }

    /** Called before sqlite-jdbc loads (every SQLite connection is opened after it). */
    static void beforeFirstConnection() {
        if (wanted) {
            Held.SQLITE.setLevel(Level.OFF);
        }
    }

    private static final class Held {
        /** Held here: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
        static final Logger SQLITE = Logger.getLogger("org.sqlite");
    }
}
