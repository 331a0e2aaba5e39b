package dev.tack.cli;

import java.time.Duration;
import java.util.regex.Pattern;
import dev.tack.worker.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for tack's argument types, so that every value is read and bounded before a
 * command runs: a bad one is picocli's one usage line ({@code tack: Invalid value for option
 * '--pos': …}, exit 2) and nothing is opened. Numbers are ASCII digits only: Java's own
 * {@code Long.parseLong} also takes other scripts' digits ({@code '١'} is 1), which a card id,
 * position or limit typed by mistake must not be.
 */
final class Converters {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private Converters() {
    }

    /** A whole number from {@code min} to {@code max}, in ASCII digits. */
    static long whole(String text, long min, long max, String what) {
        String value = text.strip();
        if (!DIGITS.matcher(value).matches() || Long.parseLong(value) < min || Long.parseLong(value) > max) {
            throw new TypeConversionException("'" + text + "' is not " + what);
        }
        return Long.parseLong(value);
    }

    /** A card id: a whole number from 1, optionally after {@code #} ({@code 42}, {@code #42}). */
    static long cardId(String text) {
        String value = text.strip();
        try {
            return whole(value.startsWith("#") ? value.substring(1) : value, 1, Long.MAX_VALUE, "a card id");
        } catch (TypeConversionException e) {
            throw new TypeConversionException("'" + text + "' is not a card id (ids are whole numbers like 42 or #42)");
        }
    }

    /** A theme for the board: {@code auto}, {@code dark}, {@code light} or {@code high-contrast}. */
    static final class Theme implements ITypeConverter<dev.tack.tui.ThemeChoice> {
        @Override
        public dev.tack.tui.ThemeChoice convert(String text) {
            try {
                return dev.tack.tui.ThemeChoice.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class CardId implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return cardId(text);
        }
    }

    /** A place in a column or among columns: 0 is the top (or the left); past the end means the end. */
    static final class Position implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return (int) whole(text, 0, Integer.MAX_VALUE, "a position (0 is the first; a whole number 0 or more)");
        }
    }

    /** A count or limit: a whole number from 1 ({@code --wip}, {@code --concurrency}, {@code --max-attempts}, {@code -n}). */
    static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return (int) whole(text, 1, 1_000_000, "a whole number from 1 to 1000000");
        }
    }

    /** A card version ({@code --if-version}) or an event id ({@code --since}): a whole number 0 or more. */
    static final class Counter implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return whole(text, 0, Long.MAX_VALUE, "a whole number 0 or more");
        }
    }

    /** Priority 0 (none) to 3, or as the screen shows it: {@code !}, {@code !!}, {@code !!!}. */
    static final class Priority implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            String value = text.strip();
            if (!value.isEmpty() && value.chars().allMatch(c -> c == '!') && value.length() <= 3) {
                return value.length();
            }
            return (int) whole(value, 0, 3, "a priority (0 to 3, or !, !!, !!!)");
        }
    }

    /** Refuses a zero duration where a lease is meant: a claim that ends as it starts protects nothing. */
    static void requirePositive(String option, java.time.Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            throw dev.tack.model.TackException.usage(option + " must be longer than 0");
        }
    }

    /** A duration ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 1d}; plain numbers are seconds), at most a year. */
    static final class Wait implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            try {
                return Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
