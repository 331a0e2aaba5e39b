package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import dev.tack.Main;
import dev.tack.testing.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: "agents retry". Real tack processes, on both engines, retry one {@code tack add} with
 * one idempotency key: at the same time (an agent whose first call timed out while still running)
 * and one after another. The board ends with one card, and every process printed the same id.
 */
class AgentRetryProcessTest extends EngineCliFixture {

    private record Run(int exit, String out, String err) {
    }

    private Process start(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--db", location));
        all.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.command(folder, Main.class, all.toArray(String[]::new)));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("TACK_") || key.equals("JAVA_TOOL_OPTIONS"));
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return builder.start();
    }

    private static Run finish(Process process) throws Exception {
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void racingAndLateRetriesOfOneKeyAddOneCard() throws Exception {
        List<Process> racing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racing.add(start("add", "Fix the flaky test", "-t", "agent", "--idempotency-key", "task-42"));
        }
        List<Run> runs = new ArrayList<>();
        for (Process process : racing) {
            runs.add(finish(process));
        }
        runs.add(finish(start("add", "Fix the flaky test", "-t", "agent", "--idempotency-key", "task-42")));

        assertThat(runs).allSatisfy(run -> assertThat(run.exit()).as(run.err()).isZero());
        assertThat(runs.stream().map(Run::out).distinct()).singleElement().isEqualTo("1\n");
        assertThat(runs.stream().filter(run -> run.err().contains("replayed"))).hasSize(4);
        assertThat(number("SELECT count(*) FROM cards")).isEqualTo(1);
        assertThat(number("SELECT count(*) FROM events WHERE kind = 'card.added'")).isEqualTo(1);
    }

    @Test
    void aKeyReusedForOtherWorkIsRefusedInAnotherProcess() throws Exception {
        assertThat(finish(start("add", "First", "--idempotency-key", "k")).exit()).isZero();

        Run other = finish(start("add", "Second", "--idempotency-key", "k"));

        assertThat(other.exit()).isEqualTo(4);
        assertThat(other.out()).isEmpty();
        assertThat(other.err().lines()).singleElement().asString().startsWith("tack: idempotency key 'k' was used at");
        assertThat(number("SELECT count(*) FROM cards")).isEqualTo(1);
    }
}
