package dev.tack.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A card as stored. {@code version} grows by one with every change to the card itself; a card's
 * {@code position} is its place from the top of its column (0), contiguous among live cards.
 */
public record Card(
        long id,
        long boardId,
        long columnId,
        String column,
        int position,
        String title,
        String description,
        List<String> tags,
        int priority,
        LocalDate due,
        String assignee,
        boolean archived,
        long version,
        String createdAt,
        String updatedAt,
        Claim claim,
        int attempts,
        boolean failed) {

    public Card {
        tags = List.copyOf(tags);
    }

    /** Who holds the card while a worker runs it, and until when. */
    public record Claim(String worker, String host, long pid, long leaseUntilMillis) {
    }

    /** The same card at another place in its column (its neighbours' moves shift it without changing it). */
    public Card atPosition(int newPosition) {
        return newPosition == position ? this : new Card(id, boardId, columnId, column, newPosition, title, description, tags,
                priority, due, assignee, archived, version, createdAt, updatedAt, claim, attempts, failed);
    }

    public boolean claimed() {
        return claim != null;
    }
}
