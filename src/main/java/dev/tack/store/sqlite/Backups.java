package dev.tack.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.tack.model.TackException;
import dev.tack.model.BackupContents;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;

/**
 * Backups of a board file made and put back by SQLite itself, never by copying files: a copy of
 * {@code tack.db} without its {@code -wal} loses the newest commits, and Java I/O on the live file
 * drops SQLite's locks (docs/ARCHITECTURE.md §2 rule 1). A backup is written by {@code VACUUM INTO}
 * in one read transaction (others keep writing; the copy is one consistent moment, compacted) and
 * put back with SQLite's online backup API into the live file, under tack's write lock.
 */
final class Backups {

    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private Backups() {
    }

    /** {@code VACUUM INTO} a hidden name beside {@code target}, checked, then renamed: a failed backup leaves no file. */
    static BackupContents write(Database database, Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw TackException.usage(absolute + " already exists; give the backup a new name");
        }
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (Connection connection = database.openConnection(false);
                 PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, temporary.toString());
                vacuum.execute();
            } catch (SQLException e) {
                throw SqliteErrors.translate(database.file(), e);
            }
            BackupContents contents = inspect(temporary, absolute);
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
            return contents;
        } catch (IOException e) {
            throw TackException.failed("cannot write the backup " + absolute + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // the rename failed and so does the clean-up: the error above is the one to report
            }
        }
    }

    /** Reads {@code file} as a backup: SQLite's quick check, tack's tables, a schema this tack knows. */
    static BackupContents inspect(Path file) {
        return inspect(file, file);
    }

    /** As {@link #inspect(Path)}, naming the file {@code shownAs} in errors (a backup being written has a hidden name). */
    private static BackupContents inspect(Path file, Path shownAs) {
        if (!Files.isRegularFile(file)) {
            throw TackException.notFound("no backup file " + shownAs);
        }
        try (Connection connection = Connections.open(file, false, true, BUSY_TIMEOUT_MILLIS, false)) {
            Tx tx = new Tx(connection);
            String check = tx.list("PRAGMA quick_check", row -> row.getString(1)).get(0);
            if (!check.equals("ok")) {
                throw TackException.failed(shownAs + " is damaged (SQLite's quick_check: " + check + "); it cannot be restored");
            }
            int version = tx.userVersion();
            if (version == 0 || tx.number("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'cards'") == 0) {
                throw TackException.failed(shownAs + " is not a tack backup (it holds no tack database)");
            }
            if (version > Schema.CURRENT_VERSION) {
                throw Schema.newerFile(version);
            }
            return new BackupContents(version, tx.number("SELECT count(*) FROM boards"), tx.number("SELECT count(*) FROM cards"),
                    tx.number("SELECT count(*) FROM events"));
        } catch (SQLException e) {
            if (e instanceof org.sqlite.SQLiteException sqlite && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_NOTADB.code) {
                throw TackException.failed(shownAs + " is not a tack backup (it is not an SQLite file)");
            }
            throw SqliteErrors.translate(shownAs, e);
        }
    }

    /**
     * Puts {@code source} in place of the database's content: page by page into the live file with
     * SQLite's backup API, while tack's write lock keeps every tack writer out, then migrates it to
     * the current schema and moves the revision past every value it had before, so that each screen
     * still open re-reads the board rather than taking the restored counter for "no change", and the
     * id counters past every id handed out before (ids are never reused, DESIGN.md §4).
     */
    static BackupContents restore(Database database, Writer writer, Path source) {
        BackupContents contents = inspect(source);
        long before = database.read(tx -> RevisionTable.exists(tx) ? RevisionTable.read(tx).number() : 0L);
        Map<String, Long> issued = database.read(tx -> {
            Map<String, Long> seqs = new LinkedHashMap<>();
            tx.list("SELECT name, seq FROM sqlite_sequence", row -> seqs.put(row.getString(1), row.getLong(2)));
            return seqs;
        });
        try {
            writer.whileLocked(() -> {
                try (Connection connection = database.openConnection(false)) {
                    int result = connection.unwrap(SQLiteConnection.class).getDatabase().restore("main", source.toString(), null);
                    if (result != SQLiteErrorCode.SQLITE_OK.code) {
                        throw new SQLException("restoring " + source + " failed (SQLite result " + result + ")", null, result);
                    }
                }
            });
        } catch (SQLException e) {
            throw SqliteErrors.translate(database.file(), e);
        }
        writer.write(tx -> {
            Schema.migrate(tx);
            tx.update("UPDATE revision SET number = max(number, ?) + 1", before);
            // Ids stay never reused: a card made after the backup and restored away leaves its id spent.
            for (Map.Entry<String, Long> spent : issued.entrySet()) {
                if (tx.update("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", spent.getValue(), spent.getKey()) == 0) {
                    tx.update("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", spent.getKey(), spent.getValue());
                }
            }
            return null;
        });
        return contents;
    }
}
