package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.tack.board.Cards;
import dev.tack.board.Claims;
import dev.tack.board.Links;
import dev.tack.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workers claim only ready cards (issue 12): a card that waits for another is skipped until that one is done. */
class WorkerReadinessTest {

    @TempDir
    Path dir;

    private static WorkerConfig config(boolean once) {
        return new WorkerConfig(new Claims.Lanes("Todo", "Done", "Doing", "Failed"), "true", "loop-worker", 1,
                Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(30), 3, Duration.ofMillis(100),
                Duration.ofSeconds(1), once, !once);
    }

    @Test
    void aWorkerSkipsABlockedCardAndTakesItOnceItsPrerequisiteIsDone() throws Exception {
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done", "Failed")) {
            List<Long> ids = board.addCards("Todo", 2, "job");
            long deploy = ids.get(0); // at the top of Todo: a worker would take it first
            long migrate = ids.get(1);
            new Links(board.workspaceAs("alice")).link(deploy, migrate);
            board.columnsOf("alice").markDone("Done", true); // Failed, the last column, must not count as done

            StringWriter log = new StringWriter();
            Worker worker = new Worker(board.workspaceAs("loop-worker"), config(false), new PrintWriter(log, true));
            assertThat(worker.run()).isZero();

            List<Run> runs = board.runs();
            assertThat(runs).as(log.toString()).extracting(Run::cardId).containsExactlyInAnyOrder(migrate, deploy);
            Run first = runs.stream().filter(r -> r.cardId() == migrate).findFirst().orElseThrow();
            Run second = runs.stream().filter(r -> r.cardId() == deploy).findFirst().orElseThrow();
            assertThat(first.id()).as("the prerequisite ran first").isLessThan(second.id());
            assertThat(board.card(deploy).column()).isEqualTo("Done");
        }
    }

    /**
     * The same with a real {@code tack worker} process, whose lane cannot make the prerequisite
     * ready: it takes the ready card under the blocked one (so its claim passed over the blocked
     * card), leaves the blocked card alone, and takes it once another process moves its
     * prerequisite to Done.
     */
    @Test
    void aWorkerProcessSkipsABlockedCardAndTakesItOnceAnotherProcessFinishesItsPrerequisite() {
        try (TestBoard board = TestBoard.create(dir, "Todo", "Review", "Doing", "Done", "Failed")) {
            long migrate = board.addCards("Review", 1, "migrate").get(0); // outside the worker's lane
            long deploy = board.addCards("Todo", 1, "deploy").get(0); // at the top of Todo
            long docs = board.addCards("Todo", 1, "docs").get(0);
            new Links(board.workspaceAs("alice")).link(deploy, migrate);
            board.columnsOf("alice").markDone("Done", true);

            board.startWorker("--from", "Todo", "--to", "Done", "--doing", "Doing", "--fail", "Failed",
                    "--exec", "echo ran $TACK_CARD_ID", "--name", "gatekeeper", "--lease", "30s", "--heartbeat", "1s");
            assertThat(TestBoard.await(Duration.ofSeconds(60), () -> board.card(docs).column().equals("Done")))
                    .as(board.logs()).isTrue();
            assertThat(board.runs()).as("the claim that took docs passed over deploy").extracting(Run::cardId).containsExactly(docs);
            assertThat(board.card(deploy).column()).isEqualTo("Todo");
            assertThat(board.card(deploy).claimedBy()).isNull();

            Process mv = board.startTack("--as", "alice", "mv", String.valueOf(migrate), "Done");
            assertThat(TestBoard.exited(mv, Duration.ofSeconds(60))).isTrue();
            assertThat(mv.exitValue()).as(board.logs()).isZero();
            assertThat(TestBoard.await(Duration.ofSeconds(60), () -> board.card(deploy).column().equals("Done")))
                    .as(board.logs()).isTrue();
            assertThat(board.runs()).extracting(Run::cardId).containsExactly(docs, deploy);
            assertThat(board.runsOf(deploy)).singleElement().satisfies(run -> assertThat(run.outputTail()).contains("ran " + deploy));
        }
    }

    @Test
    void aPrerequisiteMovedBackOutOfDoneIsSeenByTheNextClaim() throws Exception {
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done", "Failed")) {
            long migrate = board.addCards("Done", 1, "migrate").get(0);
            long deploy = board.addCards("Todo", 1, "deploy").get(0);
            new Links(board.workspaceAs("alice")).link(deploy, migrate);
            board.columnsOf("alice").markDone("Done", true);
            new Cards(board.workspaceAs("alice")).move(migrate, "Doing", null, null);

            Claims claims = new Claims(board.workspaceAs("loop-worker"));
            assertThat(claims.attempt(config(true).lanes(), "loop-worker", 5_000, dir.toString()))
                    .isInstanceOf(Claims.Nothing.class);
            assertThat(claims.anyWaiting(config(true).lanes())).as("nothing this lane can make ready").isFalse();

            new Cards(board.workspaceAs("alice")).move(migrate, "Done", null, null);
            assertThat(claims.claim(config(true).lanes(), "loop-worker", 5_000, dir.toString()))
                    .hasValueSatisfying(c -> assertThat(c.card().id()).isEqualTo(deploy));
        }
    }
}
