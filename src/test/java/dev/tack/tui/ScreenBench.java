package dev.tack.tui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminalListener;
import dev.tack.board.Boards;
import dev.tack.board.CardEdit;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.model.Card;
import dev.tack.store.sqlite.Database;
import dev.tack.model.Hosts;

/**
 * The board screen's numbers: commit-to-screen latency in another process (commit returned → the
 * frame that shows it flushed), frame time at 10,000 cards, an idle screen's CPU over a minute and
 * its memory. Run: {@code bench/screen.sh} ({@code --quick} for a short trial).
 *
 * <p>The screen runs the real {@link BoardScreen} loop in a child JVM on Lanterna's virtual
 * terminal; on every flush it looks for titles {@code mark-N} and prints when each first appeared.
 * Both processes read the same wall clock (microseconds on Linux).
 */
public final class ScreenBench {

    private static final Pattern MARK = Pattern.compile("mark-(\\d+)");

    private ScreenBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("screen")) {
            screen(args[1]);
            return;
        }
        if (args.length > 0 && args[0].equals("--postgres")) { // bench/postgres.sh: a board on the private test server
            String url = dev.tack.testing.PostgresServer.get().freshUrl();
            int cards = 50;
            seed(url, cards);
            latency(url, cards, args.length > 1 ? Integer.parseInt(args[1]) : 200, 10);
            return;
        }
        if (args.length > 0 && args[0].equals("frames")) { // bench/history.sh: frames on a file it made
            frames(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        boolean quick = Arrays.asList(args).contains("--quick");
        Path folder = Files.createTempDirectory("tack-screen-bench");
        int marks = quick ? 40 : 200;
        long idleSeconds = quick ? 10 : 60;
        System.out.println("screen benchmark (" + (quick ? "quick" : "full") + "), " + Runtime.getRuntime().availableProcessors()
                + " cores");
        for (int cards : new int[] {50, 10_000}) {
            String db = folder.resolve("board-" + cards + ".db").toString();
            seed(db, cards);
            latency(db, cards, marks, idleSeconds);
        }
        frames(folder.resolve("board-10000.db"), quick ? 100 : 300);
    }

    // -- the child: a real screen loop on a virtual terminal ----------------------------------------

    private static void screen(String db) throws Exception {
        Actor actor = new Actor("viewer", Hosts.name(), ProcessHandle.current().pid());
        dev.tack.store.Storage database = dev.tack.store.Storages.open(db, dev.tack.store.Storage.Options.defaults(), null);
        VirtualSession session = new VirtualSession(120, 35);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        session.terminal.addVirtualTerminalListener(new VirtualTerminalListener() {
            @Override
            public void onFlush() {
                long at = epochMicros();
                Matcher matcher = MARK.matcher(session.text());
                while (matcher.find()) {
                    if (seen.add(matcher.group(1))) {
                        System.out.println("seen " + matcher.group(1) + " " + at);
                    }
                }
                if (seen.add("ready")) {
                    System.out.println("ready");
                }
                System.out.flush();
            }

            @Override
            public void onBell() {
            }

            @Override
            public void onClose() {
            }

            @Override
            public void onResized(com.googlecode.lanterna.terminal.Terminal terminal, TerminalSize size) {
            }
        });
        Thread quit = new Thread(() -> {
            try {
                System.in.read(); // the parent closes our stdin to stop us
            } catch (IOException ignored) {
                // closed
            }
            session.keys.add(Fixture.ctrl('c'));
        });
        quit.setDaemon(true);
        quit.start();
        new BoardScreen(new Workspace(database, actor, null), session).run();
        database.close();
    }

    // -- the parent ------------------------------------------------------------------------------

    private static void seed(String db, int count) {
        Actor actor = new Actor("bench", Hosts.name(), ProcessHandle.current().pid());
        try (dev.tack.store.Storage database = dev.tack.store.Storages.open(db, new dev.tack.store.Storage.Options(true, false, Duration.ofSeconds(10)),
                tx -> Boards.create(tx, actor, "main", Boards.DEFAULT_COLUMNS))) {
            Cards cards = new Cards(new Workspace(database, actor, null));
            String[] columns = {"Todo", "Doing", "Done"};
            for (int i = 0; i < count; i++) {
                cards.add(new NewCard("Card " + i + " with an ordinary title", columns[i % 3], "",
                        i % 5 == 0 ? List.of("bug") : List.of(), i % 4, null, null, null));
            }
        }
    }

    private static void latency(String db, int cards, int marks, long idleSeconds) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ScreenBench.class.getName(),
                "screen", db).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<Integer, Long> seenAt = new ConcurrentHashMap<>();
        Object ready = new Object();
        boolean[] isReady = {false};
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.equals("ready")) {
                        synchronized (ready) {
                            isReady[0] = true;
                            ready.notifyAll();
                        }
                    } else if (line.startsWith("seen ")) {
                        String[] parts = line.split(" ");
                        seenAt.put(Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
                    }
                }
            } catch (IOException ignored) {
                // child ended
            }
        });
        reader.start();
        synchronized (ready) {
            while (!isReady[0]) {
                ready.wait(30_000);
            }
        }
        Thread.sleep(2_000); // let the JIT settle on the idle loop
        long pid = child.pid();

        Actor actor = new Actor("writer", Hosts.name(), ProcessHandle.current().pid());
        Map<Integer, Long> committedAt = new ConcurrentHashMap<>();
        try (dev.tack.store.Storage database = dev.tack.store.Storages.open(db, dev.tack.store.Storage.Options.defaults(), null)) {
            Workspace workspace = new Workspace(database, actor, null);
            Cards writes = new Cards(workspace);
            // Edit cards near the top of the first column, so the mark is on screen whatever the board's size.
            List<Card> top = new dev.tack.board.Queries(workspace).board(dev.tack.board.CardFilter.ALL).lanes().get(0).cards();
            for (int i = 0; i < marks; i++) {
                Card card = top.get(i % Math.min(5, top.size()));
                writes.edit(card.id(), CardEdit.none().withTitle("mark-" + i), null);
                committedAt.put(i, epochMicros());
                Thread.sleep(ThreadLocalRandom.current().nextLong(60, 140));
            }
        }
        Thread.sleep(1_000);
        List<Double> latencies = new ArrayList<>();
        int missed = 0;
        for (int i = 0; i < marks; i++) {
            Long seen = seenAt.get(i);
            if (seen == null) {
                missed++;
            } else {
                latencies.add((seen - committedAt.get(i)) / 1000.0);
            }
        }
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();

        long ticks = cpuTicks(pid);
        long rssBefore = rssKib(pid);
        Thread.sleep(idleSeconds * 1000);
        double cpuPercent = (cpuTicks(pid) - ticks) / (double) clockTicks() / idleSeconds * 100;
        long rss = Math.max(rssBefore, rssKib(pid));
        child.getOutputStream().close();
        child.waitFor();
        reader.join(5_000);

        System.out.printf(Locale.ROOT, "%,6d cards: commit-to-screen p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d marks, %d missed);"
                        + " idle CPU %.2f%% of a core over %d s; RSS %.0f MiB%n",
                cards, percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100), marks, missed, cpuPercent,
                idleSeconds, rss / 1024.0);
    }

    /** Frame time at 10,000 cards: the real renderer drawing and flushing to a virtual terminal, moving the selection. */
    private static void frames(Path db, int count) {
        Actor actor = new Actor("viewer", Hosts.name(), ProcessHandle.current().pid());
        try (Database database = Database.open(db, Database.Options.defaults(), null)) {
            Workspace workspace = new Workspace(database, actor, null);
            BoardController controller = new BoardController(workspace, new Fixture.Host());
            long reloadStart = System.nanoTime();
            controller.reload();
            double firstReload = (System.nanoTime() - reloadStart) / 1e6;
            controller.layout(new TerminalSize(120, 35));
            Vt vt = new Vt(120, 35);
            List<Double> times = new ArrayList<>();
            List<Double> reloads = new ArrayList<>();
            for (int i = 0; i < count + 50; i++) {
                controller.handle(new KeyStroke(i % 40 < 20 ? 'j' : 'k', false, false));
                if (i % 10 == 0) {
                    long r = System.nanoTime();
                    controller.reload();
                    if (i >= 50) {
                        reloads.add((System.nanoTime() - r) / 1e6);
                    }
                }
                long start = System.nanoTime();
                vt.draw(controller);
                if (i >= 50) { // the first frames warm the JIT up
                    times.add((System.nanoTime() - start) / 1e6);
                }
            }
            double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] reloadSorted = reloads.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%,d cards: frame (render + flush, 120x35) p50 %.2f ms, p99 %.2f ms over %d frames;"
                            + " board re-read p50 %.1f ms (first %.0f ms)%n", controller.model().view().lanes().stream()
                            .mapToInt(lane -> lane.total()).sum(),
                    percentile(sorted, 50), percentile(sorted, 99), sorted.length, percentile(reloadSorted, 50), firstReload);
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

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
    }

    private static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private static long clockTicks() {
        return 100; // USER_HZ on Linux
    }
}
