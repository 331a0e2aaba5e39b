package dev.tack.store.sqlite;

import dev.tack.model.Hosts;
import dev.tack.model.TackException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.tack.board.Boards;
import dev.tack.model.Actor;
import dev.tack.testing.ChildJvm;
import dev.tack.testing.FirstUse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes use a board for the first time at once (docs/ARCHITECTURE.md §4: the data-folder default is
 * "created on first use"): all of them must succeed, and the file must get exactly one board.
 */
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class FirstUseRaceTest {

    private static final int PROCESSES = 5;
    private static final int FILES = 30;

    @TempDir
    Path dir;

    @Test
    void processesCreatingTheSameBoardAtOnceAllSucceedAndMakeOneBoard() throws Exception {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            files.add(dir.resolve("board-" + i).resolve("tack.db").toString());
        }
        List<ChildJvm> children = new ArrayList<>();
        try {
            for (int i = 0; i < PROCESSES; i++) {
                children.add(ChildJvm.start("first-use-" + i, dir, FirstUse.class, files.toArray(String[]::new)));
            }
            for (ChildJvm child : children) {
                assertThat(child.awaitLineStartingWith("READY ", Duration.ofMinutes(1))).as(child.stderr()).isNotNull();
            }
            children.forEach(child -> child.send("go"));
            List<String> failures = new ArrayList<>();
            for (ChildJvm child : children) {
                assertThat(child.awaitExit(Duration.ofMinutes(2))).as(child.stderr()).isZero();
                assertThat(child.lines()).contains("DONE " + FILES + " .");
                child.lines().stream().filter(l -> l.startsWith("FAILED ")).forEach(failures::add);
            }
            assertThat(failures).as("first uses that failed").isEmpty();
        } finally {
            children.forEach(ChildJvm::close);
        }
        for (String file : files) {
            try (Database database = Database.open(Path.of(file), Database.Options.defaults(), tx -> null)) {
                database.read(tx -> {
                    assertThat(Integrity.problems(tx)).isEmpty();
                    assertThat(tx.list("SELECT name FROM boards", r -> r.getString(1))).as(file).containsExactly("main");
                    assertThat(tx.number("SELECT count(*) FROM columns")).isEqualTo(3);
                    assertThat(tx.number("SELECT count(*) FROM events WHERE kind = 'board.added'")).isEqualTo(1);
                    assertThat(tx.list("PRAGMA journal_mode", r -> r.getString(1))).containsExactly("wal");
                    return null;
                });
            }
        }
    }

    /** A creation cut short (kill -9 between creating the file and writing the schema) is finished by the next first use. */
    @Test
    void aCreationCutShortIsFinishedWhereCreatingIsAllowedAndRefusedElsewhere() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty")).resolve("tack.db");
        Files.createFile(empty);
        Path walOnly = Files.createDirectories(dir.resolve("wal-only")).resolve("tack.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + walOnly);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
        }
        Actor actor = new Actor("first-use", Hosts.name(), ProcessHandle.current().pid());
        for (Path file : List.of(empty, walOnly)) {
            // An explicit --db path (creating not allowed) is refused and not touched.
            long size = Files.size(file);
            assertThatThrownBy(() -> Database.open(file, Database.Options.defaults(), tx -> null))
                    .isInstanceOfSatisfying(TackException.class, e -> assertThat(e.getMessage()).contains("is not a tack database"));
            assertThat(Files.size(file)).isEqualTo(size);
            // The data-folder default (creating allowed) finishes the job.
            try (Database database = Database.open(file, Database.Options.defaults().creating(true),
                    tx -> Boards.create(tx, actor, "main", Boards.DEFAULT_COLUMNS))) {
                database.read(tx -> {
                    assertThat(tx.list("SELECT name FROM boards", r -> r.getString(1))).containsExactly("main");
                    assertThat(Integrity.problems(tx)).isEmpty();
                    assertThat(tx.list("PRAGMA journal_mode", r -> r.getString(1))).containsExactly("wal");
                    return null;
                });
            }
        }
        // A file with someone else's tables is still refused, even where creating is allowed.
        Path foreign = Files.createDirectories(dir.resolve("foreign")).resolve("tack.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + foreign);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (body TEXT)");
        }
        assertThatThrownBy(() -> Database.open(foreign, Database.Options.defaults().creating(true), tx -> null))
                .isInstanceOfSatisfying(TackException.class, e -> assertThat(e.getMessage()).contains("without tack's tables"));
    }
}
