package dev.tack.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh board file (made with {@code tack init --db}) for each test, and {@code tack --db <it> …}. */
abstract class CliFixture {

    @TempDir
    Path folder;

    Path db;

    @BeforeEach
    void init() {
        db = folder.resolve("tack.db");
        CliRun.tack("init", "--db", db.toString()).expectOk();
    }

    /** {@code tack --db <db> args…}. */
    CliRun.Result tack(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
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
        return CliRun.snapshot(db);
    }
}
