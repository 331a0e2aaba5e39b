package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import dev.tack.Main;
import dev.tack.testing.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * With a program that ignores the side lock (the sqlite3 shell; here plain JDBC, the same SQLite)
 * holding SQLite's write lock, the tack command first in line holds the side lock while it waits;
 * one behind it that gives up must blame the foreign program, not that command (issue 8 item 13).
 */
class BusyBlameTest extends CliFixture {

    @Test
    void aWaiterBlamesTheForeignHolderNotTheTackCommandAheadOfIt() throws Exception {
        Path lockFile = db.resolveSibling("tack.db.lock");
        try (Connection foreign = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = foreign.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try (ChildJvm first = ChildJvm.start("first", folder, Main.class, "--db", db.toString(), "--lock-timeout", "60",
                    "--as", "alice", "add", "queued")) {
                // The first command marks its holder record once SQLite has answered busy: wait for that event.
                long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!Files.readString(lockFile, StandardCharsets.UTF_8).contains("waits-on-foreign")) {
                    assertThat(first.isAlive()).as("first alive; stderr %s", first.stderr()).isTrue();
                    assertThat(System.nanoTime() < until).as("the first command to wait on SQLite's lock").isTrue();
                    Thread.sleep(20);
                }
                CliRun.Result second = tack("--lock-timeout", "0.3", "--as", "bob", "add", "behind").expectError(5);
                assertThat(second.err()).startsWith("tack: board is busy: another program (not tack) has held SQLite's write lock")
                        .contains("alice (tack add)").contains("first in line").doesNotContain("has held the write lock");
                statement.execute("ROLLBACK");
                assertThat(first.awaitExit(Duration.ofSeconds(60))).as("stderr %s", first.stderr()).isZero();
            }
        }
    }
}
