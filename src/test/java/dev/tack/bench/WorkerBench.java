package dev.tack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import dev.tack.Main;
import dev.tack.board.Boards;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.store.sqlite.Database;

/**
 * What background workers cost, on this machine, with real worker JVMs ({@code dev.tack.Main ...
 * worker}) started with this benchmark's classpath. Run: {@code bench/workers.sh [--quick]}.
 *
 * <ol>
 *   <li>claims per second: N cards in Todo, 8 workers running {@code true}, until all are in Done;</li>
 *   <li>1,000 cards through 4 workers, end to end;</li>
 *   <li>the write latency a person sees while 8 workers claim and finish ({@code sleep 0.05}) without
 *       pause: card moves timed in this process through the board layer, and real
 *       {@code java -jar tack.jar mv} invocations (wall time, JVM start included);</li>
 *   <li>an idle worker's CPU (utime+stime from {@code /proc/<pid>/stat}) and RSS, beside a JVM that
 *       only sleeps, as the floor.</li>
 * </ol>
 *
 * Numbers are printed, never asserted.
 */
public final class WorkerBench {

    private static final String PERSON_COLUMN_A = "Doing";
    private static final String PERSON_COLUMN_B = "Review";
    private static final int PERSON_CARDS = 20;

    /** How big each part is: {@code --quick} shrinks everything for a trial run. */
    private record Sizes(int claimCards, int claimWorkers, int e2eCards, int e2eWorkers, int latencyTodo, int latencyWorkers,
                         int inProcessMoves, int cliMoves, int cliVersions, int idleSettleSeconds, int idleSeconds) {
        static Sizes full() {
            return new Sizes(2_000, 8, 1_000, 4, 8_000, 8, 200, 20, 10, 5, 60);
        }

        static Sizes quick() {
            return new Sizes(300, 8, 200, 4, 3_000, 8, 60, 6, 3, 5, 15);
        }
    }

    private final Path folder;
    private final Path jar;
    private final Sizes sizes;
    private final String java = ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    private final List<Process> children = new ArrayList<>();
    private final Map<String, String> summary = new LinkedHashMap<>();

