package dev.tack.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens SQLite connections with the pragmas every tack connection carries (docs/ARCHITECTURE.md §2 rule 6).
 * WAL is not set here: it is set once, when the file is created, and persists in the file.
 */
final class Connections {

    private Connections() {
    }

    static Connection open(Path file, boolean create, boolean readOnly, int busyTimeoutMillis, boolean fullSync)
            throws SQLException {
        SqliteLog.beforeFirstConnection();
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(busyTimeoutMillis);
        config.setSynchronous(fullSync ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        // Off: with it on, sqlite-jdbc runs a query after every INSERT to fetch the new key; Tx.insert asks
        // for last_insert_rowid() itself, and a 100,000-card import spent a large share of its lock on these.
        config.setGetGeneratedKeys(false);
        if (readOnly) {
            config.setReadOnly(true);
        } else if (create) {
            config.setOpenMode(SQLiteOpenMode.CREATE);
        }
        Properties properties = config.toProperties();
        try {
            return new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, properties);
        } catch (SQLException e) {
            if (!readOnly || java.nio.file.Files.exists(file.resolveSibling(file.getFileName() + "-wal"))) {
                throw e;
            }
            // A WAL file whose -shm neither exists nor can be made (a read-only mount, folder or file, after
            // every writer closed): SQLite cannot read it in WAL mode. With no -wal there is nothing beyond
            // the main file, and nobody can write it from here, so it is read as immutable.
            return new org.sqlite.JDBC().connect("jdbc:sqlite:" + file.toUri().toString().replaceFirst("^file:///", "file:/")
                    + "?immutable=1", properties);
        }
    }
}
