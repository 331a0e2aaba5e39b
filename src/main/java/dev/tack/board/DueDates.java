package dev.tack.board;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.tack.model.TackException;

/**
 * Reads due dates as people type them: an ISO date ({@code 2026-12-01}), {@code today},
 * {@code tomorrow}, an offset ({@code 3d}, {@code 2w}, {@code 1m}), or a weekday ({@code fri}:
 * the next one after today). {@code none} or an empty string clears the date.
 */
public final class DueDates {

    private static final Pattern OFFSET = Pattern.compile("\\+?(\\d{1,4})([dwm])");

    private DueDates() {
    }

    /** The date, or null for "no date". */
    public static LocalDate parse(String text, LocalDate today) {
        if (text == null) {
            return null;
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("none") || value.equals("-")) {
            return null;
        }
        switch (value) {
            case "today":
                return today;
            case "tomorrow":
            case "tmr":
                return today.plusDays(1);
            default:
                break;
        }
        Matcher offset = OFFSET.matcher(value);
        if (offset.matches()) {
            int amount = Integer.parseInt(offset.group(1));
            return switch (offset.group(2)) {
                case "d" -> today.plusDays(amount);
                case "w" -> today.plusWeeks(amount);
                default -> today.plusMonths(amount);
            };
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (value.length() >= 3 && full.startsWith(value)) {
                return today.with(TemporalAdjusters.next(day));
            }
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw TackException.usage("cannot read '" + text + "' as a date; use 2026-12-31, today, tomorrow, 3d, 2w, 1m or a weekday like fri");
        }
    }
}
