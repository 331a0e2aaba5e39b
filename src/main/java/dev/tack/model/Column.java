package dev.tack.model;

/**
 * A column of a board, in board order. A WIP limit is soft (allowed but flagged) unless
 * {@code wipHard}, when a move past it is refused.
 */
public record Column(long id, long boardId, String name, int position, Integer wipLimit, boolean wipHard) {

    public boolean overLimit(int cardCount) {
        return wipLimit != null && cardCount > wipLimit;
    }
}
