package dev.tack.store.sqlite;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;

/**
 * The part of opening a board file that needs no file, done on a thread of its own while the main
 * thread is still parsing the command line: loading sqlite-jdbc's native library and building a
 * connection's configuration (sqlite-jdbc's date formats, which read the time zone database). Both
 * are done once per JVM; the first connection then finds them done, or waits for them (the loader
 * is synchronised), so nothing is done twice and nothing races. It opens no file: what goes wrong
 * here goes wrong again, and is reported, when the board is opened.
 */
public final class SqliteWarmUp {

    private SqliteWarmUp() {
    }

    /** Starts the warm-up on a daemon thread: it never keeps the JVM from exiting. */
    public static void inBackground() {
        Thread thread = new Thread(SqliteWarmUp::run, "tack-sqlite-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            SqliteLog.beforeFirstConnection();
            SQLiteJDBCLoader.initialize();
            new SQLiteConfig();
        } catch (Exception | LinkageError e) {
            // the board's open reports it
        }
    }
}
