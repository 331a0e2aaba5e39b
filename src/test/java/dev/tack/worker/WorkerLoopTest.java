package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.tack.board.Claims;
import dev.tack.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker loop run in this JVM, for what needs no second process. */
class WorkerLoopTest {

    @TempDir
    Path dir;

    private static WorkerConfig config(String command, Duration lease, Duration heartbeat, boolean once) {
        return new WorkerConfig(new Claims.Lanes("Todo", "Done", "Doing", "Failed"), command, "loop-worker", 1,
                lease, heartbeat, Duration.ofSeconds(30), 3, Duration.ofMillis(100), Duration.ofSeconds(1), once, !once);
    }

    @Test
    void heartbeatsKeepTheLeaseOfASilentCommandThatOutlivesIt() throws Exception {
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done", "Failed")) {
            long id = board.addCards("Todo", 1, "silent").get(0);
            StringWriter log = new StringWriter();
            // The command prints nothing for three leases: only heartbeats can keep the card.
            Worker worker = new Worker(board.workspaceAs("loop-worker"),
                    config("sleep 2.4", Duration.ofMillis(800), Duration.ofMillis(200), true), new PrintWriter(log, true));

            assertThat(worker.run()).isZero();

            TestBoard.CardRow card = board.card(id);
            List<Run> runs = board.runsOf(id);
            assertThat(runs).as(log.toString()).extracting(Run::outcome).containsExactly("succeeded");
            assertThat(card.column()).isEqualTo("Done");
            assertThat(card.attempts()).isEqualTo(1);
            assertThat(board.eventCount("card.reclaimed")).isZero();
        }
    }

    @Test
    void aCommandsOutputReachesTheRunTailAndItsLog() throws Exception {
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done", "Failed")) {
            long id = board.addCards("Todo", 1, "talkative").get(0);
            StringWriter log = new StringWriter();
            Worker worker = new Worker(board.workspaceAs("loop-worker"),
                    config("echo \"card $TACK_CARD_ID attempt $TACK_ATTEMPT\"; cat; echo oops >&2",
                            Duration.ofSeconds(2), Duration.ofMillis(500), true), new PrintWriter(log, true));

            assertThat(worker.run()).isZero();

            Run run = board.runsOf(id).get(0);
            assertThat(run.outcome()).as(log.toString()).isEqualTo("succeeded");
            assertThat(run.outputTail()).contains("card " + id + " attempt 1", "\"title\":\"talkative 0\"", "oops");
            assertThat(Path.of(run.logPath())).content().contains("card " + id + " attempt 1", "oops");
        }
    }

    /** Two databases in one folder both have a run 1: each keeps its log in a folder of its own. */
    @Test
    void twoDatabasesInOneFolderWriteTheirRunLogsApart() throws Exception {
        try (TestBoard first = TestBoard.createFile(dir.resolve("one.db"), "Todo", "Doing", "Done", "Failed");
             TestBoard second = TestBoard.createFile(dir.resolve("two.db"), "Todo", "Doing", "Done", "Failed")) {
            List<Run> runs = new java.util.ArrayList<>();
            for (TestBoard board : List.of(first, second)) {
                long id = board.addCards("Todo", 1, "job").get(0);
                StringWriter log = new StringWriter();
                Worker worker = new Worker(board.workspaceAs("loop-worker"),
                        config("echo \"ran for $TACK_DB\"", Duration.ofSeconds(2), Duration.ofMillis(500), true), new PrintWriter(log, true));
                assertThat(worker.run()).isZero();
                runs.add(board.runsOf(id).get(0));
            }

            assertThat(runs).extracting(Run::id).containsExactly(1L, 1L);
            assertThat(Path.of(runs.get(0).logPath())).isEqualTo(dir.resolve("one.db.runs/run-1.log"))
                    .content().isEqualTo("ran for " + first.db + "\n");
            assertThat(Path.of(runs.get(1).logPath())).isEqualTo(dir.resolve("two.db.runs/run-1.log"))
                    .content().isEqualTo("ran for " + second.db + "\n");
        }
    }

    /**
     * A command calls the worker's own tack with no tack on PATH: {@code tack} in the --exec line,
     * and {@code $TACK} in a plain sh script it runs. Both reach the worker's database with the
     * run's environment (the script sees TACK_RUN_ID; the comments are signed with TACK_ACTOR).
     */
    @Test
    void aCommandCallsTheWorkersOwnTackWithoutOneOnPath() throws Exception {
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done", "Failed")) {
            long id = board.addCards("Todo", 1, "talks back").get(0);
            Path script = dir.resolve("talk.sh");
            java.nio.file.Files.writeString(script, "#!/bin/sh\nset -e\n$TACK comment \"$TACK_CARD_ID\" \"from a script, run $TACK_RUN_ID\"\n");
            script.toFile().setExecutable(true);
            StringWriter log = new StringWriter();
            Worker worker = new Worker(board.workspaceAs("loop-worker"),
                    config("PATH=/usr/bin:/bin; command -v tack; tack comment \"$TACK_CARD_ID\" \"from the exec line\" && " + script,
                            Duration.ofSeconds(20), Duration.ofSeconds(5), true), new PrintWriter(log, true));

            assertThat(worker.run()).isZero();

            Run run = board.runsOf(id).get(0);
            assertThat(run.outcome()).as("%s%n%s", log, run.outputTail()).isEqualTo("succeeded");
            String shown = board.tack("--json", "show", String.valueOf(id)).out();
            assertThat(shown).contains("from the exec line", "from a script, run " + run.id(), "\"author\": \"loop-worker\"");
        }
    }

    /**
     * A worker whose --doing column is at its hard WIP limit says so once, however often it looks,
     * shows it on people's screens through its presence row, and takes the card when room is made.
     */
    @Test
    void aWorkerBlockedByAHardWipLimitSaysSoOnceAndShowsIt() throws Exception {
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done", "Failed")) {
            dev.tack.board.Workspace person = board.workspaceAs("tester");
            long blocker = board.addCards("Doing", 1, "someone's").get(0);
            new dev.tack.board.Columns(person).limit("Doing", 1, true);
            long id = board.addCards("Todo", 1, "waits").get(0);
            StringWriter log = new StringWriter();
            Worker worker = new Worker(board.workspaceAs("loop-worker"),
                    config("true", Duration.ofSeconds(2), Duration.ofMillis(500), true), new PrintWriter(log, true));
            java.util.concurrent.CompletableFuture<Integer> done = java.util.concurrent.CompletableFuture.supplyAsync(worker::run);

            dev.tack.board.Presence screen = new dev.tack.board.Presence(person, dev.tack.model.Heartbeat.SCREEN);
            String waiting = "waiting: Doing is at its hard WIP limit (1/1)";
            assertThat(TestBoard.await(Duration.ofSeconds(20), () -> screen.others().stream()
                    .anyMatch(h -> h.isWorker() && h.note().equals(waiting)))).as(log.toString()).isTrue();
            // More cards arrive (each commit wakes the worker to look again) and two more beats pass.
            board.addCards("Todo", 2, "more");
            long seen = screen.others().get(0).seenAtMillis();
            assertThat(TestBoard.await(Duration.ofSeconds(20), () -> screen.others().get(0).seenAtMillis() > seen + 2_000)).isTrue();
            assertThat(log.toString().lines().filter(l -> l.contains("waiting:"))).singleElement().asString().endsWith(waiting);

            new dev.tack.board.Cards(person).move(blocker, "Done", null, null);
            assertThat(done.get(60, java.util.concurrent.TimeUnit.SECONDS)).isZero();
            assertThat(board.card(id).column()).as(log.toString()).isEqualTo("Done");
        }
    }

    /**
     * A person takes a running card back: the worker says who did and stops the command, and the
     * events name the worker once (the screen and the log put the actor in front of the summary).
     */
    @Test
    void aCardTakenBackByAPersonIsSaidSoAndSummariesNameTheActorOnce() throws Exception {
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done", "Failed")) {
            long id = board.addCards("Todo", 1, "long").get(0);
            StringWriter log = new StringWriter();
            Worker worker = new Worker(board.workspaceAs("loop-worker"),
                    config("sleep 60", Duration.ofSeconds(2), Duration.ofMillis(200), true), new PrintWriter(log, true));
            java.util.concurrent.CompletableFuture<Integer> done = java.util.concurrent.CompletableFuture.supplyAsync(worker::run);
            assertThat(TestBoard.await(Duration.ofSeconds(20), () -> !board.runsOf(id).isEmpty())).isTrue();

            new dev.tack.board.Cards(board.workspaceAs("alice")).move(id, "Todo", null, null);

            assertThat(done.get(60, java.util.concurrent.TimeUnit.SECONDS)).isZero();
            assertThat(log.toString()).contains("#" + id + " taken back by alice; stopping its command",
                    "#" + id + ": command stopped; the card is alice's now").doesNotContain("lost the lease", "paused");
            assertThat(board.runsOf(id)).extracting(Run::outcome).containsExactly("cancelled");
            assertThat(board.eventSummaries("card.claimed")).containsExactly("claimed #" + id + " (attempt 1), moved to Doing");
            assertThat(board.eventSummaries("run.stale")).containsExactly("stopped its command on #" + id + ": the card had been taken back");
            assertThat(board.card(id).column()).isEqualTo("Todo");
        }
    }

    /** Without --as the worker is the actor; its finished event says "finished #N", read as "w finished #N". */
    @Test
    void aFinishedCardsSummaryLeavesTheActorToTheReader() throws Exception {
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done", "Failed")) {
            long id = board.addCards("Todo", 1, "quick").get(0);
            assertThat(new Worker(board.workspaceAs("loop-worker"), config("true", Duration.ofSeconds(2), Duration.ofMillis(500), true),
                    new PrintWriter(new StringWriter(), true)).run()).isZero();
            assertThat(board.eventSummaries("card.finished")).containsExactly("finished #" + id + ", moved to Done");
            // Acting as someone else (--as), the worker's own name is still said once.
            long other = board.addCards("Todo", 1, "as bot").get(0);
            assertThat(new Worker(board.workspaceAs("ci-bot"), config("true", Duration.ofSeconds(2), Duration.ofMillis(500), true),
                    new PrintWriter(new StringWriter(), true)).run()).isZero();
            assertThat(board.eventSummaries("card.claimed")).last().isEqualTo("claimed #" + other + " as worker loop-worker (attempt 1), moved to Doing");
        }
    }

    @Test
    void theTimeLimitHoldsForACommandThatNeverReadsABigCard() throws Exception {
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done", "Failed")) {
            // More JSON than a pipe holds (64 KiB): writing it blocks until the command reads or exits.
            long id = new dev.tack.board.Cards(board.workspaceAs("tester")).add(new dev.tack.board.NewCard("big",
                    "Todo", "x".repeat(100_000), List.of(), 0, null, null, null)).id();
            WorkerConfig config = new WorkerConfig(new Claims.Lanes("Todo", "Done", "Doing", "Failed"), "sleep 6",
                    "loop-worker", 1, Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofMillis(300), 1,
                    Duration.ofMillis(100), Duration.ofSeconds(1), true, false);
            StringWriter log = new StringWriter();

            assertThat(new Worker(board.workspaceAs("loop-worker"), config, new PrintWriter(log, true)).run()).isZero();

            assertThat(board.runsOf(id)).as(log.toString()).extracting(Run::outcome).containsExactly("timed-out");
            assertThat(board.card(id).column()).isEqualTo("Failed");
        }
    }

    @Test
    void aCommandPastItsTimeLimitIsKilledAndCountsAsAFailedAttempt() throws Exception {
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done", "Failed")) {
            long id = board.addCards("Todo", 1, "too slow").get(0);
            WorkerConfig slow = new WorkerConfig(new Claims.Lanes("Todo", "Done", "Doing", "Failed"), "sleep 30",
                    "loop-worker", 1, Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofMillis(300), 1,
                    Duration.ofMillis(100), Duration.ofSeconds(1), true, false);
            StringWriter log = new StringWriter();

            assertThat(new Worker(board.workspaceAs("loop-worker"), slow, new PrintWriter(log, true)).run()).isZero();

            assertThat(board.runsOf(id)).as(log.toString()).extracting(Run::outcome).containsExactly("timed-out");
            TestBoard.CardRow card = board.card(id);
            assertThat(card.column()).isEqualTo("Failed");
            assertThat(card.failed()).isTrue();
        }
    }
}
