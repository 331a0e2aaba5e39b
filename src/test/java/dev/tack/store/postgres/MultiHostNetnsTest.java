package dev.tack.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import dev.tack.cli.TackCommand;
import dev.tack.testing.Acks;
import dev.tack.testing.ChildJvm;
import dev.tack.testing.Netns;
import dev.tack.testing.PostgresServer;
import dev.tack.testing.SchemaProbe;
import dev.tack.testing.WriterDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Three client machines and a server on one Linux host, as network namespaces joined by a bridge
 * ({@link Netns}); PostgreSQL runs in the server's namespace. Each client machine (its own network
 * and host name: {@code ip netns exec} + {@code unshare --uts}) runs a writer that acknowledges
 * every write it made (as the crash harness's) and a worker on the shared lane of the {@code jobs}
 * board, whose command logs its start and end per card; host 1 also has a person's screen (tmux,
 * in its namespace). Host 1's cable is pulled while its worker runs a long job, then plugged back.
 *
 * <p>What lets the others reclaim host 1's card: its worker's mark of life is a session lock on the
 * server, which goes only when the server drops that session. A pulled cable tells nobody; the
 * server finds out by TCP keepalive (here 5 s idle, then 3 probes 1 s apart) or, for data it sent
 * that is never acknowledged, {@code tcp_user_timeout} (8 s): about 8 s after host 1 last spoke.
 * With the kernel's defaults (2 hours of keepalive) the lock would outlive the cut, and the cards
 * would come back only when their leases ran out. Host 1's worker, for its part, must stop its
 * command before that: it checks its mark's connection every second (2 s to answer), and stops
 * its commands when it cannot (within about 3 s), so the card never runs on two hosts at once.
 *
 * <p>Needs root and {@code ip} (iproute2); skipped, saying why, elsewhere.
 */
@Tag("slow")
class MultiHostNetnsTest {

    private static final int HOSTS = 3;
    private static final int CUT = 1;
    private static final int SHORT_CARDS = 24;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String MEANWHILE = "added while host-1 was cut";
    /** The server's side of noticing a vanished client (see the class comment). */
    private static final List<String> KEEPALIVE = List.of("tcp_keepalives_idle=5", "tcp_keepalives_interval=1",
            "tcp_keepalives_count=3", "tcp_user_timeout=8000");

    private static Path dir;
    private static Netns net;
    private static PostgresServer server;
    private static String tmuxSocket;
    private static final List<ChildJvm> children = new ArrayList<>();
    private static boolean passed;

    private SchemaProbe probe;
    private String url;

    @BeforeAll
    static void machines() throws IOException {
        Assumptions.assumeTrue(uid() == 0, "the multi-host test makes network namespaces: run it as root");
        String why = Netns.whyNot();
        Assumptions.assumeTrue(why.isEmpty(), why);
        dir = Files.createTempDirectory("tack-netns-");
        net = Netns.create(HOSTS);
        tmuxSocket = "tack-" + net.serverNamespace();
        server = PostgresServer.startPrivate(new PostgresServer.Setup(Netns.inside(net.serverNamespace()), net.serverAddress(),
                net.network(), KEEPALIVE));
    }

