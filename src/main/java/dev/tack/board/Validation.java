package dev.tack.board;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import dev.tack.model.TackException;

/** The limits on what a person may type into a card, column or board. */
public final class Validation {

    public static final int MAX_TITLE = 500;
    public static final int MAX_NAME = 100;
    public static final int MAX_TAG = 40;
    public static final int MAX_DESCRIPTION = 100_000;
    public static final int MAX_COMMENT = 100_000;

    private Validation() {
    }

    public static String title(String title) {
        if (title == null || title.isBlank()) {
            throw TackException.usage("a card needs a title that is not empty");
        }
        String trimmed = title.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > MAX_TITLE) {
            throw TackException.usage("title is " + length + " characters long; the limit is " + MAX_TITLE
                    + " (put the rest in the description, -d)");
        }
        return trimmed;
    }

    public static String name(String what, String name) {
        if (name == null || name.isBlank()) {
            throw TackException.usage(what + " name must not be empty");
        }
        String trimmed = name.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME) {
            throw TackException.usage(what + " name is longer than " + MAX_NAME + " characters");
        }
        if (hasControl(trimmed)) {
            throw TackException.usage(what + " name must not contain control characters");
        }
        return trimmed;
    }

    /**
     * The columns of a new board: at least one, each a valid name, no two the same in any case
     * (columns are found by name in any case, so "Todo" and "todo" could not be told apart).
     */
    public static List<String> columnNames(List<String> names) {
        List<String> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : names) {
            String name = name("column", raw);
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw TackException.usage("column '" + name + "' is named twice (names are compared in any case)");
            }
            result.add(name);
        }
        if (result.isEmpty()) {
            throw TackException.usage("a board needs at least one column");
        }
        return result;
    }

    public static String description(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() > MAX_DESCRIPTION) {
            throw TackException.usage("description is longer than " + MAX_DESCRIPTION + " characters");
        }
        return text;
    }

    public static String comment(String text) {
        if (text == null || text.isBlank()) {
            throw TackException.usage("a comment must not be empty");
        }
        if (text.length() > MAX_COMMENT) {
            throw TackException.usage("comment is longer than " + MAX_COMMENT + " characters");
        }
        return text;
    }

    public static int priority(int priority) {
        if (priority < 0 || priority > 3) {
            throw TackException.usage("priority must be 0, 1, 2 or 3 (got " + priority + ")");
        }
        return priority;
    }

    public static String assignee(String assignee) {
        if (assignee == null || assignee.isBlank()) {
            return null;
        }
        return name("assignee", assignee.startsWith("@") ? assignee.substring(1) : assignee);
    }

    public static String tag(String tag) {
        String trimmed = tag == null ? "" : tag.strip();
        if (trimmed.startsWith("#")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.isEmpty()) {
            throw TackException.usage("a tag must not be empty");
        }
        if (trimmed.length() > MAX_TAG) {
            throw TackException.usage("tag '" + trimmed.substring(0, 20) + "…' is longer than " + MAX_TAG + " characters");
        }
        if (trimmed.startsWith("-") || trimmed.startsWith("+")) {
            // tack edit -t -x removes x and -t +x adds it: a tag named "-x" could be neither added nor removed
            throw TackException.usage("tag '" + trimmed + "' must not start with '-' or '+'");
        }
        if (!isPlainTag(trimmed)) {
            throw TackException.usage("tag '" + trimmed + "' must not contain spaces, commas or control characters");
        }
        return trimmed;
    }

    // Loops, not codePoints() streams: an import of 100,000 cards checks every name and tag twice.
    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) { // every control character is one UTF-16 unit
                return true;
            }
        }
        return false;
    }

    private static boolean isPlainTag(String tag) {
        for (int i = 0; i < tag.length(); ) {
            int c = tag.codePointAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == ',') {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** Validated, without duplicates, in the order given. Accepts comma-separated lists too. */
    public static List<String> tags(List<String> tags) {
        if (alreadyValid(tags)) {
            return List.copyOf(tags); // the same list when it is already immutable: the import checks every card's tags again: no copy when they are as they would come out
        }
        Set<String> result = new LinkedHashSet<>();
        for (String item : tags) {
            for (String part : item.split(",")) {
                if (!part.isBlank()) {
                    result.add(tag(part));
                }
            }
        }
        return new ArrayList<>(result);
    }

    /** True when {@link #tags} would give back the same tags in the same order. */
    private static boolean alreadyValid(List<String> tags) {
        if (tags.size() > 16) {
            return false; // the duplicate check below is quadratic
        }
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag == null || tag.indexOf(',') >= 0 || tag.isBlank()) {
                return false;
            }
            try {
                if (!tag(tag).equals(tag)) {
                    return false;
                }
            } catch (RuntimeException e) {
                return false; // the full path reports it
            }
            for (int j = 0; j < i; j++) {
                if (tags.get(j).equals(tag)) {
                    return false;
                }
            }
        }
        return true;
    }
}
