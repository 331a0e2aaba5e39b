package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import com.google.gson.JsonObject;
import dev.tack.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tack db copy} between a board file and a schema of a real PostgreSQL server, both ways,
 * and file → server → file compared by export; TO not empty refused; the id counters kept; a copy
 * made while another writer goes on is one consistent snapshot.
 */
class DbCopyTest {

    @TempDir
    Path folder;

    private static CliRun.Result tack(String... args) {
        return CliRun.tack(args);
    }

    /** A board with every kind of row: tags, comments, history, a link, a checklist, done and gate columns, a run, an archived card, a key, and the highest card id deleted. */
    private String richBoard(String db) {
        tack("init", "--db", db).expectOk();
        tack("--db", db, "add", "First", "-t", "a", "-t", "b", "-p", "2", "-d", "line one\nline two").expectOk();
        tack("--db", db, "add", "Second", "--after", "1").expectOk();
        tack("--db", db, "comment", "1", "a comment ünïcödé ✓").expectOk();
        tack("--db", db, "mv", "1", "Doing").expectOk();
        tack("--db", db, "edit", "2", "--title", "Second, renamed").expectOk();
        tack("--db", db, "checklist", "add", "2", "write it").expectOk();
        tack("--db", db, "checklist", "add", "2", "test it").expectOk();
        tack("--db", db, "checklist", "done", "2", "1").expectOk();
        tack("--db", db, "column", "done", "Done").expectOk();
        tack("--db", db, "column", "gate", "Doing").expectOk();
        tack("--db", db, "add", "Archived").expectOk();
        tack("--db", db, "rm", "3").expectOk();
        tack("--db", db, "--json", "add", "Keyed", "--idempotency-key", "agent-1").expectOk();
        tack("--db", db, "board", "add", "scratch").expectOk();
        tack("--db", db, "--board", "scratch", "add", "Gone soon").expectOk();
        tack("--db", db, "board", "rm", "scratch", "--force").expectOk(); // card 5, the highest id, is gone: its id must never come back
        CliRun.execute(Path.of(db), "INSERT INTO runs (card_id, worker, host, pid, attempt, started_at, finished_at, outcome, exit_code,"
                + " output_tail) VALUES (1, 'w1', 'build-3', 77, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z', 'done', 0, 'ok')");
        return db;
    }

    private String export(String db) {
        return tack("--db", db, "export", "--format", "json").expectOk().out();
    }

    private String log(String db) {
        return tack("--db", db, "--json", "log").expectOk().out();
    }

    @Test
    void aFileGoesToTheServerAndBackWithNothingLostOrChanged() {
        String file = richBoard(folder.resolve("a.db").toString());
        String server = PostgresServer.get().freshUrl();
        String back = folder.resolve("back.db").toString();

        CliRun.Result there = tack("db", "copy", file, server).expectOk();
        CliRun.Result home = tack("db", "copy", server, back).expectOk();

        assertThat(there.out()).contains("verified").contains("cards: 4").contains("runs: 1").contains("card_links: 1").contains("checklist_items: 2");
        assertThat(home.out()).contains("verified");
        for (String copy : new String[] {server, back}) {
            assertThat(export(copy)).isEqualTo(export(file));
            assertThat(log(copy)).isEqualTo(log(file));
            for (String card : new String[] {"1", "2", "3", "4"}) {
                assertThat(tack("--db", copy, "--json", "show", card).out()).isEqualTo(tack("--db", file, "--json", "show", card).out());
            }
            assertThat(tack("--db", copy, "check").exit()).isZero();
        }
        // The copied key still answers a retry.
        CliRun.Result retry = tack("--db", server, "--json", "add", "Keyed", "--idempotency-key", "agent-1");
        assertThat(retry.err()).contains("replayed");
    }

    @Test
    void theNextIdsComeAfterEveryOldOneOnBothEngines() {
        String file = richBoard(folder.resolve("a.db").toString());
        String server = PostgresServer.get().freshUrl();
        String back = folder.resolve("back.db").toString();
        tack("db", "copy", file, server).expectOk();
        tack("db", "copy", server, back).expectOk();

        for (String db : new String[] {file, server, back}) {
            assertThat(tack("--db", db, "add", "Next").expectOk().out()).as(db).isEqualTo("6\n");
            assertThat(tack("--db", db, "comment", "6", "next").exit()).isZero();
        }
        assertThat(tack("--db", server, "--json", "show", "6").json().getAsJsonObject().get("comments").getAsJsonArray()
                .get(0).getAsJsonObject().get("id").getAsLong()).isEqualTo(2);
    }

