package dev.tack.model;

/** A comment on a card. */
public record Comment(long id, long cardId, String author, String body, String createdAt) {
}
