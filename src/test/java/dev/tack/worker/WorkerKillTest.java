package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import dev.tack.model.Run;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers killed with SIGKILL again and again while they run cards, a fresh one started each
 * time: every card still ends where the rules say, and every killed attempt is counted.
 */
@Tag("slow")
class WorkerKillTest {

    private static final int CARDS = 300;
    private static final int WORKERS = 4;
    private static final int KILLS = 12;
    private static final int MAX_ATTEMPTS = 3;
    /** 20-90 ms, failing about one run in ten (see WorkerSwarmTest). */
    private static final String COMMAND = "sleep 0.0$((2 + TACK_CARD_ID % 8)); [ $((TACK_CARD_ID % 25)) -ne 0 ]"
            + " && [ $(( (TACK_CARD_ID * 7 + TACK_ATTEMPT * 3) % 10 )) -ne 0 ]";

    @TempDir
    Path dir;

    private Process startWorker(TestBoard board, int serial) {
        return board.startWorker("--from", "Todo", "--to", "Done", "--doing", "Doing", "--fail", "Failed",
                "--exec", COMMAND, "--name", "kill-" + serial, "--lease", "2s", "--heartbeat", "500ms",
                "--backoff", "200ms", "--max-attempts", String.valueOf(MAX_ATTEMPTS), "--exit-when-idle");
    }

    @Test
    void killedWorkersLoseNoCardAndEveryKilledAttemptCounts() {
        Random random = new Random(42);
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done", "Failed")) {
            List<Long> ids = board.addCards("Todo", CARDS, "job");
            List<Process> workers = new ArrayList<>();
            int serial = 0;
            for (int i = 0; i < WORKERS; i++) {
                workers.add(startWorker(board, ++serial));
            }
            Set<Long> killedPids = new HashSet<>();
            List<Long> runsRunningAtKill = new ArrayList<>();
            while (killedPids.size() < KILLS) {
                // Kill a worker while it holds a card: one of ours with a run in progress.
                Optional<Run> victimRun = Optional.empty();
                boolean found = TestBoard.await(Duration.ofSeconds(20), () -> board.runs().stream()
                        .anyMatch(r -> r.outcome().equals("running") && workers.stream().anyMatch(p -> p.pid() == r.pid())));
                assertThat(found).as("a worker holds a card (kills so far: %d)%n%s", killedPids.size(), board.logs()).isTrue();
                List<Run> running = board.runs().stream().filter(r -> r.outcome().equals("running")).toList();
                for (Run run : running) {
                    if (workers.stream().anyMatch(p -> p.pid() == run.pid())) {
                        victimRun = Optional.of(run);
                        break;
                    }
                }
                if (victimRun.isEmpty()) {
                    continue; // it finished between the two reads
                }
                long pid = victimRun.get().pid();
                Process victim = workers.stream().filter(p -> p.pid() == pid).findFirst().orElseThrow();
                victim.destroyForcibly();
                assertThat(TestBoard.exited(victim, Duration.ofSeconds(10))).isTrue();
                killedPids.add(pid);
                runsRunningAtKill.add(victimRun.get().id());
                workers.remove(victim);
                workers.add(startWorker(board, ++serial));
                TestBoard.sleep(100 + random.nextInt(300));
            }
            for (Process worker : workers) {
                assertThat(TestBoard.exited(worker, Duration.ofSeconds(150))).as(board.logs()).isTrue();
                assertThat(worker.exitValue()).as(board.logs()).isZero();
            }

            RunRules.Tally tally = RunRules.verify(board, ids, MAX_ATTEMPTS, Set.of("failed", "lost"));

            List<Run> runs = board.runs();
            List<Run> lost = runs.stream().filter(r -> r.outcome().equals("lost")).toList();
            // Only killed workers lost cards, each at most the one it was running.
            assertThat(lost).extracting(Run::pid).allMatch(killedPids::contains);
            assertThat(lost.size()).isBetween(1, KILLS);
            assertThat(lost.stream().map(Run::pid).distinct().count()).isEqualTo(lost.size());
            // A run seen in progress just before its worker died ended lost, or had finished just before the kill.
            for (long runId : runsRunningAtKill) {
                Run run = runs.stream().filter(r -> r.id() == runId).findFirst().orElseThrow();
                assertThat(run.outcome()).as("run %d", runId).isIn("lost", "succeeded", "failed");
            }
            assertThat(runs).filteredOn(r -> killedPids.contains(r.pid())).noneMatch(r -> r.outcome().equals("stale"));
            assertThat(board.eventCount("card.reclaimed")).isEqualTo(lost.size());
            assertThat(board.tack("check").code()).isZero();
            System.out.printf("kill -9: %d kills, %d workers started, %d cards (%d done, %d failed), %d runs, outcomes %s%n",
                    killedPids.size(), serial, tally.cards(), tally.done(), tally.failed(), tally.runs(), tally.outcomes());
        }
    }
}
