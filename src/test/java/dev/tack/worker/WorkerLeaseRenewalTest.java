package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.tack.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker whose heartbeats cannot get through (here another program holds SQLite's write lock,
 * as a person at the sqlite3 prompt would; on a server, a lock or a network that does not answer)
 * must not let its command run on past the card's lease: when the lease ran out, another worker
 * would take the card and run it a second time beside it. The worker stops the command one
 * heartbeat before the lease it last wrote runs out, by its own clock, and the run says why.
 */
class WorkerLeaseRenewalTest {

    @TempDir
    Path dir;

    /** Writes its shell's pid and its attempt, then runs for a minute the first time and briefly after. */
    private String command() {
        String log = "'" + dir.resolve("job.log") + "'";
        return "echo \"start $TACK_ATTEMPT $$\" >> " + log + ";"
                + " if [ \"$TACK_ATTEMPT\" = 1 ]; then sleep 60; else sleep 0.2; fi;"
                + " echo \"end $TACK_ATTEMPT\" >> " + log + ";";
    }

    @Test
    void aCommandWhoseLeaseCannotBeRenewedIsStoppedBeforeTheLeaseRunsOut() throws Exception {
        Path log = dir.resolve("job.log");
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done")) {
            long id = board.addCards("Todo", 1, "long job").get(0);
            Process worker = board.startWorker("--from", "Todo", "--to", "Done", "--doing", "Doing", "--exec", command(),
                    "--name", "w1", "--lease", "3s", "--heartbeat", "500ms", "--backoff", "200ms", "--max-attempts", "3",
                    "--exit-when-idle");
            assertThat(TestBoard.await(Duration.ofSeconds(60), () -> TestBoard.lines(log).stream().anyMatch(l -> l.startsWith("start 1 "))))
                    .as(board.logs()).isTrue();
            long shell = Long.parseLong(TestBoard.lines(log).get(0).split(" ")[2]);
            ProcessHandle job = ProcessHandle.of(shell).orElseThrow();

            long stoppedAt;
            long leaseUntil;
            try (Connection foreign = DriverManager.getConnection("jdbc:sqlite:" + board.db);
                 Statement statement = foreign.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 10000");
                statement.execute("BEGIN IMMEDIATE"); // from here on no heartbeat can extend the lease
                leaseUntil = leaseUntil(foreign, id);
                job.onExit().get(30, TimeUnit.SECONDS);
                stoppedAt = System.currentTimeMillis();
                statement.execute("ROLLBACK");
            }
            assertThat(stoppedAt).as("the command stopped before the lease it could not renew ran out; %s", board.logs())
                    .isLessThan(leaseUntil);

            assertThat(TestBoard.exited(worker, Duration.ofSeconds(90))).as(board.logs()).isTrue();
            assertThat(worker.exitValue()).as(board.logs()).isZero();
            assertThat(board.logs()).contains("#" + id + ": could not renew its lease for 2.5s");
            assertThat(board.card(id).column()).isEqualTo("Done");
            List<Run> runs = board.runsOf(id);
            assertThat(runs).hasSize(2);
            assertThat(runs.get(0).outputTail()).contains("tack: stopped because this worker could not renew its lease on the card in time");
            assertThat(runs.get(1).outcome()).isEqualTo("succeeded");
            assertThat(TestBoard.lines(log)).filteredOn(l -> l.startsWith("end")).containsExactly("end 2");
        }
    }

    private static long leaseUntil(Connection connection, long cardId) throws Exception {
        try (PreparedStatement select = connection.prepareStatement("SELECT lease_until FROM cards WHERE id = ?")) {
            select.setLong(1, cardId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                long until = row.getLong(1);
                assertThat(row.wasNull()).as("the card is claimed, with a lease").isFalse();
                return until;
            }
        }
    }
}
