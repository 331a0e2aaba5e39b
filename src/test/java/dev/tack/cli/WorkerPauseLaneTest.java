package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.tack.Main;
import dev.tack.testing.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * A real worker process whose command always exits 7: with --pause-after 3 it fails three cards,
 * then stops claiming, says why, leaves an event and exits 7, instead of burning through the queue;
 * tack doctor then reports the worker.
 */
class WorkerPauseLaneTest extends CliFixture {

    @Test
    void aWorkerWhoseCommandKeepsFailingTheSameWayPausesItsLaneAndExitsSeven() throws InterruptedException {
        tack("column", "add", "Failed").expectOk();
        for (int i = 1; i <= 6; i++) {
            add("job " + i);
        }
        List<String> args = new ArrayList<>(List.of("--db", location, "worker", "--from", "Todo", "--doing", "Doing", "--to", "Done",
                "--fail", "Failed", "--exec", "echo broken >&2; exit 7", "--name", "w1", "--pause-after", "3",
                "--max-attempts", "5", "--backoff", "1h"));
        try (ChildJvm worker = ChildJvm.start("worker", folder, Main.class, args.toArray(String[]::new))) {
            assertThat(worker.awaitExit(Duration.ofMinutes(2))).as(worker.stderr()).isEqualTo(7);
            assertThat(worker.stderr()).contains("pausing the lane Todo: its command failed 3 times in a row (exit 7); no more claims");
            assertThat(worker.stderr()).contains("paused: its command failed 3 times in a row (exit 7); exit 7");
        }
        assertThat(number("SELECT count(*) FROM runs")).as("three runs, then no more claims").isEqualTo(3);
        assertThat(number("SELECT count(*) FROM runs WHERE outcome = 'failed' AND exit_code = 7")).isEqualTo(3);
        assertThat(number("SELECT count(*) FROM cards WHERE attempts = 0")).as("the rest of the queue untouched").isEqualTo(3);
        assertThat(number("SELECT count(*) FROM cards WHERE claimed_by IS NOT NULL")).isZero();
        assertThat(tack("log").expectOk().out()).contains("paused the lane Todo: its command failed 3 times in a row (exit 7)");

        CliRun.Result doctor = tack("doctor");
        assertThat(doctor.exit()).isEqualTo(1);
        assertThat(doctor.out()).contains("problem  workers: worker w1: its last 3 runs all failed (exit 7; cards #");
    }

    @Test
    void differentExitCodesDoNotPauseTheLane() throws InterruptedException {
        for (int i = 1; i <= 4; i++) {
            add("job " + i);
        }
        List<String> args = List.of("--db", location, "worker", "--from", "Todo", "--to", "Done", "--name", "w2",
                "--exec", "exit $((TACK_CARD_ID % 2 + 3))", "--pause-after", "2", "--max-attempts", "1", "--exit-when-idle");
        try (ChildJvm worker = ChildJvm.start("worker", folder, Main.class, args.toArray(String[]::new))) {
            assertThat(worker.awaitExit(Duration.ofMinutes(2))).as(worker.stderr()).isZero();
            assertThat(worker.stderr()).doesNotContain("pausing");
        }
        assertThat(number("SELECT count(*) FROM runs WHERE outcome = 'failed'")).isEqualTo(4);
    }

    @Test
    void aNegativePauseAfterIsAUsageError() {
        CliRun.Snapshot before = snapshot();
        tack("worker", "--from", "Todo", "--to", "Done", "--exec", "true", "--pause-after", "-1").expectError(2);
        assertThat(snapshot()).isEqualTo(before);
    }
}