    @Test
    void serverToServerAndFileToFile() {
        String file = richBoard(folder.resolve("a.db").toString());
        String one = PostgresServer.get().freshUrl();
        String two = PostgresServer.get().freshUrl();
        tack("db", "copy", file, one).expectOk();

        tack("db", "copy", one, two).expectOk();
        tack("db", "copy", file, folder.resolve("b.db").toString()).expectOk();

        assertThat(export(two)).isEqualTo(export(file));
        assertThat(export(folder.resolve("b.db").toString())).isEqualTo(export(file));
    }

    @Test
    void aTargetThatHoldsSomethingIsRefusedAndLeftAlone() throws SQLException {
        String file = richBoard(folder.resolve("a.db").toString());
        String server = PostgresServer.get().freshUrl();
        tack("init", "--db", server).expectOk();
        tack("--db", server, "add", "Theirs").expectOk();
        String other = richBoard(folder.resolve("other.db").toString());
        String before = export(other);

        tack("db", "copy", file, server).expectError(4);
        tack("db", "copy", file, other).expectError(4);

        assertThat(count(server, "SELECT count(*) FROM cards")).isEqualTo(1);
        assertThat(export(other)).isEqualTo(before);
    }

    @Test
    void aPasswordInAUrlIsNeverPrinted() {
        String file = richBoard(folder.resolve("a.db").toString());
        String schema = PostgresServer.get().freshSchemaName();
        String withPassword = "postgresql://" + PostgresServer.PASSWORD_USER + ":" + PostgresServer.PASSWORD + "@127.0.0.1:"
                + PostgresServer.get().port() + "/tack?currentSchema=" + schema;

        CliRun.Result copied = tack("--json", "db", "copy", file, withPassword).expectOk();
        CliRun.Result refused = tack("--debug", "db", "copy", file, withPassword);

        JsonObject report = copied.json().getAsJsonObject();
        assertThat(report.get("verified").getAsBoolean()).isTrue();
        assertThat(report.get("to").getAsString()).doesNotContain(PostgresServer.PASSWORD).contains(schema);
        assertThat(refused.exit()).isEqualTo(4);
        assertThat(copied.out() + copied.err() + refused.out() + refused.err()).doesNotContain(PostgresServer.PASSWORD);
    }

    @Test
    void aCopyWhileAnotherProcessWritesIsOneConsistentMoment() throws Exception {
        String source = PostgresServer.get().freshUrl();
        tack("init", "--db", source).expectOk();
        AtomicBoolean copying = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (copying.get()) {
                tack("--db", source, "add", "Busy " + written.get(), "-t", "w").expectOk();
                tack("--db", source, "comment", String.valueOf(written.incrementAndGet()), "c").expectOk();
            }
        });
        writer.start();
        while (written.get() < 5) {
            Thread.onSpinWait();
        }
        String target = folder.resolve("snapshot.db").toString();
        CliRun.Result copied = tack("db", "copy", source, target);
        copying.set(false);
        writer.join();

        copied.expectOk();
        assertThat(written.get()).isGreaterThan(5);
        long cards = CliRun.number(Path.of(target), "SELECT count(*) FROM cards");
        // Every card the snapshot holds comes with its tag and its add event, whatever was written during the copy; comments may trail one.
        assertThat(CliRun.number(Path.of(target), "SELECT count(*) FROM card_tags")).isEqualTo(cards);
        assertThat(CliRun.number(Path.of(target), "SELECT count(*) FROM events WHERE kind = 'card.added'")).isEqualTo(cards);
        assertThat(CliRun.number(Path.of(target), "SELECT count(*) FROM events WHERE kind = 'card.commented'"))
                .isEqualTo(CliRun.number(Path.of(target), "SELECT count(*) FROM comments"));
        assertThat(tack("--db", target, "check").exit()).isZero();
    }

    @Test
    void aMissingSourceIsOneLine() {
        tack("db", "copy", folder.resolve("none.db").toString(), folder.resolve("to.db").toString()).expectError(1);
        assertThat(folder.resolve("to.db")).doesNotExist();
        tack("db", "copy").expectError(2);
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection connection = PostgresServer.get().connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO \"" + url.substring(url.indexOf("currentSchema=") + 14) + "\"");
            try (ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
