package dev.tack.tui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The status row's message: a confirmation or a refusal, shown for a while on the program's clock
 * and then given back to the row (so it never hides who is here for good).
 */
final class StatusMessage {

    /** How long a confirmation stays on the status row, unless a key clears it sooner. */
    static final Duration INFO_SHOWN = Duration.ofSeconds(5);
    /** A refusal or an error stays longer: it has to be read. */
    static final Duration ERROR_SHOWN = Duration.ofSeconds(10);

    private final Clock clock;
    private String text;
    private boolean error;
    private Instant until = Instant.MIN;

    StatusMessage(Clock clock) {
        this.clock = clock;
    }

    void info(String message) {
        show(message, false, INFO_SHOWN);
    }

    void error(String message) {
        show(message, true, ERROR_SHOWN);
    }

    private void show(String message, boolean isError, Duration shown) {
        text = message;
        error = isError;
        until = clock.instant().plus(shown);
    }

    /** A key was typed: the message has been seen. */
    void clear() {
        text = null;
    }

    /** The message, or null when there is none or it has been shown long enough. */
    String text() {
        return text != null && clock.instant().isBefore(until) ? text : null;
    }

    boolean isError() {
        return error;
    }

    /** Drops a message shown long enough; true when one went, so the screen is drawn again without it. */
    boolean expire() {
        if (text != null && text() == null) {
            text = null;
            return true;
        }
        return false;
    }
}
