package dev.tack.store;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as stored: ISO-8601 UTC with milliseconds, which sort as text. */
public final class Clock {

    private Clock() {
    }

    /** Always three digits of milliseconds ({@code Instant.toString} drops ".000"), so text order is time order. */
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The time {@code clock} tells, as stored. Board operations and tables take theirs from the one injected clock. */
    public static String of(java.time.Clock clock) {
        return FORMAT.format(clock.instant());
    }
}
