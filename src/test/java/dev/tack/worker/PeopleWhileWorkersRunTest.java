package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight workers drain a column while a person moves and edits cards in other columns: every one
 * of the person's commands succeeds, and both sides' work is all there at the end.
 */
@Tag("slow")
class PeopleWhileWorkersRunTest {

    private static final int WORKERS = 8;
    private static final int CARDS = 300;
    private static final int OPERATIONS = 50;

    @TempDir
    Path dir;

    @Test
    void peoplesWritesKeepSucceedingWhileEightWorkersRun() {
        try (TestBoard board = TestBoard.create(dir, "Backlog", "Ideas", "Todo", "Doing", "Done")) {
            List<Long> mine = board.addCards("Backlog", 10, "mine");
            List<Long> jobs = board.addCards("Todo", CARDS, "job");
            List<Process> workers = new ArrayList<>();
            // The lease is well above the 2 s a background write may defer to waiting people: with a 2 s
            // lease, a finish that deferred that long was fenced as stale.
            for (int i = 1; i <= WORKERS; i++) {
                workers.add(board.startWorker("--from", "Todo", "--to", "Done", "--doing", "Doing", "--exec", "sleep 0.01",
                        "--name", "busy-" + i, "--concurrency", "1", "--lease", "10s", "--heartbeat", "500ms",
                        "--backoff", "200ms", "--exit-when-idle"));
            }
            // Start once the workers are at it.
            assertThat(TestBoard.await(Duration.ofSeconds(60), () -> board.runs().size() >= WORKERS))
                    .as(board.logs()).isTrue();
            long todoAtStart = board.columnCounts().get("Todo");

            Map<Long, String> expectedColumn = new HashMap<>();
            Map<Long, String> expectedTitle = new HashMap<>();
            mine.forEach(id -> expectedColumn.put(id, "Backlog"));
            List<String> failures = new ArrayList<>();
            List<Long> millis = new ArrayList<>();
            for (int op = 0; op < OPERATIONS; op++) {
                long id = mine.get(op % mine.size());
                long started = System.nanoTime();
                TestBoard.Cli result;
                if (op % 2 == 0) {
                    String target = expectedColumn.get(id).equals("Backlog") ? "Ideas" : "Backlog";
                    result = board.tack("--as", "alice", "mv", String.valueOf(id), target, "--pos", "0");
                    expectedColumn.put(id, target);
                } else {
                    String title = "mine, edit " + op;
                    result = board.tack("--as", "alice", "edit", String.valueOf(id), "--title", title, "-t", "+op" + op);
                    expectedTitle.put(id, title);
                }
                millis.add((System.nanoTime() - started) / 1_000_000);
                if (result.code() != 0) {
                    failures.add("operation " + op + " on #" + id + ": exit " + result.code() + " " + result.err());
                }
            }
            long todoAtEnd = board.columnCounts().get("Todo");
            assertThat(failures).isEmpty();

            for (Process worker : workers) {
                assertThat(TestBoard.exited(worker, Duration.ofSeconds(150))).as(board.logs()).isTrue();
                assertThat(worker.exitValue()).as(board.logs()).isZero();
            }
            RunRules.Tally tally = RunRules.verify(board, jobs, 3, Set.of("failed"));
            assertThat(tally.done()).isEqualTo(CARDS);
            for (long id : mine) {
                TestBoard.CardRow card = board.card(id);
                assertThat(card.column()).isEqualTo(expectedColumn.get(id));
                assertThat(card.title()).isEqualTo(expectedTitle.getOrDefault(id, card.title()));
                assertThat(card.attempts()).isZero();
            }
            assertThat(board.eventCount("card.moved")).isEqualTo(OPERATIONS / 2);
            assertThat(board.eventCount("card.edited")).isEqualTo(OPERATIONS / 2);
            assertThat(board.tack("check").code()).isZero();
            System.out.printf("people + %d workers: %d operations all ok; Todo held %d cards when they began, %d when they ended;"
                    + " %d runs, outcomes %s; operation times (ms) median %d, max %d%n", WORKERS, OPERATIONS, todoAtStart, todoAtEnd,
                    tally.runs(), tally.outcomes(), millis.stream().sorted().toList().get(millis.size() / 2),
                    millis.stream().mapToLong(Long::longValue).max().orElse(0));
        }
    }
}
