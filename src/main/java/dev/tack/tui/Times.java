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

    static String local(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            ZonedDateTime at = Instant.parse(iso).atZone(ZoneId.systemDefault());
            return at.toLocalDate().equals(LocalDate.now()) ? at.format(TIME) : at.format(DATE_TIME);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    static String local(long epochMillis) {
        return local(Instant.ofEpochMilli(epochMillis).toString());
    }
}
