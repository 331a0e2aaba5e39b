package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.tack.model.Run;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker killed with -9 in the middle of long commands leaves them running. The next worker on
 * the host stops them before it runs those cards again: the commands' own start/end log shows no
 * two executions of one card overlapping, and the lost runs say what happened.
 */
class WorkerOrphanTest {

    private static final int CARDS = 3;

    @TempDir
    Path dir;

    /**
     * Each execution logs its start (with its shell's pid) and its end (also when stopped by
     * SIGTERM; a SIGKILLed one cannot). Whether an earlier execution of the card still runs is asked
     * of the kernel, not of a trap: every execution records its own pid and its sleep's in
     * {@code pids-CARD}, and at its start checks each recorded pid in {@code /proc}; one still there
     * and not a zombie is logged as "overlap". The first attempt runs for a minute; later ones are short.
     */
    private String command() {
        String log = "'" + dir.resolve("job.log") + "'";
        String pids = "'" + dir + "'/pids-$TACK_CARD_ID";
        // The trap comes first: a SIGTERM at any later moment is logged as this execution's end.
        return "trap 'echo \"end $TACK_CARD_ID $TACK_RUN_ID $(date +%s%N) term\" >> " + log + "; exit 143' TERM;"
                + " for p in $(cat " + pids + " 2>/dev/null); do"
                + " if [ -e /proc/$p/stat ] && ! grep -q ') Z ' /proc/$p/stat 2>/dev/null;"
                + " then echo \"overlap $TACK_CARD_ID $TACK_RUN_ID $p\" >> " + log + "; fi; done;"
                + " echo $$ >> " + pids + ";"
                + " echo \"start $TACK_CARD_ID $TACK_RUN_ID $$ $(date +%s%N)\" >> " + log + ";"
                + " if [ \"$TACK_ATTEMPT\" = 1 ]; then sleep 60 & else sleep 0.3 & fi;"
                + " echo $! >> " + pids + "; wait $!;"
                + " echo \"end $TACK_CARD_ID $TACK_RUN_ID $(date +%s%N) done\" >> " + log + ";";
    }

    private Process worker(TestBoard board, String name) {
        return board.startWorker("--from", "Todo", "--to", "Done", "--doing", "Doing", "--exec", command(), "--name", name,
                "--concurrency", String.valueOf(CARDS), "--lease", "3s", "--heartbeat", "500ms", "--backoff", "200ms",
                "--max-attempts", "3", "--exit-when-idle");
    }

    /** One execution of a card's command, from the log: start and end in nanoseconds. */
    private record Execution(long card, long run, long start, Long end, String how) {
    }

    @RepeatedTest(3)
    void aCommandLeftByAKilledWorkerIsStoppedBeforeItsCardRunsAgain() throws Exception {
        Path log = dir.resolve("job.log");
        try (TestBoard board = TestBoard.create(dir, "Todo", "Doing", "Done")) {
            List<Long> ids = board.addCards("Todo", CARDS, "long job");
            Process first = worker(board, "w1");
            assertThat(TestBoard.await(Duration.ofSeconds(60), () -> TestBoard.lines(log).stream().filter(l -> l.startsWith("start")).count() == CARDS))
                    .as(board.logs()).isTrue();

            first.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to stop its commands
            assertThat(TestBoard.exited(first, Duration.ofSeconds(10))).isTrue();
            List<Run> orphaned = board.runs();
            for (Run run : orphaned) {
                assertThat(JobProcesses.ofRun(run.id(), board.db)).as("run %d's command outlives its worker", run.id()).isNotEmpty();
            }

            Process second = worker(board, "w2");
            assertThat(TestBoard.exited(second, Duration.ofSeconds(90))).as(board.logs()).isTrue();
            assertThat(second.exitValue()).as(board.logs()).isZero();

            List<String> lines = TestBoard.lines(log);
            assertThat(lines).as("the commands' own log; runs %s%n%s", board.runs(), board.logs()).noneMatch(l -> l.startsWith("overlap"));
            Map<Long, List<Execution>> byCard = executions(lines);
            assertThat(byCard.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            for (List<Execution> runs : byCard.values()) {
                assertThat(runs).as("executions of one card %s", runs).hasSize(2);
                // The orphan ends by SIGTERM (its trap logs "term") or, past the grace, by SIGKILL (no
                // line); either way the kernel check above proved it gone before the card ran again.
                if (runs.get(0).end() != null) {
                    assertThat(runs.get(0).how()).isEqualTo("term");
                    assertThat(runs.get(0).end()).as("the orphan ended before the card ran again").isLessThan(runs.get(1).start());
                }
                assertThat(runs.get(1).how()).isEqualTo("done");
            }
            for (Run run : orphaned) {
                assertThat(JobProcesses.ofRun(run.id(), board.db)).isEmpty();
            }

            for (long id : ids) {
                assertThat(board.card(id).column()).isEqualTo("Done");
                List<Run> runs = board.runsOf(id);
                assertThat(runs).extracting(Run::worker, Run::outcome).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("w1", "lost"), org.assertj.core.groups.Tuple.tuple("w2", "succeeded"));
                assertThat(runs.get(0).outputTail()).contains("its worker w1 (pid " + first.pid() + ") is gone",
                        "its command was still running and was stopped by w2");
            }
            assertThat(TestBoard.read(dir.resolve("worker-1.log"))).contains("stopping it before the card runs again");
            assertThat(board.tack("check").code()).isZero();
        }
    }

    private static Map<Long, List<Execution>> executions(List<String> lines) {
        Map<Long, Execution> open = new TreeMap<>();
        Map<Long, List<Execution>> byCard = new TreeMap<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            long run = Long.parseLong(f[2]);
            if (f[0].equals("start")) {
                open.put(run, new Execution(Long.parseLong(f[1]), run, Long.parseLong(f[4]), null, null));
            } else if (f[0].equals("end")) {
                Execution started = open.remove(run);
                assertThat(started).as("an end without a start: %s", line).isNotNull();
                byCard.computeIfAbsent(started.card(), c -> new ArrayList<>())
                        .add(new Execution(started.card(), run, started.start(), Long.parseLong(f[3]), f[4]));
            }
        }
        open.values().forEach(e -> byCard.computeIfAbsent(e.card(), c -> new ArrayList<>()).add(e));
        byCard.values().forEach(list -> list.sort(java.util.Comparator.comparingLong(Execution::start)));
        return byCard;
    }
}
