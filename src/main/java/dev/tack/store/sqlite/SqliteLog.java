package dev.tack.store.sqlite;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps sqlite-jdbc's own log off the user's terminal. At start its loader deletes stale copies of
 * its native library from the temporary folder, and when two processes start together one of them
 * finds the file already gone and logs SEVERE with a stack trace: harmless, but it would be a stack
 * trace on a user's screen (and in a script's stderr). {@code --debug} leaves the log on.
 */
public final class SqliteLog {

    /** Held here: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final Logger SQLITE = Logger.getLogger("org.sqlite");

    private SqliteLog() {
    }

    public static void quiet() {
        SQLITE.setLevel(Level.OFF);
    }
}
