package dev.tack.model;

/** How much of a card's checklist is done: {@code done} of {@code total} items. */
public record ChecklistProgress(int done, int total) {
}
