package dev.tack.worker;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.tack.model.TackException;

/**
 * Reads durations as people write them: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, or plain
 * seconds. Every duration is at most {@link #MAX} (a year): a lease, a timeout or a wait beyond that
 * is a typing mistake, and an unbounded one overflows the arithmetic on instants (a huge
 * {@code --lease} once made a finished run look stale).
 */
public final class Durations {

    public static final Duration MAX = Duration.ofDays(365);

    // ASCII digits only ([0-9], not \p{Nd}): "١٠s" is not ten seconds.
    private static final Pattern FORM = Pattern.compile("([0-9]{1,12}(?:\\.[0-9]{1,9})?)(ms|s|m|h|d)?");

    private Durations() {
    }

    /**
     * The duration {@code text} names; {@link IllegalArgumentException} with a message naming what was
     * typed (for picocli's converters, which prefix the option).
     */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 500ms, 10s, 5m, 2h or 1d");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            case "d" -> amount * 86_400_000;
            default -> amount * 1_000;
        };
        if (millis > MAX.toMillis()) {
            throw new IllegalArgumentException("'" + text + "' is longer than the limit of " + MAX.toDays() + " days");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /** {@link #parse(String)} for code that is not behind a converter: a usage error naming {@code option}. */
    public static Duration parse(String option, String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw TackException.usage(option + ": " + e.getMessage());
        }
    }

    public static String show(Duration d) {
        long ms = d.toMillis();
        if (ms < 1_000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        return (ms / 60_000) + "m" + (ms % 60_000 / 1000) + "s";
    }
}
