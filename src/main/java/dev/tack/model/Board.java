package dev.tack.model;

/** A board: a named set of columns. */
public record Board(long id, String name) {
}
