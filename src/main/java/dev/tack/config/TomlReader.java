package dev.tack.config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads one config file with tomlj, which keeps the line of every key, so that each bad value is
 * named by file, line and key. The only class that touches tomlj: it is loaded (with the parser
 * and ANTLR's runtime behind it) only when a config file exists.
 */
final class TomlReader {

    static final Set<String> THEMES = Set.of("auto", "dark", "light", "high-contrast");
    static final List<String> CARD_FIELDS = List.of("id", "priority", "tags", "due", "assignee");
    private static final List<String> KEYS = List.of("db", "board", "boards", "theme", "date_format", "poll_interval",
            "card_fields", "wrap_titles", "marks", "keys");
    static final List<String> MARKS = List.of("description", "comments", "checklist", "waiting");
    static final Duration POLL_MIN = Duration.ofMillis(10);
    static final Duration POLL_MAX = Duration.ofSeconds(5);
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)");

    private final Path file;
    private final Path base;
    private final Path home;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private TomlReader(Path file, Path base, Path home) {
        this.file = file;
        this.base = base;
        this.home = home;
    }

    static ConfigFile read(Path file, Path base, Path home) {
        return new TomlReader(file, base, home).read();
    }

    private ConfigFile read() {
        TomlParseResult toml;
        try {
            toml = Toml.parse(file);
        } catch (IOException e) {
            return ConfigFile.unreadable(file, base, List.of(new ConfigProblem(file, 0, "", "cannot read it (" + e.getMessage() + ")")));
        }
        if (toml.hasErrors()) {
            TomlParseError error = toml.errors().get(0);
            String message = error.getMessage().replaceFirst(" \\(line \\d+, column \\d+\\)$", "");
            return ConfigFile.unreadable(file, base, List.of(new ConfigProblem(file, error.position().line(), "",
                    "not valid TOML (" + message + "); the file is ignored")));
        }
        Setting<String> db = null;
        Setting<String> board = null;
        Map<String, Setting<String>> boards = new LinkedHashMap<>();
        Setting<String> theme = null;
        Map<String, Setting<List<String>>> keys = new LinkedHashMap<>();
        Setting<String> dateFormat = null;
        Setting<Duration> poll = null;
        Setting<List<String>> fields = null;
        Setting<Boolean> wrap = null;
        Map<String, Setting<String>> marks = new LinkedHashMap<>();
        for (String key : toml.keySet()) {
            Object value = toml.get(List.of(key));
            int line = line(toml.inputPositionOf(List.of(key)));
            try {
                switch (key) {
                    case "db" -> db = setting(location(string(value)), line);
                    case "board" -> board = setting(nonBlank(string(value)), line);
                    case "boards" -> boards(table(value, "a table of database = \"board\""), key, boards);
                    case "theme" -> theme = setting(theme(string(value)), line);
                    case "date_format" -> dateFormat = setting(dateFormat(string(value)), line);
                    case "poll_interval" -> poll = setting(duration(value), line);
                    case "card_fields" -> fields = setting(cardFields(value), line);
                    case "wrap_titles" -> wrap = setting(bool(value), line);
                    case "marks" -> marks(table(value, "a table of mark = \"glyph\" or false"), marks);
                    case "keys" -> keys(table(value, "a table of action = \"key\" or [\"key\", …]"), keys);
                    default -> throw new Bad("unknown key (known: " + String.join(", ", KEYS) + ")");
                }
            } catch (Bad bad) {
                problems.add(new ConfigProblem(file, line, key, bad.getMessage()));
            }
        }
        return new ConfigFile(file, base, db, board, Map.copyOf(boards), theme, keys, dateFormat, poll, fields, wrap, Map.copyOf(marks),
                List.copyOf(problems));
    }

    private void boards(TomlTable table, String prefix, Map<String, Setting<String>> into) {
        for (String database : table.keySet()) {
            int line = line(table.inputPositionOf(List.of(database)));
            try {
                into.put(location(database), setting(nonBlank(string(table.get(List.of(database)))), line));
            } catch (Bad bad) {
                problems.add(new ConfigProblem(file, line, prefix + "." + Toml.joinKeyPath(List.of(database)), bad.getMessage()));
            }
        }
    }

    private void keys(TomlTable table, Map<String, Setting<List<String>>> into) {
        for (String action : table.keySet()) {
            Object value = table.get(List.of(action));
            int line = line(table.inputPositionOf(List.of(action)));
            try {
                List<String> names = new ArrayList<>();
                if (value instanceof String one) {
                    names.add(one);
                } else if (value instanceof TomlArray array && strings(array)) {
                    for (int i = 0; i < array.size(); i++) {
                        names.add(array.getString(i));
                    }
                } else {
                    throw new Bad("expected a key (\"ctrl+n\") or a list of keys ([\"n\", \"insert\"]), not " + type(value));
                }
                into.put(action, setting(List.copyOf(names), line));
            } catch (Bad bad) {
                problems.add(new ConfigProblem(file, line, "keys." + action, bad.getMessage()));
            }
        }
    }

    /** {@code [marks]}: {@code description = "≡"}, {@code comments = false} (hidden), {@code ascii = true}. */
    private void marks(TomlTable table, Map<String, Setting<String>> into) {
        for (String mark : table.keySet()) {
            Object value = table.get(List.of(mark));
            int line = line(table.inputPositionOf(List.of(mark)));
            try {
                if (mark.equals("ascii")) {
                    into.put(mark, setting(String.valueOf(bool(value)), line));
                } else if (!MARKS.contains(mark)) {
                    throw new Bad("unknown mark (known: " + String.join(", ", MARKS) + ", ascii)");
                } else if (value instanceof Boolean shown) {
                    into.put(mark, setting(shown ? "default" : "", line));
                } else if (value instanceof String glyph && glyph.codePoints().anyMatch(Character::isISOControl)) {
                    throw new Bad("a glyph cannot hold control characters"); // nor is it repeated here: it would reach the terminal
                } else if (value instanceof String glyph && !glyph.isBlank() && glyph.codePointCount(0, glyph.length()) <= 4) {
                    into.put(mark, setting(glyph.strip(), line));
                } else {
                    throw new Bad("expected a short glyph (\"≡\", at most 4 characters, no control characters), true or false, not "
                            + (value instanceof String ? "'" + value + "'" : type(value)));
                }
            } catch (Bad bad) {
                problems.add(new ConfigProblem(file, line, "marks." + mark, bad.getMessage()));
            }
        }
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new Bad("expected true or false, not " + type(value));
    }

    private String location(String text) {
        String location = nonBlank(text).strip();
        if (DbUrls.isUrl(location)) {
            if (DbUrls.hasPassword(location)) {
                throw new Bad(DbUrls.NO_PASSWORD);
            }
            return location;
        }
        return Locations.path(location, base, home).toString();
    }

    private static String theme(String text) {
        String theme = text.strip().toLowerCase(Locale.ROOT);
        if (!THEMES.contains(theme)) {
            throw new Bad("'" + text + "' is not a theme (auto, dark, light, high-contrast)");
        }
        return theme;
    }

    private static String dateFormat(String pattern) {
        try {
            DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(LocalDate.of(2026, 12, 31));
            return pattern;
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new Bad("'" + pattern + "' is not a date pattern (for example \"yyyy-MM-dd\" or \"d MMM\"): " + e.getMessage());
        }
    }

    /** {@code "40ms"}, {@code "0.5s"}, or a number of milliseconds. */
    static Duration duration(Object value) {
        Duration duration;
        if (value instanceof Long millis) {
            duration = Duration.ofMillis(millis);
        } else if (value instanceof String text) {
            Matcher m = DURATION.matcher(text.strip());
            if (!m.matches()) {
                throw new Bad("'" + text + "' is not a duration (for example \"40ms\" or \"0.5s\")");
            }
            double amount = Double.parseDouble(m.group(1));
            duration = Duration.ofNanos(Math.round(amount * ("s".equals(m.group(2)) ? 1e9 : 1e6)));
        } else {
            throw new Bad("expected a duration (\"40ms\") or a number of milliseconds, not " + type(value));
        }
        if (duration.compareTo(POLL_MIN) < 0 || duration.compareTo(POLL_MAX) > 0) {
            throw new Bad(duration.toMillis() + " ms is out of range (10ms to 5s)");
        }
        return duration;
    }

    private static List<String> cardFields(Object value) {
        if (!(value instanceof TomlArray array) || !strings(array)) {
            throw new Bad("expected a list of fields, e.g. [\"tags\", \"due\"], not " + type(value));
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String field = array.getString(i).strip().toLowerCase(Locale.ROOT);
            if (!CARD_FIELDS.contains(field)) {
                throw new Bad("'" + array.getString(i) + "' is not a card field (" + String.join(", ", CARD_FIELDS) + ")");
            }
            if (!fields.contains(field)) {
                fields.add(field);
            }
        }
        return List.copyOf(fields);
    }

    /** Whether every element is a string (TOML 1.0 arrays may mix types). */
    private static boolean strings(TomlArray array) {
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private static String string(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new Bad("expected a string, not " + type(value));
    }

    private static String nonBlank(String value) {
        if (value.isBlank()) {
            throw new Bad("is empty");
        }
        return value;
    }

    private static TomlTable table(Object value, String expected) {
        if (value instanceof TomlTable table) {
            return table;
        }
        throw new Bad("expected " + expected + ", not " + type(value));
    }

    private static String type(Object value) {
        if (value instanceof String) {
            return "a string";
        } else if (value instanceof Long || value instanceof Double) {
            return "a number";
        } else if (value instanceof Boolean) {
            return "true/false";
        } else if (value instanceof TomlArray) {
            return "a list";
        } else if (value instanceof TomlTable) {
            return "a table";
        }
        return "a date or time";
    }

    private <T> Setting<T> setting(T value, int line) {
        return new Setting<>(value, Origin.file(file, line, home));
    }

    private static int line(TomlPosition position) {
        return position == null ? 0 : position.line();
    }

    /** A value tack cannot use: the message of its problem. */
    private static final class Bad extends RuntimeException {
        Bad(String message) {
            super(message, null, false, false);
        }
    }
}
