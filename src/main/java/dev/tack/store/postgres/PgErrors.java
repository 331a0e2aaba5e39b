package dev.tack.store.postgres;

import java.sql.SQLException;
import dev.tack.model.TackException;

/**
 * PostgreSQL's errors as one line a person can act on. The location in them is the displayed one
 * ({@link PgUrl#display}), which carries no password; the server's own messages carry none either.
 */
final class PgErrors {

    /** lock_not_available: {@code lock_timeout} passed while waiting. */
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private PgErrors() {
    }

    static boolean isLockTimeout(SQLException e) {
        return LOCK_NOT_AVAILABLE.equals(e.getSQLState());
    }

    /**
     * The session is gone: a broken or closed connection (class 08, which pgjdbc also reports for an
     * I/O error on the socket), or the server ended it (57P01 terminated by an administrator, 57P02
     * crash, 57P03 not accepting connections yet, …). Whatever was not committed was rolled back
     * with it; the connection must be dropped and made again.
     */
    static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.startsWith("57P");
    }

    static TackException translate(String location, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = firstLine(e.getMessage());
        if (state.equals("42501")) {
            return new TackException(TackException.Kind.FAILED, location + " is read-only for this role (" + message
                    + "): ask the board's owner for the member role to write", e);
        }
        if (state.equals("25006")) {
            return new TackException(TackException.Kind.FAILED, location + " is read-only (" + message + ")", e);
        }
        if (state.equals(LOCK_NOT_AVAILABLE) || state.equals("40P01")) {
            return new TackException(TackException.Kind.BUSY, "board is busy: " + location + " stayed locked by another session", e);
        }
        if (state.startsWith("28") || state.equals("08004")) {
            return new TackException(TackException.Kind.FAILED, "the PostgreSQL server of " + location + " refused the login: " + message
                    + " (passwords come from PGPASSWORD, ~/.pgpass or PGPASSFILE)", e);
        }
        if (state.startsWith("08") || state.startsWith("57P")) {
            return new TackException(TackException.Kind.FAILED, "cannot reach the PostgreSQL server of " + location + ": " + message, e);
        }
        if (state.equals("3D000")) {
            return new TackException(TackException.Kind.FAILED, "no such database on the server: " + location + " (" + message + ")", e);
        }
        return new TackException(TackException.Kind.FAILED, "database error on " + location + ": " + message, e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.strip();
        int newline = line.indexOf('\n');
        return newline >= 0 ? line.substring(0, newline).strip() : line;
    }
}
