package dev.tack.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.tack.model.Event;
import dev.tack.testing.Acks;
import dev.tack.testing.Acks.Ack;
import dev.tack.testing.ChildJvm;
import dev.tack.testing.ForeignWriter;
import dev.tack.testing.WriterDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/ARCHITECTURE.md §2 rules 2 and 6: a program that ignores tack's side lock (the {@code sqlite3} shell)
 * writes at the same time as tack's writers. SQLite's own lock and tack's {@code busy_timeout} loop
 * keep them apart: every tack write succeeds within the default deadline, the file stays sound, and
 * tack's {@link ChangeFeed} sees the foreign commits and their events.
 */
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class ForeignWriterTest {

    private static final int TACK_PROCESSES = 3;
    /** Each tack writer writes at least this many times, and on until the shell has committed beside them. */
    private static final int WRITES_EACH = 200;
    private static final int SHELL_COMMITS_BESIDE = 3;
    private static final Pattern SHELL = Pattern.compile("SHELL (\\d+) (\\d+) \\.");

    @TempDir
    Path dir;

    private static int shellCommits(ChildJvm shell) {
        return (int) shell.lines().stream().filter(line -> SHELL.matcher(line).matches()).count();
    }

    @Test
    void sqliteShellWritingBesideTackBreaksNothingAndIsSeenByTheChangeFeed() throws Exception {
        long started = System.nanoTime();
        Path db = dir.resolve("tack.db");
        long seedEvents = BoardAudit.createBoard(db);

        List<ChildJvm> writers = new ArrayList<>();
        ChildJvm shell = null;
        try (Database database = Database.open(db, Database.Options.defaults(), tx -> null);
             ChangeFeed feed = database.changeFeed(database.read(EventTable::lastId))) {
            shell = ChildJvm.start("sqlite3-shell", dir, ForeignWriter.class, db.toString(), "5");
            assertThat(shell.awaitLineStartingWith("READY ", Duration.ofMinutes(1))).as(shell.stderr()).isNotNull();
            for (int i = 0; i < TACK_PROCESSES; i++) {
                // The default lock deadline (10 s): the shell's longest transaction is 200 ms. Writes
                // 0: write from READY on, until stdin closes.
                writers.add(ChildJvm.start("tack-" + i, dir, WriterDriver.class, db.toString(), "tack" + i,
                        "0", Long.toString(300 + i), Long.toString(Writer.DEFAULT_DEADLINE.toMillis())));
            }
            for (ChildJvm writer : writers) {
                assertThat(writer.awaitLineStartingWith("READY ", Duration.ofMinutes(1))).as(writer.stderr()).isNotNull();
            }
            int shellBefore = shellCommits(shell);

            // The change feed polls as a screen would, while everyone writes. The tack writers stop
            // once each has written its share and the shell has committed while they were all
            // writing, so the test always covers interleaved commits (a burst of tack writes can
            // otherwise end while the shell sleeps in its busy handler).
            List<Event> seen = new ArrayList<>();
            int changes = 0;
            long stopBy = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            boolean stopping = false;
            while (writers.stream().anyMatch(ChildJvm::isAlive)) {
                if (feed.changed()) {
                    changes++;
                    seen.addAll(feed.newEvents());
                }
                if (!stopping && (System.nanoTime() > stopBy || shellCommits(shell) >= shellBefore + SHELL_COMMITS_BESIDE
                        && writers.stream().allMatch(w -> Acks.parse(w.lines()).size() >= WRITES_EACH))) {
                    stopping = true;
                    writers.forEach(ChildJvm::closeStdin);
                }
                Thread.sleep(25);
            }
            shell.closeStdin();
            assertThat(shell.awaitExit(Duration.ofMinutes(1))).as(shell.stderr()).isZero();

            List<Ack> acks = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (ChildJvm writer : writers) {
                assertThat(writer.awaitExit(Duration.ofMinutes(1))).as(writer.stderr()).isZero();
                acks.addAll(Acks.parse(writer.lines()));
                errors.addAll(Acks.errors(writer.lines()));
            }
            assertThat(errors).as("errors that reached tack's writers").isEmpty();
            assertThat(acks).hasSizeGreaterThanOrEqualTo(TACK_PROCESSES * WRITES_EACH);

            Set<Long> shellEvents = new HashSet<>();
            long heldCommits = 0;
            for (String line : shell.lines()) {
                Matcher m = SHELL.matcher(line);
                if (m.matches()) {
                    shellEvents.add(Long.parseLong(m.group(1)));
                    if (Long.parseLong(m.group(2)) > 0) {
                        heldCommits++;
                    }
                }
            }
            assertThat(shell.lines()).as("the shell's own failures").noneMatch(l -> l.startsWith("SHELLERR"));
            assertThat(shellEvents).as("the shell committed while tack wrote").isNotEmpty();
            assertThat(heldCommits).as("shell transactions held open for 50-200 ms").isPositive();
            long firstTackEvent = database.read(tx -> tx.number("SELECT min(id) FROM events WHERE actor LIKE 'tack%'"));
            long lastTackEvent = database.read(tx -> tx.number("SELECT max(id) FROM events WHERE actor LIKE 'tack%'"));
            assertThat(shellEvents).as("shell commits landed between tack's commits")
                    .anyMatch(id -> id > firstTackEvent && id < lastTackEvent);

            // The feed saw every commit: tack's events and the shell's, in order, none twice.
            if (feed.changed()) {
                changes++;
            }
            seen.addAll(feed.newEvents());
            assertThat(changes).as("times changed() became true").isPositive();
            List<Long> seenIds = seen.stream().map(Event::id).toList();
            assertThat(seenIds).doesNotHaveDuplicates().isSorted();
            assertThat(seenIds).as("the shell's events reached the change feed").containsAll(shellEvents);
            assertThat(seen.stream().filter(e -> e.kind().equals("shell.note")).count()).isEqualTo(shellEvents.size());
            assertThat(seen).hasSize(acks.size() + shellEvents.size());

            // Every tack write is there; the shell's writes are the only extra events.
            BoardAudit.verify(db, acks, seedEvents + shellEvents.size(), false, 0);

            // And one more foreign commit, alone, is noticed at once by the next poll.
            assertThat(feed.changed()).isFalse();
            long lone;
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                 Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events (at, actor, host, pid, kind, summary)"
                        + " VALUES ('2020-01-01T00:00:00Z', 'sqlite3-shell', 'localhost', 1, 'shell.note', 'lone')")) {
                    insert.executeUpdate();
                }
                try (ResultSet row = statement.executeQuery("SELECT last_insert_rowid()")) {
                    lone = row.getLong(1);
                }
                statement.execute("COMMIT");
            }
            assertThat(feed.changed()).as("changed() after a foreign commit").isTrue();
            assertThat(feed.newEvents()).extracting(Event::id).containsExactly(lone);
            assertThat(feed.changed()).isFalse();

            System.out.printf("[tack-mp] foreign writer: %d tack writes acknowledged beside %d sqlite3-shell commits (%d held open"
                            + " 50-200 ms); change feed saw %d events in %d polls that changed; in %d ms%n", acks.size(), shellEvents.size(),
                    heldCommits, seen.size(), changes, Duration.ofNanos(System.nanoTime() - started).toMillis());
        } finally {
            writers.forEach(ChildJvm::close);
            if (shell != null) {
                shell.close();
            }
        }
    }
}
