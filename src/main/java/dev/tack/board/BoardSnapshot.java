package dev.tack.board;

import java.time.LocalDate;
import java.util.List;

/**
 * A whole board as plain data, independent of any file: what {@code tack export} writes and
 * {@code tack import} reads, whatever the format.
 */
public record BoardSnapshot(String board, List<Lane> columns, List<Long> ids) {

    /**
     * {@code ids}: the cards' ids in {@link #items} order, when the format keeps them (tack's text
     * format), else empty. An import into a database that never issued them keeps them.
     */
    public BoardSnapshot {
        columns = List.copyOf(columns);
        ids = ids == null ? List.of() : List.copyOf(ids);
        if (!ids.isEmpty() && ids.size() != columns.stream().mapToInt(c -> c.cards().size()).sum()) {
            throw new IllegalArgumentException("one id per card, or none");
        }
    }

    public BoardSnapshot(String board, List<Lane> columns) {
        this(board, columns, List.of());
    }

    /** A column with its cards, top to bottom (archived ones last, flagged). */
    public record Lane(String name, Integer wipLimit, boolean wipHard, List<Item> cards) {
        public Lane {
            cards = List.copyOf(cards);
        }
    }

    /**
     * A card's content, without ids or versions: those belong to the file it lands in. {@code after}
     * names the cards it waits for by their places in the snapshot (0 is the first card of the first
     * column, counting column by column, top to bottom, archived cards where they are listed), since
     * ids are not kept.
     */
    public record Item(String title, String description, List<String> tags, int priority, LocalDate due, String assignee,
                       boolean archived, List<Note> comments, List<Check> checklist, List<Integer> after) {
        public Item {
            description = description == null ? "" : description;
            tags = tags == null ? List.of() : List.copyOf(tags);
            comments = comments == null ? List.of() : List.copyOf(comments);
            checklist = checklist == null ? List.of() : List.copyOf(checklist);
            after = after == null ? List.of() : List.copyOf(after);
        }

        public Item(String title, String description, List<String> tags, int priority, LocalDate due, String assignee,
                    boolean archived, List<Note> comments) {
            this(title, description, tags, priority, due, assignee, archived, comments, List.of(), List.of());
        }
    }

    /** A checklist item with its state. */
    public record Check(String text, boolean done) {
    }

    /** Every card in the order {@link Item#after} counts them. */
    public List<Item> items() {
        return columns.stream().flatMap(c -> c.cards().stream()).toList();
    }

    /** A comment with its author and time (ISO-8601, may be null). */
    public record Note(String author, String body, String createdAt) {
    }

    public int cardCount() {
        return columns.stream().mapToInt(c -> c.cards().size()).sum();
    }
}
