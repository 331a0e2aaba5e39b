package dev.tack.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import dev.tack.board.Boards;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.store.sqlite.Database;
import dev.tack.model.Hosts;
import dev.tack.tui.ScreenBench;

/**
 * How soon a {@code sqlite3} shell's edit shows on open screens while they beat their presence
 * (docs/ARCHITECTURE.md §3). Two screens, each the real screen loop in a child JVM on Lanterna's
 * virtual terminal ({@code ScreenBench screen}), beat every 2 s and print when each title
 * {@code mark-N} first appears in a flushed frame; the parent runs the real {@code sqlite3} binary
 * N times, each setting one card's title to the next mark, 100-300 ms apart (so edits fall at every
 * point of the beats' rounds). Latency: from the {@code sqlite3} process's exit (its commit is
 * done by then) to the flush, on the same wall clock. Run: {@code bench/shell-edit.sh [EDITS]}.
 */
public final class ShellEditBench {

    private ShellEditBench() {
    }

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path folder = Files.createTempDirectory("tack-shell-edit-bench");
        Path db = folder.resolve("tack.db");
        Actor actor = new Actor("bench", Hosts.name(), ProcessHandle.current().pid());
        try (Database database = Database.open(db, new Database.Options(true, false, Duration.ofSeconds(10)),
                tx -> Boards.create(tx, actor, "main", Boards.DEFAULT_COLUMNS))) {
            Cards cards = new Cards(new Workspace(database, actor, null));
            for (int i = 0; i < 10; i++) {
                cards.add(new NewCard("Card " + i, "Todo", "", List.of(), 0, null, null, null));
            }
        }
        long card = 1; // ten cards: each is on screen
        List<Screen> screens = List.of(new Screen(db), new Screen(db));
        for (Screen screen : screens) {
            if (!screen.ready.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a screen did not draw within 60 s");
            }
        }
        Thread.sleep(Duration.ofSeconds(5).toMillis()); // both have beaten (every 2 s) and the JIT has settled
        long[] exitedAt = new long[edits];
        for (int i = 0; i < edits; i++) {
            Process shell = new ProcessBuilder("sqlite3", db.toString(), "UPDATE cards SET title = 'mark-" + i + "' WHERE id = " + card)
                    .redirectErrorStream(true).start();
            if (shell.waitFor() != 0) {
                throw new IllegalStateException("sqlite3: " + new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            exitedAt[i] = epochMicros();
            Thread.sleep(ThreadLocalRandom.current().nextLong(100, 300));
        }
        Thread.sleep(2_000);
        List<Double> latencies = new ArrayList<>();
        int missed = 0;
        for (Screen screen : screens) {
            for (int i = 0; i < edits; i++) {
                Long seen = screen.seenAt.get(i);
                if (seen == null) {
                    missed++; // overwritten by the next edit before a frame showed it, or never shown
                } else {
                    latencies.add((seen - exitedAt[i]) / 1000.0);
                }
            }
            screen.close();
        }
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (System.getenv("TACK_BENCH_VERBOSE") != null) {
            System.out.println("slowest: " + java.util.Arrays.toString(java.util.Arrays.copyOfRange(sorted, Math.max(0, sorted.length - 8),
                    sorted.length)));
        }
        System.out.printf(Locale.ROOT, "sqlite3 edit to screen, 2 screens beating: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                        + " (%d edits x 2 screens, %d not shown before the next edit); %d cores, load %s%n",
                percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100), edits, missed,
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    /** A child JVM running the real screen loop, reporting when each mark first showed. */
    private static final class Screen implements AutoCloseable {
        final Process process;
        final Map<Integer, Long> seenAt = new ConcurrentHashMap<>();
        final CountDownLatch ready = new CountDownLatch(1);
        final Thread reader;

        Screen(Path db) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ScreenBench.class.getName(), "screen",
                    db.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.equals("ready")) {
                            ready.countDown();
                        } else if (line.startsWith("seen ")) {
                            String[] parts = line.split(" ");
                            seenAt.put(Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
                        }
                    }
                } catch (IOException ignored) {
                    // the child ended
                }
            });
            reader.start();
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close(); // the child quits when its stdin closes
            process.waitFor(30, TimeUnit.SECONDS);
            reader.join(5_000);
        }
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
