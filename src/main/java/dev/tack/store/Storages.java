package dev.tack.store;

import java.nio.file.Path;
import dev.tack.model.TackException;
import dev.tack.store.sqlite.Database;
import dev.tack.store.sqlite.SqliteLog;

/**
 * Opens a database from its location and picks the engine: a {@code postgresql://} URL names a
 * PostgreSQL database (issue 11, not built yet), anything else a SQLite board file. The one place
 * outside an engine's own package that names an engine.
 */
public final class Storages {

    private Storages() {
    }

    /**
     * Opens the database at {@code location}, creating it (with the current schema) only when
     * {@code options.create()} allows and it does not exist; {@code seed} runs in the creating
     * transaction, after the schema.
     */
    public static Storage open(String location, Storage.Options options, Work<?> seed) {
        if (location.startsWith("postgresql://") || location.startsWith("postgres://")) {
            throw TackException.failed("PostgreSQL databases are not supported yet: " + location.replaceFirst("//[^@/]*@", "//"));
        }
        return Database.open(Path.of(location), new Database.Options(options.create(), options.fullSync(), options.lockDeadline(), options.clock()),
                seed);
    }

    /** Keeps the engines' drivers' own logging off the user's terminal (unless {@code --debug}). */
    public static void quietDriverLogs() {
        SqliteLog.quiet();
    }
}
