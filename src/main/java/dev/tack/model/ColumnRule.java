package dev.tack.model;

/**
 * What a column means for dependencies and agents: cards in a {@code done} column count as done
 * for the cards that wait for them; a {@code gate} column takes only cards that wait for nothing
 * unfinished; {@code doingColumnId} (or null) is where a claim on this column moves its card
 * ({@code tack column doing FROM DOING}), for every agent of the board.
 */
public record ColumnRule(long columnId, boolean done, boolean gate, Long doingColumnId) {

    /** A column without marks. */
    public static ColumnRule none(long columnId) {
        return new ColumnRule(columnId, false, false, null);
    }

    /** Whether the rule says nothing (its row is not kept). */
    public boolean empty() {
        return !done && !gate && doingColumnId == null;
    }

    public ColumnRule withDone(boolean on) {
        return new ColumnRule(columnId, on, gate, doingColumnId);
    }

    public ColumnRule withGate(boolean on) {
        return new ColumnRule(columnId, done, on, doingColumnId);
    }

    public ColumnRule withDoing(Long column) {
        return new ColumnRule(columnId, done, gate, column);
    }
}
