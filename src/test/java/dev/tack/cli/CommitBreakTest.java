package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import dev.tack.testing.CommitBreaker;
import dev.tack.testing.CommitBreaker.Break;
import dev.tack.testing.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: "A command whose connection breaks at commit must not apply twice when retried." A real
 * PostgreSQL server behind a proxy the test controls ({@link CommitBreaker}); the write's
 * transaction is broken exactly at its COMMIT, in each of the ways it can break, and the board must
 * end with exactly one card.
 */
class CommitBreakTest {

    private static final String KEY_INSERT = "INSERT INTO idempotency_keys";

    private CommitBreaker breaker;
    private String schema;
    private String location;

    @BeforeEach
    void start() throws IOException {
        breaker = new CommitBreaker(PostgresServer.get().port());
        schema = PostgresServer.get().freshSchemaName();
        location = breaker.url(schema);
        CliRun.tack("init", "--db", location).expectOk();
    }

    @AfterEach
    void stop() throws IOException {
        breaker.close();
    }

    @Test
    void aCommitWhoseAnswerIsLostIsNotAppliedAgain() throws SQLException {
        breaker.arm(Break.ANSWER_LOST, KEY_INSERT);

        CliRun.Result added = CliRun.tack("--db", location, "add", "Exactly once");

        assertThat(breaker.breaks()).as("the commit was broken").isEqualTo(1);
        added.expectOk();
        assertThat(added.out().strip()).isEqualTo("1");
        assertExactlyOneCard();
    }

    @Test
    void aCommitThatNeverReachedTheServerIsMadeOnce() throws SQLException {
        breaker.arm(Break.COMMIT_LOST, KEY_INSERT);

        CliRun.Result added = CliRun.tack("--db", location, "add", "Exactly once");

        assertThat(breaker.breaks()).isEqualTo(1);
        added.expectOk();
        assertExactlyOneCard();
    }

    @Test
    void aBackendTerminatedAtCommitIsRetriedOnce() throws SQLException {
        breaker.arm(Break.PASSED_ON, KEY_INSERT, CommitBreakTest::terminateTheWriter);

        CliRun.Result added = CliRun.tack("--db", location, "add", "Exactly once");

        assertThat(breaker.breaks()).isEqualTo(1);
        added.expectOk();
        assertExactlyOneCard();
    }

    @Test
    void anAgentsKeySurvivesALostAnswerAndItsOwnRetryIsAReplay() throws SQLException {
        breaker.arm(Break.ANSWER_LOST, KEY_INSERT);
        String first = CliRun.tack("--db", location, "add", "Task", "--idempotency-key", "agent-7").expectOk().out();
        assertThat(breaker.breaks()).isEqualTo(1);

        CliRun.Result retry = CliRun.tack("--db", location, "add", "Task", "--idempotency-key", "agent-7");

        assertThat(retry.exit()).isZero();
        assertThat(retry.out()).isEqualTo(first);
        assertThat(retry.err()).contains("replayed");
        assertExactlyOneCard();
    }

    @Test
    void aMoveBrokenAtCommitMovesOnce() throws SQLException {
        CliRun.tack("--db", location, "add", "Card").expectOk();
        breaker.arm(Break.ANSWER_LOST, KEY_INSERT);

        CliRun.tack("--db", location, "mv", "1", "Doing").expectOk();

        assertThat(breaker.breaks()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM events WHERE kind = 'card.moved'")).isEqualTo(1);
    }

    /** Ends the write's session from another one (as an administrator's pg_terminate_backend would), waiting until it is gone. */
    private static void terminateTheWriter() throws SQLException {
        try (Connection admin = PostgresServer.get().connect(); Statement statement = admin.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_terminate_backend(pid, 20000) FROM pg_stat_activity"
                     + " WHERE application_name LIKE '%(tack add)%' AND state = 'idle in transaction'")) {
            assertThat(rows.next()).as("the writer's session, idle in its transaction before COMMIT").isTrue();
            assertThat(rows.getBoolean(1)).isTrue();
        }
    }

    private void assertExactlyOneCard() throws SQLException {
        assertThat(count("SELECT count(*) FROM cards")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM events WHERE kind = 'card.added'")).isEqualTo(1);
        assertThat(CliRun.tack("--db", PostgresServer.get().url(schema), "check").exit()).isZero();
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = PostgresServer.get().connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO \"" + schema + "\"");
            try (ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
