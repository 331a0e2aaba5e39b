package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.tack.model.Run;
import dev.tack.store.sqlite.Database;
import dev.tack.model.TackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker paused (SIGSTOP) past its lease: another worker takes the card and finishes it, and
 * when the first one wakes up its late result is refused as stale. If the paused worker's command
 * still runs, the other worker (on the same host) stops it before running the card again.
 */
class WorkerPauseTest {

    /** The first attempt takes {@code seconds}, longer than the 2 s lease; later attempts are quick. */
    private String command(int seconds) {
        return "if [ \"$TACK_ATTEMPT\" = 1 ]; then sleep " + seconds + "; touch '" + firstAttemptDone() + "'; fi;"
                + " echo \"attempt $TACK_ATTEMPT done\"";
    }

    private Path firstAttemptDone() {
        return dir.resolve("first-attempt-done");
    }

    @TempDir
    Path dir;

    private String[] workerArgs(String name, int seconds) {
        return new String[] {"--from", "Todo", "--to", "Done", "--doing", "Doing", "--fail", "Failed", "--exec", command(seconds),
            "--name", name, "--lease", "2s", "--heartbeat", "500ms", "--backoff", "200ms", "--once"};
    }

    /** A's command ends while A is stopped; A reports its end when it wakes. */
    @Test
    void aWorkerPausedPastItsLeaseHasItsLateFinishRefused() {
        pausedPastTheLease(3);
    }

    /** A's command still runs when B reclaims the card: B stops it first, so the card never runs twice at once. */
    @Test
    void aPausedWorkersCommandIsStoppedBeforeTheCardRunsAgain() {
        pausedPastTheLease(60);
    }

    /** Returns worker A's log. */
    private String pausedPastTheLease(int firstAttemptSeconds) {
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done", "Failed")) {
            long id = board.addCards("Todo", 1, "slow job").get(0);
            Process a = board.startWorker(workerArgs("worker-a", firstAttemptSeconds));
            // The run is recorded at the claim, a moment before the command starts: wait for both,
            // or A could be stopped before its command exists (and then it never runs while A is stopped).
            assertThat(TestBoard.await(Duration.ofSeconds(30), () -> board.runsOf(id).stream()
                    .anyMatch(r -> r.outcome().equals("running") && r.pid() == a.pid())
                    && a.descendants().findAny().isPresent())).as(board.logs()).isTrue();

            stopOutsideTheWriteLock(board, a);
            // A cannot beat while stopped: wait for its lease to run out.
            assertThat(TestBoard.await(Duration.ofSeconds(10), () -> {
                TestBoard.CardRow card = board.card(id);
                return card.leaseUntil() != null && card.leaseUntil() < System.currentTimeMillis();
            })).isTrue();

            if (firstAttemptSeconds < 10) {
                assertThat(TestBoard.await(Duration.ofSeconds(20), () -> java.nio.file.Files.exists(firstAttemptDone())))
                        .as("A's command ended while A was stopped; %s", board.logs()).isTrue();
            }
            Process b = board.startWorker(workerArgs("worker-b", firstAttemptSeconds));
            assertThat(TestBoard.exited(b, Duration.ofSeconds(60))).as(board.logs()).isTrue();
            assertThat(b.exitValue()).as(board.logs()).isZero();
            TestBoard.CardRow afterB = board.card(id);
            assertThat(afterB.column()).as(board.logs()).isEqualTo("Done");
            assertThat(afterB.attempts()).isEqualTo(2);
            assertThat(board.eventSummaries("card.reclaimed")).singleElement().asString()
                    .contains("worker-a", "lease expired");
            assertThat(a.isAlive()).isTrue();

            if (firstAttemptSeconds >= 10) {
                assertThat(a.descendants().filter(JobProcesses::alive).toList()).as("B stopped A's command").isEmpty();
                assertThat(TestBoard.read(dir.resolve("worker-1.log"))).contains("let its lease run out but its command still runs");
                assertThat(java.nio.file.Files.exists(firstAttemptDone())).isFalse();
            }
            List<ProcessHandle> commandOfA = a.descendants().toList();
            TestBoard.signal(a, "CONT");
            assertThat(TestBoard.exited(a, Duration.ofSeconds(30))).as(board.logs()).isTrue();
            // (Killed processes may take a moment to be reaped once their parent is gone.)
            assertThat(TestBoard.await(Duration.ofSeconds(10), () -> commandOfA.stream().noneMatch(ProcessHandle::isAlive)))
                    .as("A's command %s is not left running", commandOfA).isTrue();
            assertThat(a.exitValue()).isZero();

            List<Run> runs = board.runsOf(id);
            assertThat(runs).as(board.logs()).extracting(Run::worker, Run::outcome)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("worker-a", "stale"),
                            org.assertj.core.groups.Tuple.tuple("worker-b", "succeeded"));
            assertThat(runs.get(0).pid()).isEqualTo(a.pid());
            if (firstAttemptSeconds >= 10) {
                assertThat(runs.get(0).outputTail()).contains("its worker worker-a (pid " + a.pid() + ") let its lease run out",
                        "stopped by worker-b before the card ran again");
            }
            assertThat(board.eventSummaries("run.stale")).singleElement().asString()
                    .isEqualTo("ended #" + id + " too late (" + (firstAttemptSeconds >= 10 ? "failed (exit 143)" : "succeeded (exit 0)")
                            + "), ignored: its lease had expired");
            TestBoard.CardRow end = board.card(id);
            assertThat(end).isEqualTo(afterB);
            assertThat(end.claimedBy()).isNull();
            String logOfA = TestBoard.read(dir.resolve("worker-0.log"));
            assertThat(logOfA).contains("ignored");
            assertThat(board.tack("check").code()).isZero();
            return logOfA;
        }
    }

    /**
     * Stops {@code worker}; if it was stopped in the middle of a write (a heartbeat), every other
     * writer would wait for it and give up as "board is busy", so let it go on and stop it again.
     */
    private static void stopOutsideTheWriteLock(TestBoard board, Process worker) {
        for (int tries = 0; tries < 20; tries++) {
            TestBoard.signal(worker, "STOP");
            if (writeLockFree(board)) {
                return;
            }
            TestBoard.signal(worker, "CONT");
            TestBoard.sleep(50);
        }
        throw new AssertionError("worker kept holding the write lock");
    }

    private static boolean writeLockFree(TestBoard board) {
        try (Database probe = Database.open(board.db, new Database.Options(false, false, Duration.ofMillis(300)), null)) {
            probe.writer().write(tx -> null); // BEGIN IMMEDIATE; COMMIT: changes nothing
            return true;
        } catch (TackException e) {
            if (e.kind() == TackException.Kind.BUSY) {
                return false;
            }
            throw e;
        } finally {
            // Back to the default deadline for this JVM's later writes to the file.
            Database.open(board.db, Database.Options.defaults(), null).close();
        }
    }
}
