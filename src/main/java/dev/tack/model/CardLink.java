package dev.tack.model;

/** Card {@code cardId} waits for card {@code waitsFor}: it is ready only once that one is done. */
public record CardLink(long cardId, long waitsFor) {
}
