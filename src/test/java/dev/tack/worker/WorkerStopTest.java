package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.tack.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to a worker whose command runs long: it stops, and gives the card back uncounted. */
class WorkerStopTest {

    @TempDir
    Path dir;

    @Test
    void sigtermGivesTheCardBackWithoutCountingTheAttempt() {
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done", "Failed")) {
            long other = board.addCards("Todo", 1, "first").get(0);
            long id = board.addCards("Todo", 1, "long job").get(0);
            board.tack("mv", String.valueOf(id), "Todo", "--pos", "0");
            Process worker = board.startWorker("--from", "Todo", "--to", "Done", "--doing", "Doing", "--fail", "Failed",
                    "--exec", "echo started; sleep 60", "--name", "stopper", "--lease", "2s", "--heartbeat", "500ms",
                    "--grace", "1s");
            assertThat(TestBoard.await(Duration.ofSeconds(30), () -> board.runsOf(id).stream()
                    .anyMatch(r -> r.outcome().equals("running")))).as(board.logs()).isTrue();
            assertThat(board.card(id).column()).isEqualTo("Doing");

            // Heartbeats carry the lease past its first end while the command runs.
            long firstLease = board.card(id).leaseUntil();
            assertThat(TestBoard.await(Duration.ofSeconds(20), () -> {
                TestBoard.CardRow card = board.card(id);
                return card.leaseUntil() != null && card.leaseUntil() > firstLease + 1_000;
            })).as(board.logs()).isTrue();
            List<ProcessHandle> commands = worker.descendants().toList();
            assertThat(commands).as("the command's processes").isNotEmpty();
            long eventsBefore = board.eventCount();

            worker.destroy(); // SIGTERM
            assertThat(TestBoard.exited(worker, Duration.ofSeconds(30))).as(board.logs()).isTrue();

            TestBoard.CardRow card = board.card(id);
            assertThat(card.column()).as(board.logs()).isEqualTo("Todo");
            assertThat(card.claimedBy()).isNull();
            assertThat(card.claimPid()).isNull();
            assertThat(card.leaseUntil()).isNull();
            assertThat(card.attempts()).isZero();
            assertThat(card.failed()).isFalse();
            List<Run> runs = board.runsOf(id);
            assertThat(runs).extracting(Run::outcome).containsExactly("released");
            assertThat(runs.get(0).finishedAt()).isNotNull();
            assertThat(runs.get(0).outputTail()).contains("started");
            assertThat(board.eventCount("card.released")).isEqualTo(1);
            assertThat(board.eventCount()).isEqualTo(eventsBefore + 1);
            // No other card was touched, and the command did not outlive its worker.
            assertThat(board.card(other).column()).isEqualTo("Todo");
            assertThat(board.card(other).attempts()).isZero();
            assertThat(TestBoard.await(Duration.ofSeconds(5), () -> commands.stream().noneMatch(ProcessHandle::isAlive)))
                    .isTrue();
            assertThat(TestBoard.read(dir.resolve("worker-0.log"))).contains("stopping", "gave #" + id + " back");
        }
    }
}
