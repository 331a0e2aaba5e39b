package dev.tack.tui;

import java.util.Map;

/**
 * The small marks a card shows on its second row, each a glyph or "" when the config hides it
 * (README.md, "Configuration", {@code [marks]}): the card has a description, comments (with their
 * count), a checklist (done/total), prerequisites not done yet (the first one's number).
 */
public record CardMarks(String description, String comments, String checklist, String waiting) {

    public static final CardMarks DEFAULT = new CardMarks("≡", "✎", "☑", "⧗");
    /** For terminals and fonts without those glyphs ({@code [marks] ascii = true}). */
    public static final CardMarks ASCII = new CardMarks("=", "c", "[x]", "<-");

    public CardMarks {
        description = description == null ? "" : description;
        comments = comments == null ? "" : comments;
        checklist = checklist == null ? "" : checklist;
        waiting = waiting == null ? "" : waiting;
    }

    /**
     * The marks a config's {@code [marks]} table asks for: {@code ascii} ("true") picks the base set,
     * then each mark named is its glyph, "" hides it, "default" keeps the base set's.
     */
    public static CardMarks of(Map<String, String> table) {
        CardMarks base = "true".equals(table.get("ascii")) ? ASCII : DEFAULT;
        return new CardMarks(pick(table, "description", base.description), pick(table, "comments", base.comments),
                pick(table, "checklist", base.checklist), pick(table, "waiting", base.waiting));
    }

    private static String pick(Map<String, String> table, String mark, String base) {
        String value = table.get(mark);
        return value == null || value.equals("default") ? base : value;
    }
}