    private WorkerBench(Path folder, Path jar, Sizes sizes) {
        this.folder = folder;
        this.jar = jar;
        this.sizes = sizes;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("sleeper")) {
            while (true) {
                Thread.sleep(60_000); // an idle JVM: the floor an idle worker is compared with
            }
        }
        boolean quick = false;
        Path jar = Path.of("target/tack.jar");
        Path dir = null;
        List<String> parts = List.of("claims", "e2e", "latency", "idle");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--jar" -> jar = Path.of(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--only" -> parts = List.of(args[++i].split(","));
                default -> {
                    System.err.println("usage: WorkerBench [--quick] [--jar target/tack.jar] [--dir DIR]"
                            + " [--only claims,e2e,latency,idle]");
                    System.exit(2);
                }
            }
        }
        Path folder = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("tack-wbench");
        WorkerBench bench = new WorkerBench(folder, jar.toAbsolutePath(), quick ? Sizes.quick() : Sizes.full());
        Runtime.getRuntime().addShutdownHook(new Thread(bench::killChildren));
        System.out.printf(Locale.ROOT, "tack worker benchmark (%s) · %d cores · load average %s · files in %s%n",
                quick ? "--quick" : "full", Runtime.getRuntime().availableProcessors(), loadAverage(), folder);
        try {
            if (parts.contains("claims")) {
                bench.throughput("claims", bench.sizes.claimCards, bench.sizes.claimWorkers);
            }
            if (parts.contains("e2e")) {
                bench.throughput("e2e", bench.sizes.e2eCards, bench.sizes.e2eWorkers);
            }
            if (parts.contains("latency")) {
                bench.latency();
            }
            if (parts.contains("idle")) {
                bench.idle();
            }
        } finally {
            bench.killChildren();
        }
        System.out.println();
        System.out.println("summary");
        bench.summary.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-52s %s%n", k, v));
        System.out.printf(Locale.ROOT, "  %-52s %s%n", "load average at the end", loadAverage());
        System.exit(0);
    }

    // ---------------------------------------------------------------- 1 and 2: throughput

    private void throughput(String label, int cardCount, int workers) throws Exception {
        System.out.printf(Locale.ROOT, "%n[%s] %d cards in Todo, %d workers, --exec true%n", label, cardCount, workers);
        Path db = folder.resolve(label + ".db");
        try (Database database = create(db, Boards.DEFAULT_COLUMNS)) {
            Cards cards = new Cards(workspace(database));
            for (int i = 0; i < cardCount; i++) {
                cards.add(NewCard.titled("card " + i));
            }
            long spawnMillis = System.currentTimeMillis();
            long start = System.nanoTime();
            List<Process> pool = new ArrayList<>();
            for (int k = 1; k <= workers; k++) {
                pool.add(startWorker(db, label + "-w" + k, "true", true));
            }
            long deadline = start + TimeUnit.SECONDS.toNanos(Math.max(120, cardCount)); // far beyond any sane run
            long allDone = 0;
            while (System.nanoTime() < deadline) {
                long done = database.read(tx -> tx.number(
                        "SELECT count(*) FROM cards c JOIN columns k ON k.id = c.column_id WHERE k.name = 'Done'"));
                if (done >= cardCount) {
                    allDone = System.nanoTime();
                    break;
                }
                if (pool.stream().noneMatch(Process::isAlive)) {
                    break;
                }
                Thread.sleep(50);
            }
            for (Process p : pool) {
                if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    p.destroy();
                }
            }
            long allExited = System.nanoTime();
            List<long[]> runs = database.read(tx -> tx.list(
                    "SELECT started_at, finished_at, outcome = 'succeeded' FROM runs ORDER BY started_at",
                    row -> new long[] {millis(row.getString(1)), row.getString(2) == null ? -1 : millis(row.getString(2)),
                        row.getLong(3)}));
            long succeeded = runs.stream().filter(r -> r[2] == 1).count();
            if (allDone == 0) {
                System.out.printf(Locale.ROOT, "  NOT FINISHED: %d of %d cards reached Done (see %s/%s-w*.log)%n",
                        succeeded, cardCount, folder, label);
                summary.put(label + ": cards/s", "not finished");
                return;
            }
            double wallDone = seconds(allDone - start);
            double wallExit = seconds(allExited - start);
            long firstStart = runs.get(0)[0];
            long lastStart = runs.get(runs.size() - 1)[0];
            long lastFinish = runs.stream().mapToLong(r -> r[1]).max().orElse(lastStart);
            double claimsPerSecond = runs.size() > 1 ? (runs.size() - 1) / ((lastStart - firstStart) / 1000.0) : Double.NaN;
            double steadyCardsPerSecond = succeeded / ((lastFinish - firstStart) / 1000.0);
            double[] runMillis = runs.stream().filter(r -> r[1] >= 0).mapToDouble(r -> r[1] - r[0]).sorted().toArray();
            System.out.printf(Locale.ROOT, "  wall, spawn to all in Done   %8.2f s   %7.1f cards/s (includes %d JVM starts)%n",
                    wallDone, cardCount / wallDone, workers);
            System.out.printf(Locale.ROOT, "  wall, spawn to all exited    %8.2f s%n", wallExit);
            System.out.printf(Locale.ROOT, "  first claim after spawn      %8.2f s%n", (firstStart - spawnMillis) / 1000.0);
            System.out.printf(Locale.ROOT, "  runs table: %d runs (%d succeeded), first to last claim %.2f s: %.1f claims/s;"
                            + " first claim to last finish: %.1f cards/s%n",
                    runs.size(), succeeded, (lastStart - firstStart) / 1000.0, claimsPerSecond, steadyCardsPerSecond);
            System.out.printf(Locale.ROOT, "  one run, claim to finish     p50 %.0f ms  p99 %.0f ms  max %.0f ms%n",
                    percentile(runMillis, 50), percentile(runMillis, 99), percentile(runMillis, 100));
            String what = cardCount + " cards, " + workers + " workers";
            summary.put(label + ": wall to all Done (" + what + ")", String.format(Locale.ROOT, "%.2f s = %.1f cards/s",
                    wallDone, cardCount / wallDone));
            summary.put(label + ": claims/s from runs (first..last claim)", String.format(Locale.ROOT, "%.1f", claimsPerSecond));
            summary.put(label + ": cards/s from runs (first claim..last finish)",
                    String.format(Locale.ROOT, "%.1f", steadyCardsPerSecond));
        }
    }

    // ---------------------------------------------------------------- 3: a person's writes while workers run

    private void latency() throws Exception {
        int workers = sizes.latencyWorkers;
        System.out.printf(Locale.ROOT, "%n[latency] %d workers running 'sleep 0.05' on %d cards; a person moves cards %s <-> %s%n",
                workers, sizes.latencyTodo, PERSON_COLUMN_A, PERSON_COLUMN_B);
        Path db = folder.resolve("latency.db");
        try (Database database = create(db, List.of("Todo", PERSON_COLUMN_A, "Done", PERSON_COLUMN_B))) {
            Cards cards = new Cards(workspace(database));
            Map<Long, String> person = new LinkedHashMap<>();
            for (int i = 0; i < PERSON_CARDS; i++) {
                person.put(cards.add(NewCard.titled("person's card " + i).inColumn(PERSON_COLUMN_A)).id(), PERSON_COLUMN_A);
            }
            for (int i = 0; i < sizes.latencyTodo; i++) {
                cards.add(NewCard.titled("job " + i));
            }
            List<Long> ids = new ArrayList<>(person.keySet());
            int[] turn = {0};
            Mover inProcess = () -> {
                long id = ids.get(turn[0]++ % ids.size());
                String target = person.get(id).equals(PERSON_COLUMN_A) ? PERSON_COLUMN_B : PERSON_COLUMN_A;
                long[] schedBefore = schedstat();
                long begin = System.nanoTime();
                cards.move(id, target, null, null);
                long took = System.nanoTime() - begin;
                long[] schedAfter = schedstat();
                person.put(id, target);
                return new Move(took / 1e6, (schedAfter[0] - schedBefore[0]) / 1e6, (schedAfter[1] - schedBefore[1]) / 1e6,
                        schedAfter[2] - schedBefore[2]);
            };
            for (int i = 0; i < 30; i++) {
                inProcess.move(); // JIT, statement cache and connection warm before anything is timed
            }
            List<Move> quietMoves = timeMoves(inProcess, sizes.inProcessMoves);
            double[] quiet = walls(quietMoves);
            report("in-process move, no workers", quiet);

            List<Process> pool = new ArrayList<>();
            for (int k = 1; k <= workers; k++) {
                pool.add(startWorker(db, "lat-w" + k, "sleep 0.05", false));
            }
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < waitUntil
                    && database.read(tx -> tx.number("SELECT count(DISTINCT worker) FROM runs")) < workers) {
                Thread.sleep(100);
            }
            Thread.sleep(1_000); // every worker has claimed at least once: they are in their loops
            long windowStart = System.nanoTime();
            long runsBefore = database.read(tx -> tx.number("SELECT count(*) FROM runs"));

            List<Move> busyMoves = timeMoves(inProcess, sizes.inProcessMoves);
            double[] busy = walls(busyMoves);
            long runsAfterInProcess = database.read(tx -> tx.number("SELECT count(*) FROM runs"));
            double inProcessSeconds = seconds(System.nanoTime() - windowStart);

            List<Double> cliMoves = new ArrayList<>();
            List<Double> cliVersions = new ArrayList<>();
            int cliErrors = 0;
            for (int i = 0; i < Math.max(sizes.cliMoves, sizes.cliVersions); i++) {
                if (i < sizes.cliMoves) {
                    long id = ids.get(turn[0]++ % ids.size());
                    String target = person.get(id).equals(PERSON_COLUMN_A) ? PERSON_COLUMN_B : PERSON_COLUMN_A;
                    long begin = System.nanoTime();
                    int code = runJar("--db", db.toString(), "--as", "person", "mv", String.valueOf(id), target);
                    cliMoves.add((System.nanoTime() - begin) / 1e6);
                    if (code == 0) {
                        person.put(id, target);
                    } else {
                        cliErrors++;
                    }
                }
                if (i < sizes.cliVersions) {
                    long begin = System.nanoTime();
                    runJar("--version");
                    cliVersions.add((System.nanoTime() - begin) / 1e6);
                }
            }
            double windowSeconds = seconds(System.nanoTime() - windowStart);
            long runsAfter = database.read(tx -> tx.number("SELECT count(*) FROM runs"));
            long todoLeft = database.read(tx -> tx.number(
                    "SELECT count(*) FROM cards c JOIN columns k ON k.id = c.column_id WHERE k.name = 'Todo'"));
            long alive = pool.stream().filter(Process::isAlive).count();
            stop(pool);

            report("in-process move, " + workers + " workers busy", busy);
            System.out.println("    where the slowest tenth of those moves spent their time: " + breakdown(busyMoves));
            double[] cli = sorted(cliMoves);
            double[] version = sorted(cliVersions);
            report("java -jar tack.jar mv (wall)", cli);
            report("java -jar tack.jar --version (JVM only)", version);
            System.out.printf(Locale.ROOT, "  workers meanwhile: %.1f claims/s during the in-process moves, %.1f claims/s over"
                            + " the whole %.0f s window; %d of %d still alive; %d cards left in Todo%s%n",
                    (runsAfterInProcess - runsBefore) / inProcessSeconds, (runsAfter - runsBefore) / windowSeconds, windowSeconds,
                    alive, workers, todoLeft, todoLeft == 0 ? " (RAN DRY: workers were idle part of the time)" : "");
            if (cliErrors > 0) {
                System.out.printf(Locale.ROOT, "  %d tack mv invocations failed (see above)%n", cliErrors);
            }
            summary.put("person's move, in-process, no workers", pcts(quiet));
            summary.put("person's move, in-process, " + workers + " workers busy", pcts(busy));
            summary.put("tack mv via java -jar, " + workers + " workers busy", pcts(cli));
            summary.put("tack --version via java -jar (JVM start)", pcts(version));
        }
    }

    /**
     * One timed move: wall time, and of it the time this thread ran on a CPU and waited for one
     * (from {@code /proc/thread-self/schedstat}); the rest it slept: back-off on the write lock, I/O.
     * {@code sleeps} counts its voluntary context switches: a lock back-off is many short ones, an
     * fsync one or two long ones.
     */
    private record Move(double wallMillis, double cpuMillis, double runQueueMillis, long sleeps) {
    }

    @FunctionalInterface
    private interface Mover {
        Move move() throws Exception;
    }

    /** Moves one at a time, a person's pace apart (25-75 ms). */
    private static List<Move> timeMoves(Mover mover, int count) throws Exception {
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            moves.add(mover.move());
            Thread.sleep(ThreadLocalRandom.current().nextInt(25, 76));
        }
        return moves;
    }

    private static double[] walls(List<Move> moves) {
        return moves.stream().mapToDouble(Move::wallMillis).sorted().toArray();
    }

    /** Mean split of the slowest 10 % of moves: on a CPU, waiting for a CPU, off CPU (lock back-off, I/O). */
    private static String breakdown(List<Move> moves) {
        List<Move> slowest = moves.stream().sorted(Comparator.comparingDouble(Move::wallMillis).reversed())
                .limit(Math.max(1, moves.size() / 10)).toList();
        double wall = slowest.stream().mapToDouble(Move::wallMillis).average().orElse(Double.NaN);
        double cpu = slowest.stream().mapToDouble(Move::cpuMillis).average().orElse(Double.NaN);
        double queue = slowest.stream().mapToDouble(Move::runQueueMillis).average().orElse(Double.NaN);
        double sleeps = slowest.stream().mapToLong(Move::sleeps).average().orElse(Double.NaN);
        if (cpu == 0 && queue == 0) {
            return String.format(Locale.ROOT, "mean %.1f ms (no schedstat on this kernel)", wall);
        }
        return String.format(Locale.ROOT, "mean %.1f ms = %.1f on a CPU + %.1f waiting for a CPU + %.1f off CPU"
                + " (write-lock back-off, I/O) in %.0f sleeps", wall, cpu, queue, wall - cpu - queue, sleeps);
    }

    /**
     * This thread's time on a CPU and waiting in the run queue (ns), and its voluntary context
     * switches; zeros where the kernel does not say.
     */
    private static long[] schedstat() {
        long[] result = new long[3];
        try {
            String[] fields = Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split("\\s+");
            result[0] = Long.parseLong(fields[0]);
            result[1] = Long.parseLong(fields[1]);
            for (String line : Files.readAllLines(Path.of("/proc/thread-self/status"))) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    result[2] = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an old kernel: the split is left out
        }
        return result;
    }

    private int runJar(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        clean(builder.environment());
        return builder.start().waitFor();
    }

    // ---------------------------------------------------------------- 4: an idle worker

    /** One idle process being measured: its ticks and threads at the start of the window. */
    private record Watched(String label, Process process, Database database, long ticks, Map<Long, long[]> threads,
                           long events) {
    }

    private void idle() throws Exception {
        System.out.printf(Locale.ROOT, "%n[idle] one worker on an empty Todo, each on its own file: with the default"
                        + " --heartbeat 10s --lease 60s, and with --heartbeat 1s --lease 5s; beside them a JVM that only sleeps."
                        + " Settle %d s, measure %d s%n", sizes.idleSettleSeconds, sizes.idleSeconds);
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("idle worker, defaults", List.of());
        variants.put("idle worker, --heartbeat 1s", List.of("--heartbeat", "1s", "--lease", "5s"));
        List<Database> databases = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        Map<String, Process> byLabel = new LinkedHashMap<>();
        Map<String, Database> dbByLabel = new HashMap<>();
        try {
            int n = 0;
            for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                Path db = folder.resolve("idle-" + (++n) + ".db");
                Database database = create(db, Boards.DEFAULT_COLUMNS);
                databases.add(database);
                List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                        Main.class.getName(), "--db", db.toString(), "worker", "--from", "Todo", "--to", "Done", "--exec", "true",
                        "--name", "idle-" + n));
                command.addAll(variant.getValue());
                Process worker = start(command, folder.resolve("idle-" + n + ".log"));
                processes.add(worker);
                byLabel.put(variant.getKey(), worker);
                dbByLabel.put(variant.getKey(), database);
            }
            Process sleeper = start(List.of(java, "-cp", System.getProperty("java.class.path"), WorkerBench.class.getName(),
                    "sleeper"), folder.resolve("sleeper.log"));
            processes.add(sleeper);
            byLabel.put("a JVM that only sleeps", sleeper);
            Thread.sleep(TimeUnit.SECONDS.toMillis(sizes.idleSettleSeconds));

            long ticksPerSecond = clockTicks();
            List<Watched> watched = new ArrayList<>();
            for (Map.Entry<String, Process> entry : byLabel.entrySet()) {
                long pid = entry.getValue().pid();
                Database database = dbByLabel.get(entry.getKey());
                watched.add(new Watched(entry.getKey(), entry.getValue(), database, processTicks(pid), threadTicks(pid),
                        database == null ? 0 : database.read(tx -> tx.number("SELECT count(*) FROM events"))));
            }
            long t0 = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(sizes.idleSeconds));
            double elapsed = seconds(System.nanoTime() - t0);
            for (Watched w : watched) {
                long pid = w.process().pid();
                if (!w.process().isAlive()) {
                    System.out.printf(Locale.ROOT, "  %-30s EXITED EARLY (see %s)%n", w.label(), folder);
                    continue;
                }
                long ticks = processTicks(pid) - w.ticks();
                Map<Long, long[]> threadsAfter = threadTicks(pid);
                Map<Long, String> names = threadNames(pid);
                double percent = 100.0 * ticks / ticksPerSecond / elapsed;
                String rss = status(pid, "VmRSS");
                System.out.printf(Locale.ROOT, "  %-30s %6.2f %% of one core (%3d ticks of 1/%d s in %.0f s)   VmRSS %-10s threads %s%n",
                        w.label(), percent, ticks, ticksPerSecond, elapsed, rss, status(pid, "Threads"));
                List<Map.Entry<String, Long>> busiest = new ArrayList<>();
                threadsAfter.forEach((tid, after) -> {
                    long[] before = w.threads().getOrDefault(tid, new long[] {0, 0});
                    busiest.add(Map.entry(names.getOrDefault(tid, "tid " + tid).replaceFirst("^java$", "main"), after[0] + after[1] - before[0] - before[1]));
                });
                busiest.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
                StringBuilder top = new StringBuilder();
                for (Map.Entry<String, Long> entry : busiest.subList(0, Math.min(6, busiest.size()))) {
                    if (entry.getValue() > 0) {
                        top.append(top.length() == 0 ? "" : ", ").append(entry.getKey()).append(' ').append(entry.getValue());
                    }
                }
                String events = w.database() == null ? "" : String.format(Locale.ROOT, "; events written: %d",
                        w.database().read(tx -> tx.number("SELECT count(*) FROM events")) - w.events());
                System.out.printf(Locale.ROOT, "  %-30s   busiest threads (ticks): %s%s%n", "", top.length() == 0 ? "none" : top,
                        events);
                summary.put(w.label() + ": CPU, VmRSS", String.format(Locale.ROOT, "%.2f %% of one core (%d s), %s",
                        percent, sizes.idleSeconds, rss));
            }
        } finally {
            stop(processes);
            databases.forEach(Database::close);
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).strip();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100;
        }
    }

    /** utime + stime of a process (fields 14 and 15 of /proc/PID/stat), in clock ticks. */
    private static long processTicks(long pid) throws IOException {
        long[] t = ticks(Path.of("/proc", String.valueOf(pid), "stat"));
        return t[0] + t[1];
    }

    private static long[] ticks(Path stat) throws IOException {
        String text = Files.readString(stat);
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        String[] fields = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])}; // fields 14 and 15
    }

    private static Map<Long, long[]> threadTicks(long pid) throws IOException {
        Map<Long, long[]> result = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    result.put(Long.parseLong(task.getFileName().toString()), ticks(task.resolve("stat")));
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return result;
    }

    private static Map<Long, String> threadNames(long pid) throws IOException {
        Map<Long, String> result = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    result.put(Long.parseLong(task.getFileName().toString()), Files.readString(task.resolve("comm")).strip());
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return result;
    }

    private static String status(long pid, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(key + ":")) {
                return line.substring(key.length() + 1).strip().replaceAll("\\s+", " ");
            }
        }
        return "?";
    }

    // ---------------------------------------------------------------- helpers

    private static Database create(Path db, List<String> columns) {
        Actor actor = actor();
        return Database.open(db, Database.Options.defaults().creating(true), tx -> Boards.create(tx, actor, "main", columns));
    }

    private static Actor actor() {
        return new Actor("bench", "localhost", ProcessHandle.current().pid());
    }

    private static Workspace workspace(Database database) {
        return new Workspace(database, new Actor("person", "localhost", ProcessHandle.current().pid()), null);
    }

    /** A worker JVM, as {@code tack worker} runs, with this benchmark's classpath; its log goes to a file. */
    private Process startWorker(Path db, String name, String exec, boolean exitWhenIdle) throws IOException {
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--db", db.toString(), "worker", "--from", "Todo", "--to", "Done", "--exec", exec,
                "--heartbeat", "1s", "--lease", "5s", "--name", name));
        if (exitWhenIdle) {
            command.add("--exit-when-idle");
        }
        return start(command, folder.resolve(name + ".log"));
    }

    private Process start(List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        clean(builder.environment());
        Process process = builder.start();
        synchronized (children) {
            children.add(process);
        }
        return process;
    }

    private static void clean(Map<String, String> env) {
        env.keySet().removeIf(key -> key.startsWith("TACK_") || key.equals("JAVA_TOOL_OPTIONS") || key.equals("_JAVA_OPTIONS"));
    }

    /** SIGTERM, the worker's grace, then SIGKILL for anything left. */
    private static void stop(List<Process> processes) throws InterruptedException {
        processes.forEach(Process::destroy);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (Process p : processes) {
            if (!p.waitFor(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private void killChildren() {
        synchronized (children) {
            children.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
        }
    }

    private static long millis(String isoInstant) {
        return Instant.parse(isoInstant).toEpochMilli();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** Nearest-rank percentile of sorted values; 100 is the maximum. */
    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static String pcts(double[] sorted) {
        return String.format(Locale.ROOT, "p50 %6.1f  p90 %6.1f  p99 %6.1f  max %6.1f ms  (n=%d)",
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), percentile(sorted, 100), sorted.length);
    }

    private static void report(String label, double[] sorted) {
        System.out.printf(Locale.ROOT, "  %-40s %s%n", label, pcts(sorted));
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
