package dev.tack.model;

/**
 * What a column means for dependencies: cards in a {@code done} column count as done for the cards
 * that wait for them; a {@code gate} column takes only cards that wait for nothing unfinished.
 */
public record ColumnRule(long columnId, boolean done, boolean gate) {
}
