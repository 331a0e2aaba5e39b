package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four worker JVMs drain 200 cards whose command sometimes fails. */
class WorkerSwarmTest {

    static final int MAX_ATTEMPTS = 3;

    /**
     * Sleeps 0-50 ms. Fails on attempt 1 for ids ending in 1, attempt 2 for ids ending in 2, attempt
     * 3 for ids ending in 3 (about one run in ten), and always for multiples of 25.
     */
    static final String COMMAND = "sleep 0.0$((TACK_CARD_ID % 6)); [ $((TACK_CARD_ID % 25)) -ne 0 ]"
            + " && [ $(( (TACK_CARD_ID * 7 + TACK_ATTEMPT * 3) % 10 )) -ne 0 ]";

    static boolean succeeds(long id, int attempt) {
        return id % 25 != 0 && (id * 7 + attempt * 3) % 10 != 0;
    }

    @TempDir
    Path dir;

    @Test
    void fourWorkersFinishTwoHundredCardsAsTheRulesSay() {
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done", "Failed")) {
            List<Long> ids = board.addCards("Todo", 200, "job");
            List<Process> workers = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                workers.add(board.startWorker("--from", "Todo", "--to", "Done", "--doing", "Doing", "--fail", "Failed",
                        "--exec", COMMAND, "--name", "swarm-" + i, "--lease", "2s", "--heartbeat", "500ms",
                        "--backoff", "200ms", "--max-attempts", String.valueOf(MAX_ATTEMPTS), "--exit-when-idle"));
            }
            for (Process worker : workers) {
                assertThat(TestBoard.exited(worker, Duration.ofSeconds(150))).as(board.logs()).isTrue();
                assertThat(worker.exitValue()).as(board.logs()).isZero();
            }

            RunRules.Tally tally = RunRules.verify(board, ids, MAX_ATTEMPTS, Set.of("failed"));

            // The command is deterministic, so each card's fate is known in advance.
            for (long id : ids) {
                TestBoard.CardRow card = board.card(id);
                int attempt = 1;
                while (attempt < MAX_ATTEMPTS && !succeeds(id, attempt)) {
                    attempt++;
                }
                boolean done = succeeds(id, attempt);
                assertThat(card.column()).as("card %d", id).isEqualTo(done ? "Done" : "Failed");
                assertThat(card.attempts()).as("card %d", id).isEqualTo(attempt);
            }
            assertThat(tally.failed()).isEqualTo(8);
            assertThat(tally.count("released") + tally.count("lost") + tally.count("timed-out")).isZero();
            // Every worker took part, and nobody else did.
            assertThat(board.runs()).extracting(r -> r.worker()).allMatch(w -> w.startsWith("swarm-"));
            assertThat(board.tack("check").code()).isZero();
            System.out.printf("swarm: %d cards, %d done, %d failed, %d runs, outcomes %s, by worker %s%n", tally.cards(),
                    tally.done(), tally.failed(), tally.runs(), tally.outcomes(), board.runs().stream()
                            .collect(java.util.stream.Collectors.groupingBy(r -> r.worker(), java.util.TreeMap::new,
                                    java.util.stream.Collectors.counting())));
        }
    }
}
