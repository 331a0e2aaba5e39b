package dev.tack.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as stored: ISO-8601 UTC with milliseconds, which sort as text. */
public final class Clock {

    private Clock() {
    }

    public static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
