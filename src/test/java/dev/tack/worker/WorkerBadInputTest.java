package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker given bad input says so in one line and exits before it claims anything. Each case runs
 * as its own JVM, as a person would start it; they run side by side.
 */
class WorkerBadInputTest {

    @TempDir
    Path dir;

    private record Case(String what, int[] codes, String message, String... args) {
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsClaimed() {
        List<Case> cases = List.of(
                new Case("a program that does not exist", new int[] {2}, "nosuchprogram-xyz",
                        "--exec", "nosuchprogram-xyz --go"),
                new Case("a column that does not exist", new int[] {3}, "Shipped",
                        "--exec", "true", "--to", "Shipped"),
                new Case("a fail column that does not exist", new int[] {3}, "Graveyard",
                        "--exec", "true", "--fail", "Graveyard"),
                new Case("a lease shorter than the heartbeat", new int[] {2}, "--lease",
                        "--exec", "true", "--lease", "1s", "--heartbeat", "5s"),
                new Case("a negative concurrency", new int[] {2}, "--concurrency",
                        "--exec", "true", "--concurrency", "-2"),
                new Case("zero attempts", new int[] {2}, "--max-attempts",
                        "--exec", "true", "--max-attempts", "0"),
                new Case("a duration that is not one", new int[] {2}, "--lease",
                        "--exec", "true", "--lease", "soon"));
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done")) {
            List<Long> ids = board.addCards("Todo", 3, "waiting");
            List<TestBoard.CardRow> before = board.cards();
            long eventsBefore = board.eventCount();

            List<Process> processes = new ArrayList<>();
            for (Case c : cases) {
                Map<String, String> options = new LinkedHashMap<>(Map.of("--from", "Todo", "--to", "Done", "--doing", "Doing",
                        "--lease", "2s", "--heartbeat", "500ms"));
                for (int k = 0; k < c.args().length; k += 2) {
                    options.put(c.args()[k], c.args()[k + 1]);
                }
                List<String> args = new ArrayList<>(List.of("--exit-when-idle"));
                options.forEach((option, value) -> args.addAll(List.of(option, value)));
                processes.add(board.startWorker(Map.of(), args.toArray(String[]::new)));
            }
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                Process process = processes.get(i);
                assertThat(TestBoard.exited(process, Duration.ofSeconds(60))).as(c.what()).isTrue();
                String output = TestBoard.read(dir.resolve("worker-" + i + ".log"));
                assertThat(process.exitValue()).as(c.what() + ": " + output).isIn(c.codes()[0]);
                List<String> lines = output.lines().toList();
                assertThat(lines).as(c.what()).hasSize(1);
                assertThat(lines.get(0)).as(c.what()).startsWith("tack: ").contains(c.message());
            }

            assertThat(board.eventCount()).isEqualTo(eventsBefore);
            assertThat(board.cards()).isEqualTo(before);
            assertThat(board.runs()).isEmpty();
            assertThat(ids).allSatisfy(id -> assertThat(board.card(id).column()).isEqualTo("Todo"));
        }
    }
}
