package dev.tack.store.sqlite;

import dev.tack.model.TackException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's errors into one line a person can act on. */
final class SqliteErrors {

    private SqliteErrors() {
    }

    static boolean isBusy(SQLException e) {
        int primary = primaryCode(e);
        return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    static TackException translate(Path file, SQLException e) {
        int primary = primaryCode(e);
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return new TackException(TackException.Kind.BUSY, "board is busy: " + file + " stayed locked by another process", e);
        }
        if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new TackException(TackException.Kind.FAILED, file + " is not a tack database (it is not an SQLite file)", e);
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code) {
            return new TackException(TackException.Kind.FAILED, file + " is read-only: cannot write the board", e);
        }
        if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return new TackException(TackException.Kind.FAILED, "cannot open " + file
                    + " (is its folder missing or read-only?)", e);
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return new TackException(TackException.Kind.FAILED, file + " is corrupt: restore it from a backup, or salvage"
                    + " what SQLite can read with: sqlite3 " + file + " .recover | sqlite3 recovered.db", e);
        }
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return new TackException(TackException.Kind.FAILED, "the disk holding " + file + " is full", e);
        }
        if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
            return new TackException(TackException.Kind.FAILED, "I/O error on " + file + " (was it deleted or moved?)", e);
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return new TackException(TackException.Kind.FAILED, "database error on " + file + ": " + message, e);
    }

    private static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            return sqlite.getResultCode().code & 0xff;
        }
        return e.getErrorCode() & 0xff;
    }
}
