package dev.tack.worker;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.tack.store.TackException;

/** Reads durations as people write them: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, or plain seconds. */
public final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    private Durations() {
    }

    public static Duration parse(String option, String text) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw TackException.usage(option + " takes a duration like 500ms, 10s, 5m or 2h (got '" + text + "')");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 1_000;
        };
        return Duration.ofMillis(Math.round(millis));
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
