package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.tack.cli.TackCommand;
import dev.tack.model.Hosts;
import dev.tack.testing.PostgresServer;
import dev.tack.testing.SchemaProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers of one PostgreSQL board on two hosts. Worker A runs in a UTS namespace of its own
 * ({@code unshare --uts}, host name {@code host-a}), so its claims name a host where this machine's
 * pids mean nothing; worker B runs on this host. A proves itself alive by its session lock only.
 */
class WorkerAcrossHostsTest {

    private static final String OTHER_HOST = "host-a";

    @TempDir
    Path dir;

    private String url;
    private SchemaProbe probe;
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    @BeforeEach
    void board() {
        PostgresServer server = PostgresServer.get();
        String schema = server.freshSchemaName();
        probe = new SchemaProbe(server, schema);
        url = server.url(schema);
        cli("init", "--db", url, "--columns", "Todo,Doing,Done,Failed");
    }

    @AfterEach
    void stopAll() throws IOException {
        for (Process process : processes) {
            if (!process.isAlive()) {
                continue;
            }
            TestBoard.signal(process, "CONT");
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        // A's command outlives A (a job is the leader of its own session): it wrote its pid.
        Path pid = dir.resolve("first-attempt.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** The first attempt runs for a minute (and says its pid); later attempts end at once. */
    private String command() {
        return "if [ \"$TACK_ATTEMPT\" = 1 ]; then echo $$ > '" + dir.resolve("first-attempt.pid") + "'; exec sleep 60; fi;"
                + " echo \"attempt $TACK_ATTEMPT done\"";
    }

    private List<String> workerArgs(String name) {
        return List.of("--db", url, "worker", "--from", "Todo", "--to", "Done", "--doing", "Doing", "--fail", "Failed",
                "--exec", command(), "--name", name, "--lease", "60s", "--heartbeat", "1s", "--backoff", "100ms", "--once");
    }

    /** Killed with -9 on host-a mid-job: B on this host reclaims the card at once, long before A's 60 s lease ends. */
    @Test
    void aKilledWorkerOnAnotherHostIsReclaimedWithoutWaitingForItsLease() throws Exception {
        long id = addCard("build the thing");
        Process a = startOnOtherHost("worker-a", workerArgs("worker-a"));
        awaitRunningOf(id, a);
        long leaseOfA = leaseUntil(id);

        TestBoard.signal(a, "KILL");
        assertThat(TestBoard.exited(a, Duration.ofSeconds(10))).isTrue();
        Process b = start("worker-b", workerArgs("worker-b"));
        assertThat(TestBoard.exited(b, Duration.ofSeconds(50))).as(logs()).isTrue();
        assertThat(b.exitValue()).as(logs()).isZero();

        assertThat(column(id)).as(logs()).isEqualTo("Done");
        List<List<String>> reclaims = probe.rows("SELECT summary, at FROM events WHERE kind = 'card.reclaimed'");
        assertThat(reclaims).as(logs()).hasSize(1);
        assertThat(reclaims.get(0).get(0)).contains("worker-a", "pid " + a.pid(), "gone");
        assertThat(Instant.parse(reclaims.get(0).get(1)).toEpochMilli())
                .as("reclaimed while A's lease still ran: proven gone, not expired").isLessThan(leaseOfA);
        assertThat(probe.rows("SELECT worker, host, outcome FROM runs WHERE card_id = " + id + " ORDER BY id"))
                .extracting(r -> String.join(" ", r))
                .containsExactly("worker-a " + OTHER_HOST + " lost", "worker-b " + Hosts.name() + " succeeded");
        assertThat(cli("--db", url, "check")).contains("ok");
    }

    /**
     * A's session to the server is cut (its mark of life terminated) while A itself is stopped: B
     * reclaims at once and finishes the card; when A wakes, its heartbeat is refused and its late
     * result is recorded stale, changing nothing.
     */
    @Test
    void aWorkerWhoseSessionWasLostHasItsLateResultRefused() throws Exception {
        long id = addCard("deploy");
        Process a = startOnOtherHost("worker-a", workerArgs("worker-a"));
        awaitRunningOf(id, a);
        stopOutsideTheWriteLock(a);
        long ended = probe.number("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name LIKE ?",
                "%(worker alive, pid " + a.pid() + " on " + OTHER_HOST + ")%");
        assertThat(ended).as("A's mark of life is one session").isEqualTo(1);

        Process b = start("worker-b", workerArgs("worker-b"));
        assertThat(TestBoard.exited(b, Duration.ofSeconds(50))).as(logs()).isTrue();
        assertThat(b.exitValue()).as(logs()).isZero();
        assertThat(column(id)).isEqualTo("Done");
        List<String> afterB = probe.rows("SELECT version, coalesce(claimed_by, '') FROM cards WHERE id = " + id).get(0);

        TestBoard.signal(a, "CONT");
        assertThat(TestBoard.exited(a, Duration.ofSeconds(40))).as(logs()).isTrue();
        assertThat(probe.rows("SELECT worker, outcome FROM runs WHERE card_id = " + id + " ORDER BY id"))
                .as(logs()).extracting(r -> String.join(" ", r))
                .containsExactly("worker-a stale", "worker-b succeeded");
        assertThat(probe.rows("SELECT summary FROM events WHERE kind = 'run.stale'")).hasSize(1);
        assertThat(probe.rows("SELECT summary FROM events WHERE kind = 'card.reclaimed'").get(0).get(0)).contains("worker-a", "gone");
        assertThat(probe.rows("SELECT version, coalesce(claimed_by, '') FROM cards WHERE id = " + id).get(0))
                .as("A's late result changed nothing").isEqualTo(afterB);
        assertThat(column(id)).isEqualTo("Done");
    }

    // --- the board, through tack and behind its back

    /**
     * B's heartbeats wait on the server's write lock, which another client holds for longer than
     * B's lease: B stops its command before the lease it last wrote runs out, so that nobody takes
     * the card and runs it again beside it (the same rule as on a file, WorkerLeaseRenewalTest).
     */
    @Test
    void aWorkerWhoseHeartbeatsWaitOnTheServerStopsItsCommandBeforeItsLeaseRunsOut() throws Exception {
        long id = addCard("long job");
        Process b = start("worker-b", List.of("--db", url, "worker", "--from", "Todo", "--to", "Done", "--doing", "Doing",
                "--fail", "Failed", "--exec", command(), "--name", "worker-b", "--lease", "4s", "--heartbeat", "1s",
                "--backoff", "100ms", "--once"));
        awaitRunningOf(id, b);
        Path pidFile = dir.resolve("first-attempt.pid");
        assertThat(TestBoard.await(Duration.ofSeconds(30), () -> !TestBoard.read(pidFile).isBlank())).as(logs()).isTrue();
        ProcessHandle job = ProcessHandle.of(Long.parseLong(TestBoard.read(pidFile).strip())).orElseThrow();

        long stoppedAt;
        long leaseUntil;
        try (Connection holder = probe.connect()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_xact_lock(?, 1)")) { // tack's write lock
                lock.setInt(1, probe.schema().hashCode() & 0x7fffffff);
                lock.executeQuery().close();
            }
            leaseUntil = leaseUntil(id); // no heartbeat can extend it from here on
            job.onExit().get(30, TimeUnit.SECONDS);
            stoppedAt = System.currentTimeMillis();
            holder.rollback();
        }
        assertThat(stoppedAt).as("the command stopped before the lease it could not renew ran out; %s", logs()).isLessThan(leaseUntil);
        assertThat(TestBoard.exited(b, Duration.ofSeconds(60))).as(logs()).isTrue();
        assertThat(logs()).contains("#" + id + ": could not renew its lease for 3.0s");
        assertThat(probe.lines("SELECT output_tail FROM runs WHERE card_id = " + id + " ORDER BY id").get(0))
                .contains("tack: stopped because this worker could not renew its lease on the card in time");
    }

    private String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TackCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(code).as("tack %s: %s", String.join(" ", args), err).isZero();
        return out.toString();
    }

    private long addCard(String title) {
        return Long.parseLong(cli("--db", url, "add", title).strip());
    }

    private void awaitRunningOf(long id, Process worker) throws Exception {
        assertThat(TestBoard.await(Duration.ofSeconds(60), () -> probe.number("SELECT count(*) FROM runs WHERE card_id = ? AND pid = ?"
                + " AND outcome = 'running'", id, worker.pid()) == 1 && Files.exists(dir.resolve("first-attempt.pid"))))
                .as(logs()).isTrue();
    }

    private long leaseUntil(long id) {
        return probe.number("SELECT lease_until FROM cards WHERE id = ?", id);
    }

    private String column(long id) {
        return probe.rows("SELECT col.name FROM cards c JOIN columns col ON col.id = c.column_id WHERE c.id = " + id).get(0).get(0);
    }

    /** Stops {@code worker}, again if it was caught holding the write lock (a heartbeat's commit), which would stall B. */
    private void stopOutsideTheWriteLock(Process worker) {
        for (int tries = 0; tries < 40; tries++) {
            TestBoard.signal(worker, "STOP");
            if (probe.number("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory'"
                    + " AND l.granted AND l.objsubid = 2 AND a.application_name LIKE ?", "%pid " + worker.pid() + " on%") == 0) {
                return;
            }
            TestBoard.signal(worker, "CONT");
            TestBoard.sleep(50);
        }
        throw new AssertionError("worker kept holding the write lock");
    }

    // --- processes

    /** {@code tack args…} in a new JVM whose host name is {@link #OTHER_HOST} (a UTS namespace of its own). */
    private Process startOnOtherHost(String name, List<String> args) {
        List<String> argv = new ArrayList<>(List.of("unshare", "--uts", "sh", "-c", "hostname " + OTHER_HOST + " && exec \"$@\"", "sh"));
        argv.addAll(TestBoard.javaCommand());
        argv.addAll(args);
        return launch(name, argv);
    }

    private Process start(String name, List<String> args) {
        List<String> argv = new ArrayList<>(TestBoard.javaCommand());
        argv.addAll(args);
        return launch(name, argv);
    }

    private Process launch(String name, List<String> argv) {
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("TACK_DB");
        builder.environment().remove("TACK_BOARD");
        builder.environment().remove("TACK_ACTOR");
        builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        try {
            Process process = builder.start();
            processes.add(process);
            logs.add(log);
            return process;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + argv, e);
        }
    }

    private String logs() {
        StringBuilder text = new StringBuilder();
        for (Path log : logs) {
            text.append("---- ").append(log.getFileName()).append('\n').append(TestBoard.read(log));
        }
        return text.toString();
    }
}
