package dev.tack.tui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Stored timestamps (ISO-8601 UTC) as a person reads them: local time, the date only when not today. */
final class Times {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Times() {
    }

    /** {@code iso} in local time; the date too when it is not {@code today}. */
    static String local(String iso, LocalDate today) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            ZonedDateTime at = Instant.parse(iso).atZone(ZoneId.systemDefault());
            return at.toLocalDate().equals(today) ? at.format(TIME) : at.format(DATE_TIME);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    static String local(long epochMillis, LocalDate today) {
        return local(Instant.ofEpochMilli(epochMillis).toString(), today);
    }

    /** How long since an ISO instant, short: 42s, 3m12s, 1h05m. Empty when it cannot be read. */
    static String elapsed(String iso, long nowMillis) {
        try {
            long seconds = Math.max(0, (nowMillis - Instant.parse(iso).toEpochMilli()) / 1000);
            if (seconds < 60) {
                return seconds + "s";
            }
            if (seconds < 3600) {
                return seconds / 60 + "m" + String.format("%02d", seconds % 60) + "s";
            }
            return seconds / 3600 + "h" + String.format("%02d", seconds % 3600 / 60) + "m";
        } catch (DateTimeParseException e) {
            return "";
        }
    }
}
