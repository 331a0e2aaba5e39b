package dev.tack.tui;

import java.util.Comparator;
import dev.tack.model.Card;

/**
 * The order a column is shown in: the board's own (its positions), or sorted for the view only by
 * priority, due date, age or last change. The sort never writes: the positions stay as they are
 * for everyone else, and the board's order comes back with one more press. Ties keep the board's order.
 */
enum ColumnSort {
    BOARD("", "the board's order", null),
    PRIORITY("↓prio", "priority, highest first", Comparator.comparingInt(Card::priority).reversed()),
    DUE("↑due", "due date, soonest first (none last)",
        Comparator.comparing(Card::due, Comparator.nullsLast(Comparator.naturalOrder()))),
    AGE("↓age", "age, oldest first", Comparator.comparing(Card::createdAt).thenComparingLong(Card::id)),
    CHANGED("↓changed", "last change, latest first", Comparator.comparing(Card::updatedAt).reversed());

    private final String label;
    private final String description;
    private final Comparator<Card> order;

    ColumnSort(String label, String description, Comparator<Card> order) {
        this.label = label;
        this.description = description;
        this.order = order;
    }

    /** What the column header shows beside the name ("Todo ↓prio"); empty for the board's order. */
    String label() {
        return label;
    }

    /** What the status row says when the sort is chosen. */
    String description() {
        return description;
    }

    /** The comparator, or null for the board's order. A stable sort keeps the board's order among ties. */
    Comparator<Card> order() {
        return order;
    }

    /** The next in the cycle the sort key goes through: board → prio → due → age → changed → board. */
    ColumnSort next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
