package dev.tack.model;

/**
 * The one exception type that reaches the user. Its {@link Kind} decides the exit code of the
 * command line (docs/ARCHITECTURE.md §4), and its message is the one line printed after {@code tack: }.
 */
public class TackException extends RuntimeException {

    /**
     * What went wrong, as the exit-code contract groups it. {@code TIMED_OUT} (6) is a wait that
     * ended before what it waited for happened ({@code tack wait --timeout}): distinct from 5, which
     * says a write could not get the lock, so a script can tell "not yet" from "board busy".
     */
    public enum Kind {
        FAILED(1), USAGE(2), NOT_FOUND(3), CONFLICT(4), BUSY(5), TIMED_OUT(6);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;

    public TackException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public TackException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static TackException failed(String message) {
        return new TackException(Kind.FAILED, message);
    }

    public static TackException usage(String message) {
        return new TackException(Kind.USAGE, message);
    }

    public static TackException notFound(String message) {
        return new TackException(Kind.NOT_FOUND, message);
    }

    public static TackException conflict(String message) {
        return new TackException(Kind.CONFLICT, message);
    }

    public static TackException busy(String message) {
        return new TackException(Kind.BUSY, message);
    }

    public static TackException timedOut(String message) {
        return new TackException(Kind.TIMED_OUT, message);
    }
}
