package dev.tack.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import dev.tack.testing.Engine;
import dev.tack.testing.PostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh board database (made with {@code tack init --db}) for each test, and {@code tack --db <it> …}.
 * A board file unless a subclass runs on every engine ({@link EngineCliFixture}).
 */
abstract class CliFixture {

    @TempDir
    Path folder;

    /** The board file (on SQLite). */
    Path db;

    /** What {@code --db} says: the file's path, or a PostgreSQL URL. */
    String location;

    /** The engine of this run: SQLite here; {@link EngineCliFixture} runs each test on every engine. */
    Engine engine() {
        return Engine.SQLITE;
    }

    @BeforeEach
    void init() {
        db = folder.resolve("tack.db");
        location = engine() == Engine.SQLITE ? db.toString() : engine().newLocation(folder);
        CliRun.tack("init", "--db", location).expectOk();
    }

    /** {@code tack --db <db> args…}. */
    CliRun.Result tack(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", location));
        all.addAll(List.of(args));
        return CliRun.tack(all.toArray(String[]::new));
    }

    /** Adds a card and returns its id as printed. */
    long add(String... args) {
        List<String> all = new ArrayList<>(List.of("add"));
        all.addAll(List.of(args));
        return Long.parseLong(tack(all.toArray(String[]::new)).expectOk().out().strip());
    }

    CliRun.Snapshot snapshot() {
        if (engine() == Engine.SQLITE) {
            return CliRun.snapshot(db);
        }
        return new CliRun.Snapshot(number("SELECT count(*) FROM events"), number("SELECT coalesce(max(id), 0) FROM cards"));
    }

    /** Runs SQL behind tack's back, as another program would (the sqlite3 shell, psql). */
    void execute(String sql) {
        if (engine() == Engine.SQLITE) {
            CliRun.execute(db, sql);
            return;
        }
        try (Connection connection = server(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    long number(String sql) {
        if (engine() == Engine.SQLITE) {
            return CliRun.number(db, sql);
        }
        try (Connection connection = server(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** A superuser connection with the search path on this test's schema. */
    private Connection server() throws SQLException {
        Connection connection = PostgresServer.get().connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO \"" + location.substring(location.indexOf("currentSchema=") + 14) + "\"");
        }
        return connection;
    }
}
