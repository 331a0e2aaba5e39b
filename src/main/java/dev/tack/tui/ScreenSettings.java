package dev.tack.tui;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a person's config changes on the screen (README.md, "Configuration"): the theme's name,
 * re-bound keys (action name → key names), the pattern of dates on cards, how often the screen
 * looks for other processes' commits, and which fields a card shows. The command line builds it
 * from the config files; the screen takes it as it is.
 *
 * @param theme      auto, dark, light or high-contrast (the palettes are the themes' own work)
 * @param dateFormat a {@link DateTimeFormatter} pattern for due dates on cards, or null for tack's own ("Dec 31")
 * @param cardFields which of id, priority, tags, due, assignee the cards show
 * @param wrapTitles whether a title too long for its column goes on to a second line (each card is then three rows)
 * @param marks      the marks cards show (description, comments, checklist, waiting) and their glyphs
 */
public record ScreenSettings(String theme, Map<String, List<String>> keys, String dateFormat, Duration pollInterval,
        Set<String> cardFields, boolean wrapTitles, CardMarks marks) {

    public static final ScreenSettings DEFAULT = new ScreenSettings("auto", Map.of(), null, Duration.ofMillis(BoardScreen.POLL_MILLIS),
            Set.of("id", "priority", "tags", "due", "assignee"));

    public ScreenSettings {
        keys = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keys)); // in the config's order: the first to ask for a key gets it
        cardFields = Set.copyOf(cardFields);
        marks = marks == null ? CardMarks.DEFAULT : marks;
    }

    public ScreenSettings(String theme, Map<String, List<String>> keys, String dateFormat, Duration pollInterval, Set<String> cardFields) {
        this(theme, keys, dateFormat, pollInterval, cardFields, false, CardMarks.DEFAULT);
    }

    /** The same settings with titles wrapped or not. */
    public ScreenSettings wrapping(boolean wrap) {
        return new ScreenSettings(theme, keys, dateFormat, pollInterval, cardFields, wrap, marks);
    }

    /** The same settings with other marks. */
    public ScreenSettings marking(CardMarks newMarks) {
        return new ScreenSettings(theme, keys, dateFormat, pollInterval, cardFields, wrapTitles, newMarks);
    }

    /**
     * What is wrong with the re-bound keys, by action name: an unknown action or key, or a key
     * another action has (left out). The command reports each with its file and line at start.
     */
    public Map<String, String> keyProblems() {
        return keyMap().problems();
    }

    KeyMap keyMap() {
        return keys.isEmpty() ? KeyMap.DEFAULT : KeyMap.rebound(keys);
    }

    DateTimeFormatter dates() {
        return dateFormat == null ? null : DateTimeFormatter.ofPattern(dateFormat, Locale.ENGLISH);
    }
}