    @AfterAll
    static void unplugEverything() {
        children.forEach(ChildJvm::close);
        if (tmuxSocket != null) {
            try {
                run(List.of("tmux", "-L", tmuxSocket, "kill-server"));
            } catch (IOException e) {
                System.err.println("tmux: " + e.getMessage());
            }
        }
        if (server != null) {
            server.close();
        }
        if (net != null) {
            net.close();
        }
        if (dir != null && passed) {
            try (var all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + dir + ": " + e.getMessage());
            }
        } else if (dir != null) {
            System.err.println("the multi-host test's logs (job logs, each process's output, the server's log): " + dir);
        }
    }

    @Test
    void aHostCutOffMidJobLosesNothingRunsNothingTwiceAndCatchesUpWhenBack() throws Exception {
        String schema = server.freshSchemaName();
        probe = new SchemaProbe(server, schema);
        url = server.url(schema);
        cli("init", "--db", url, "--columns", "Todo,Doing,Done");
        cli("--db", url, "board", "add", "jobs", "--columns", "Todo,Doing,Done,Failed,Notes");
        JobWatch jobs = new JobWatch(dir);
        jobs.start();
        try {
            List<ChildJvm> writers = new ArrayList<>();
            for (int host = 1; host <= HOSTS; host++) {
                writers.add(writer(host));
            }
            startScreen(CUT);
            awaitPane("host 1's screen on the jobs board", pane -> pane.contains("Notes"));

            long longCard = Long.parseLong(cli("--db", url, "--board", "jobs", "add", "long job").strip());
            ChildJvm cutWorker = worker(CUT);
            await("host 1 running the long job", () -> jobs.startsOf(longCard).stream().anyMatch(run -> run.host() == CUT));
            for (int i = 0; i < SHORT_CARDS; i++) {
                cli("--db", url, "--board", "jobs", "add", "short job " + i);
            }
            List<ChildJvm> workers = new ArrayList<>(List.of(cutWorker));
            for (int host = 1; host <= HOSTS; host++) {
                if (host != CUT) {
                    workers.add(worker(host));
                }
            }
            await("every host writing and the short jobs under way", () -> jobs.ended() >= 6
                    && writers.stream().allMatch(w -> Acks.parse(w.lines()).size() >= 20));
            awaitPane("the running card on host 1's screen", pane -> pane.contains("long job"));
            // Under a heavy load a mark check can go unanswered for 2 s and host 1 stops its job to be safe; the card comes back to it.
            await("host 1 running the long job now", () -> jobs.startsOf(longCard).stream().anyMatch(run -> run.host() == CUT
                    && run.endNanos() == 0));

            // --- the cable of host 1 is pulled
            long cutAt = System.nanoTime();
            long cutWall = wallNanos();
            net.cut(CUT);
            ChildJvm writeOnCutHost = ChildJvm.startCommand("cli-on-cut-host",
                    onHost(CUT, tack("--db", url, "--board", "jobs", "add", "written on the cut host")));
            children.add(writeOnCutHost);
            await("host 1's card reclaimed by another host", () -> probe.number("SELECT count(*) FROM events WHERE kind = 'card.reclaimed'"
                    + " AND card_id = ?", longCard) == 1);
            double reclaimSeconds = (System.nanoTime() - cutAt) / 1e9;
            await("the long job running again, on another host", () -> jobs.startsOf(longCard).stream().anyMatch(run -> run.host() != CUT));

            ChildJvm meanwhile = ChildJvm.startCommand("cli-on-host-2", onHost(2, tack("--db", url, "--board", "jobs", "add", MEANWHILE,
                    "-c", "Notes")));
            children.add(meanwhile);
            assertThat(meanwhile.awaitExit(PATIENCE)).as("host 2's add: %s", meanwhile.stderr()).isZero();
            int cutExit = writeOnCutHost.awaitExit(PATIENCE);
            assertThat(cutExit).as("a write on the cut host fails: %s", writeOnCutHost.stderr()).isNotZero();
            awaitPane("host 1's screen saying the server is lost", pane -> pane.contains("nothing can be saved"));
            assertThat(pane()).as("host 1's screen cannot know yet").doesNotContain(MEANWHILE);

            // --- plugged back in
            net.restore(CUT);
            long restoredAt = System.nanoTime();
            awaitPane("host 1's screen catching up", pane -> pane.contains(MEANWHILE));
            double catchUpSeconds = (System.nanoTime() - restoredAt) / 1e9;
            await("host 1's worker holding its mark again", () -> cutWorker.stderr().contains("holding the board's mark of life again"));
            await("host 1's late result on the long card refused", () -> probe.number("SELECT count(*) FROM runs WHERE card_id = ?"
                    + " AND host = 'host-1' AND outcome = 'stale'", longCard) == 1);
            await("every job card done", () -> probe.number("SELECT count(*) FROM cards c JOIN columns col ON col.id = c.column_id"
                    + " JOIN boards b ON b.id = c.board_id WHERE b.name = 'jobs' AND col.name = 'Done'") == SHORT_CARDS + 1);
            long afterRestore = Acks.parse(writers.get(CUT - 1).lines()).size();
            await("host 1 writing again", () -> Acks.parse(writers.get(CUT - 1).lines()).size() > afterRestore + 5);

            // --- everything stops, then the audit
            for (ChildJvm writer : writers) {
                writer.closeStdin();
            }
            List<Acks.Ack> acks = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (ChildJvm writer : writers) {
                assertThat(writer.awaitExit(PATIENCE)).as("%s: %s", writer.name(), writer.stderr()).isZero();
                assertThat(Acks.unexpected(writer.lines())).as(writer.name()).isEmpty();
                acks.addAll(Acks.parse(writer.lines()));
                errors.addAll(Acks.errors(writer.lines()));
            }
            for (ChildJvm worker : workers) {
                worker.signal("TERM");
            }
            for (ChildJvm worker : workers) {
                worker.awaitExit(PATIENCE);
            }
            jobs.stop();

            List<String> lost = lostAcks(acks);
            assertThat(lost).as("acknowledged writes not in the database").isEmpty();
            assertThat(probe.number("SELECT count(*) FROM cards WHERE title = 'written on the cut host'")).isZero();
            try (var storage = dev.tack.store.Storages.open(url, dev.tack.store.Storage.Options.defaults(), null)) {
                assertThat(storage.integrityProblems()).isEmpty();
            }

            List<JobWatch.Execution> runs = jobs.executions();
            List<String> overlaps = overlaps(runs);
            assertThat(runs).as("every job that started has an end").allMatch(run -> run.endNanos() > 0);
            assertThat(overlaps).as("one card's command running twice at once").isEmpty();
            assertThat(cutWorker.stderr()).as("host 1's worker noticed").contains("lost the connection that marks this worker alive");
            List<JobWatch.Execution> ofLong = runs.stream().filter(run -> run.card() == longCard).toList();
            assertThat(ofLong).as("the long card: host 1's attempts, then one of another host").hasSizeGreaterThanOrEqualTo(2);
            JobWatch.Execution cutOff = ofLong.get(ofLong.size() - 2);
            JobWatch.Execution rerun = ofLong.get(ofLong.size() - 1);
            assertThat(ofLong.subList(0, ofLong.size() - 1)).extracting(JobWatch.Execution::host).containsOnly(CUT);
            assertThat(rerun.host()).isNotEqualTo(CUT);
            double stoppedSeconds = (cutOff.endNanos() - cutWall) / 1e9;
            List<String> longRuns = probe.lines("SELECT host, outcome FROM runs WHERE card_id = " + longCard + " ORDER BY id");
            assertThat(longRuns.subList(longRuns.size() - 2, longRuns.size()))
                    .containsExactly("host-1 stale", "host-" + rerun.host() + " succeeded");
            // Under a heavy load an earlier attempt of host 1 may have outlived its lease too: each stale run has its event.
            assertThat(probe.number("SELECT count(*) FROM events WHERE kind = 'run.stale' AND card_id = ?", longCard))
                    .isEqualTo(longRuns.stream().filter(run -> run.endsWith(" stale")).count());
            assertThat(probe.lines("SELECT coalesce(claimed_by, '-') FROM cards WHERE id = " + longCard)).containsExactly("-");

            System.out.printf("multi-host: %d writes acknowledged (%d on the cut host), %d lost, %d refused; %d job runs, %d overlaps;"
                            + " the cut host stopped its command %.1f s after the cut, the others reclaimed the card %.1f s after it; screen caught up %.1f s after the link returned; a write on the cut host"
                            + " exited %d%n", acks.size(), Acks.parse(writers.get(CUT - 1).lines()).size(), lost.size(), errors.size(),
                    runs.size(), overlaps.size(), stoppedSeconds, reclaimSeconds, catchUpSeconds, cutExit);
            passed = true;
        } finally {
            jobs.stop();
            children.forEach(ChildJvm::close);
            for (ChildJvm child : children) {
                Files.writeString(dir.resolve(child.name() + ".out"), String.join("\n", child.lines()) + "\n---- stderr\n" + child.stderr());
            }
            Files.writeString(dir.resolve("server.log"), server.log());
        }
    }

    // --- the machines' processes

    /** {@code argv} on client {@code host}: in its network namespace, with host name {@code host-N}, its own state folder. */
    private static List<String> onHost(int host, List<String> argv) {
        List<String> command = new ArrayList<>(Netns.inside(net.clientNamespace(host)));
        command.addAll(List.of("unshare", "--uts", "sh", "-c", "hostname host-" + host + " && exec \"$@\"", "sh",
                "env", "XDG_STATE_HOME=" + dir.resolve("state-" + host)));
        command.addAll(argv);
        return command;
    }

    private List<String> tack(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-Xshare:auto", "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"), "dev.tack.Main"));
        command.addAll(List.of(args));
        return command;
    }

    private ChildJvm writer(int host) throws InterruptedException {
        List<String> argv = new ArrayList<>(ChildJvm.command(dir, WriterDriver.class, url, "writer-" + host, "0",
                Long.toString(7000 + host), "10000", dir.resolve("acks-" + host + ".log").toString()));
        argv.addAll(1, List.of("-Dtack.writer.ownCards=true", "-Dtack.writer.pauseMillis=100"));
        ChildJvm writer = ChildJvm.startCommand("writer-" + host, onHost(host, argv));
        children.add(writer);
        assertThat(writer.awaitLineStartingWith("READY ", PATIENCE)).as("%s: %s", writer.name(), writer.stderr()).isNotNull();
        return writer;
    }

    /** A worker on the jobs board's lane; its command logs its start and end to {@code jobs-<host>.log}. */
    private ChildJvm worker(int host) throws InterruptedException {
        String log = dir.resolve("jobs-" + host + ".log").toString();
        String line = "echo \"start $TACK_CARD_ID $TACK_RUN_ID $$ $(date +%s%N)\" >> '" + log + "';"
                + " case \"$TACK_CARD_TITLE@$(hostname)\" in 'long job@host-" + CUT + "') sleep 60;; *) sleep 0.2;; esac;"
                + " echo \"end $TACK_CARD_ID $TACK_RUN_ID $$ $(date +%s%N)\" >> '" + log + "'";
        ChildJvm worker = ChildJvm.startCommand("worker-" + host, onHost(host, tack("--db", url, "--board", "jobs", "worker",
                "--from", "Todo", "--doing", "Doing", "--to", "Done", "--fail", "Failed", "--exec", line, "--name", "w-host-" + host,
                "--lease", "60s", "--heartbeat", "1s", "--backoff", "200ms", "--max-attempts", "5", "--concurrency", "2")));
        children.add(worker);
        await("worker " + host + " started", () -> worker.stderr().contains("takes cards from"));
        return worker;
    }

    private void startScreen(int host) throws IOException {
        String command = String.join(" ", tack("--db", url, "--board", "jobs", "--as", "person-" + host).stream()
                .map(MultiHostNetnsTest::quote).toList()) + "; sleep 600";
        List<String> argv = onHost(host, List.of("tmux", "-L", tmuxSocket, "new-session", "-d", "-s", "screen", "-x", "150", "-y", "40",
                command));
        String out = run(argv);
        assertThat(out).as("tmux on host %d", host).isEmpty();
    }

    private static String pane() throws IOException {
        return run(List.of("tmux", "-L", tmuxSocket, "capture-pane", "-p", "-t", "screen"));
    }

    private void awaitPane(String what, java.util.function.Predicate<String> test) throws Exception {
        long end = System.nanoTime() + PATIENCE.toNanos();
        String pane = pane();
        while (!test.test(pane)) {
            if (System.nanoTime() > end) {
                for (String pid : run(List.of("ip", "netns", "pids", net.clientNamespace(CUT))).split("\\s+")) {
                    String cmd = ProcessHandle.of(Long.parseLong(pid)).flatMap(p -> p.info().commandLine()).orElse("");
                    if (cmd.contains("person-")) {
                        Files.writeString(dir.resolve("screen-threads.txt"), run(List.of("jstack", pid)));
                    }
                }
                fail("waited " + PATIENCE.toSeconds() + " s for " + what + "; the screen shows:\n" + pane);
            }
            Thread.sleep(100);
            pane = pane();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                StringBuilder why = new StringBuilder("waited " + PATIENCE.toSeconds() + " s for " + what);
                for (ChildJvm child : children) {
                    why.append("\n---- ").append(child.name()).append(": ").append(child.tail()).append('\n').append(tailOf(child.stderr()));
                }
                fail(why.toString());
            }
            Thread.sleep(50);
        }
    }

    private static String tailOf(String text) {
        return text.length() <= 3000 ? text : text.substring(text.length() - 3000);
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " hung");
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    // --- the board, through tack (from the test's own port on the network) and behind its back

    private String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TackCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(code).as("tack %s: %s", String.join(" ", args), err).isZero();
        return out.toString();
    }

    /** The acknowledgements the database does not bear out: a card that is not there, a version it never reached, a comment missing. */
    private List<String> lostAcks(List<Acks.Ack> acks) {
        Map<Long, Long> versions = new HashMap<>();
        for (String row : probe.lines("SELECT c.id, c.version FROM cards c JOIN boards b ON b.id = c.board_id WHERE b.name = 'main'")) {
            String[] parts = row.split(" ");
            versions.put(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        }
        java.util.Set<String> comments = new java.util.HashSet<>(probe.lines("SELECT card_id, id FROM comments"));
        List<String> lost = new ArrayList<>();
        for (Acks.Ack ack : acks) {
            boolean there = switch (ack.op()) {
                case "comment" -> comments.contains(ack.cardId() + " " + ack.value());
                default -> versions.getOrDefault(ack.cardId(), 0L) >= ack.value();
            };
            if (!there) {
                lost.add(ack.toString());
            }
        }
        return lost;
    }

    /** Pairs of executions of one card whose times overlap (each from its start line to its end line, or to when it was seen gone). */
    private static List<String> overlaps(List<JobWatch.Execution> runs) {
        Map<Long, List<JobWatch.Execution>> byCard = new HashMap<>();
        runs.forEach(run -> byCard.computeIfAbsent(run.card(), card -> new ArrayList<>()).add(run));
        List<String> overlaps = new ArrayList<>();
        for (List<JobWatch.Execution> ofCard : byCard.values()) {
            ofCard.sort(Comparator.comparingLong(JobWatch.Execution::startNanos));
            for (int i = 1; i < ofCard.size(); i++) {
                if (ofCard.get(i).startNanos() < ofCard.get(i - 1).endNanos()) {
                    overlaps.add(ofCard.get(i - 1) + " / " + ofCard.get(i));
                }
            }
        }
        return overlaps;
    }

    private static long wallNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static long uid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    /**
     * Reads the job logs of every host as they grow. A command that ends writes its end line; one
     * that is killed cannot, so the watch looks for each started command's process (the hosts share
     * this machine's pids) and notes when it saw it gone: a moment after it died, which can only make
     * an overlap look longer, never hide one.
     */
    static final class JobWatch {

        record Execution(int host, long card, long run, long pid, long startNanos, long endNanos) {
        }

        private final Path dir;
        private final Map<Long, Execution> byRun = new ConcurrentHashMap<>();
        private volatile boolean stop;
        private Thread thread;

        JobWatch(Path dir) {
            this.dir = dir;
        }

        void start() {
            thread = new Thread(() -> {
                while (!stop) {
                    scan();
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                scan();
            }, "job-watch");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            stop = true;
            if (thread != null) {
                thread.join(5_000);
            }
        }

        private void scan() {
            for (int host = 1; host <= HOSTS; host++) {
                Path log = dir.resolve("jobs-" + host + ".log");
                List<String> lines;
                try {
                    lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
                } catch (IOException e) {
                    continue;
                }
                for (String line : lines) {
                    String[] f = line.split(" ");
                    if (f.length != 5) {
                        continue; // a line being written
                    }
                    long run = Long.parseLong(f[2]);
                    long at = Long.parseLong(f[4]);
                    int onHost = host;
                    if (f[0].equals("start")) {
                        byRun.putIfAbsent(run, new Execution(onHost, Long.parseLong(f[1]), run, Long.parseLong(f[3]), at, 0));
                    } else if (f[0].equals("end")) {
                        byRun.computeIfPresent(run, (id, e) -> e.endNanos() > 0 && e.endNanos() <= at ? e
                                : new Execution(e.host(), e.card(), e.run(), e.pid(), e.startNanos(), at));
                    }
                }
            }
            long now = wallNanos();
            for (Execution e : byRun.values()) {
                if (e.endNanos() == 0 && ProcessHandle.of(e.pid()).map(p -> !p.isAlive()).orElse(true)) {
                    byRun.put(e.run(), new Execution(e.host(), e.card(), e.run(), e.pid(), e.startNanos(), now));
                }
            }
        }

        List<Execution> startsOf(long card) {
            return byRun.values().stream().filter(e -> e.card() == card).sorted(Comparator.comparingLong(Execution::startNanos)).toList();
        }

        long ended() {
            return byRun.values().stream().filter(e -> e.endNanos() > 0).count();
        }

        List<Execution> executions() {
            return byRun.values().stream().sorted(Comparator.comparingLong(Execution::startNanos)).toList();
        }
    }
}
