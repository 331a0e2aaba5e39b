package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import dev.tack.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/worker-echo.sh run by a real worker: it comments on each card and fails the ones that ask to. */
class ExampleWorkerScriptTest {

    private static final Path SCRIPT = Path.of("examples", "worker-echo.sh").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void theExampleScriptCommentsOnCardsAndFailsThoseThatAsk() {
        assertThat(SCRIPT).isRegularFile();
        assertThat(Files.isExecutable(SCRIPT)).as("examples/worker-echo.sh is executable").isTrue();
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done", "Failed")) {
            long hello = board.addCards("Todo", 1, "hello").get(0);
            long failByTitle = board.addCards("Todo", 1, "Fail please").get(0);
            long failByTag = board.addCards("Todo", 1, "tagged").get(0);
            assertThat(board.tack("edit", String.valueOf(failByTag), "-t", "+fail").code()).isZero();

            // No tack on PATH and no TACK given, as for someone who built tack from source and
            // started the worker through an alias: the worker itself tells the script how to call tack.
            Process worker = board.startWorker(Map.of("PATH", "/usr/bin:/bin"), "--from", "Todo", "--to", "Done",
                    "--doing", "Doing", "--fail", "Failed", "--max-attempts", "1", "--exec", SCRIPT.toString(),
                    "--name", "echoer", "--lease", "4s", "--heartbeat", "1s", "--exit-when-idle");
            assertThat(TestBoard.exited(worker, Duration.ofSeconds(120))).as(board.logs()).isTrue();
            assertThat(worker.exitValue()).as(board.logs()).isZero();

            assertThat(board.card(hello).column()).as(board.logs()).isEqualTo("Done");
            assertThat(board.card(failByTitle).column()).isEqualTo("Failed");
            assertThat(board.card(failByTag).column()).isEqualTo("Failed");

            Run helloRun = board.runsOf(hello).get(0);
            assertThat(helloRun.outcome()).isEqualTo("succeeded");
            assertThat(helloRun.outputTail()).contains("card #" + hello + ": hello 0 (attempt 1", "step 3/3", "done");
            assertThat(board.runsOf(failByTag).get(0).outputTail()).contains("this card asks to fail");
            assertThat(board.runsOf(failByTag).get(0).exitCode()).isEqualTo(1);

            String shown = board.tack("--json", "show", String.valueOf(hello)).out();
            assertThat(shown).contains("worker-echo: echoed on attempt 1", "\"author\": \"echoer\"");
            assertThat(board.tack("--json", "show", String.valueOf(failByTitle)).out()).contains("giving up on attempt 1");
            List<String> comments = board.eventSummaries("card.commented");
            assertThat(comments).hasSize(3);
        }
    }
}
