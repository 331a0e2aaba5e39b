package dev.tack.model;

/** One item of a card's checklist; {@code position} counts from 0, shown to people from 1. */
public record ChecklistItem(long id, long cardId, int position, String text, boolean done) {
}
