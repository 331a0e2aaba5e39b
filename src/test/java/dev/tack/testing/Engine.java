package dev.tack.testing;

import java.nio.file.Path;

/**
 * The storage engines the contract tests run against: each test class annotated with
 * {@code @ParameterizedClass @EnumSource(Engine.class)} runs once on a fresh SQLite file and once on
 * a fresh schema of the tests' own PostgreSQL server ({@link PostgresServer}).
 */
public enum Engine {
    SQLITE,
    POSTGRESQL;

    /** Where a new, empty database of this engine is: a file in {@code folder}, or a schema nobody else uses. */
    public String newLocation(Path folder) {
        return this == SQLITE ? folder.resolve("tack.db").toString() : PostgresServer.get().freshUrl();
    }
}
