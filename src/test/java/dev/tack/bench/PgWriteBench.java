package dev.tack.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import dev.tack.board.Boards;
import dev.tack.board.CardEdit;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.model.Hosts;
import dev.tack.store.Storage;
import dev.tack.store.Storages;
import dev.tack.testing.PostgresServer;

/**
 * Committed writes per second and write latency on PostgreSQL, N processes writing one schema of
 * the tests' private server (loopback; fsync off, as {@link PostgresServer} starts it): "tack" is a
 * real board operation through the write service ({@code Cards.edit} of a title: the advisory
 * write lock, the revision, the event with its before/after, NOTIFY); "plain" is plain JDBC with
 * no lock doing the least a move costs (read the card's version, bump it, append an event), as
 * {@link WriteBench} does on SQLite. Run: {@code bench/postgres.sh}.
 *
 * <p>Each process first warms up alone, on a schema of its own ({@link #WARM_UP_MILLIS}: the JIT
 * compiles the write path while nobody waits for it), says so, and starts when the parent says go,
 * once every process is warm. Warming up on the shared schema instead measured the warm-up: eight
 * cold JVMs compiling on two cores, each holding the lock while it did.
 */
public final class PgWriteBench {

    private static final int CARDS = 200;
    private static final int WARM_UP_CARDS = 20;
    private static final long WARM_UP_MILLIS = 4000;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], args[2], args[3], Long.parseLong(args[4]));
            return;
        }
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int[] processCounts = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {1, 8};
        PostgresServer server = PostgresServer.get();
        System.out.printf(Locale.ROOT, "%-8s %9s %10s %10s %10s %10s %8s%n", "path", "processes", "commits/s", "p50 ms", "p99 ms", "max ms", "errors");
        for (int processes : processCounts) {
            for (String mode : List.of("tack", "plain")) {
                List<String> locations = new ArrayList<>();
                for (int i = 0; i <= processes; i++) { // the shared schema, then one to warm up on per process
                    String url = server.freshUrl();
                    seed(url, i == 0 ? CARDS : WARM_UP_CARDS);
                    locations.add("tack".equals(mode) ? url : jdbc(server, url));
                }
                long[] result = new long[2];
                double[] sorted = runRound(mode, locations, processes, Math.round(seconds * 1000), result);
                System.out.printf(Locale.ROOT, "%-8s %9d %10.0f %10.2f %10.2f %10.2f %8d%n", mode, processes, result[0] / seconds,
                        percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100), result[1]);
            }
        }
        System.exit(0); // the server's shutdown hook stops it
    }

    private static void seed(String url, int cardCount) {
        Actor actor = new Actor("bench", Hosts.name(), ProcessHandle.current().pid());
        try (Storage storage = Storages.open(url, Storage.Options.defaults().creating(true),
                tx -> Boards.create(tx, actor, "main", Boards.DEFAULT_COLUMNS))) {
            Cards cards = new Cards(new Workspace(storage, actor, null));
            for (int i = 0; i < cardCount; i++) {
                cards.add(NewCard.titled("card " + i));
            }
        }
    }

    private static String jdbc(PostgresServer server, String url) {
        return "jdbc:postgresql://127.0.0.1:" + server.port() + "/tack?user=tack&currentSchema=" + url.substring(url.indexOf("currentSchema=") + 14);
    }

    private static double[] runRound(String mode, List<String> locations, int processes, long millis, long[] totals) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Process> children = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PgWriteBench.class.getName(),
                    "child", mode, locations.get(0), locations.get(i + 1), String.valueOf(millis))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            children.add(child);
            outputs.add(new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)));
        }
        for (BufferedReader output : outputs) {
            String ready = output.readLine();
            if (!"ready".equals(ready)) {
                throw new IllegalStateException("a writing process did not warm up: " + ready);
            }
        }
        for (Process child : children) {
            child.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
            child.getOutputStream().flush();
        }
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            Process child = children.get(i);
            try (BufferedReader reader = outputs.get(i)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("E")) {
                        totals[1] += Long.parseLong(line.substring(1).strip());
                    } else if (!line.isBlank()) {
                        latencies.add(Long.parseLong(line.strip()) / 1_000_000.0);
                        totals[0]++;
                    }
                }
            }
            child.waitFor();
        }
        return latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    @FunctionalInterface
    private interface Transaction {
        void run() throws SQLException;
    }

    private static void child(String mode, String location, String warmUpLocation, long millis) throws Exception {
        Transaction warmUp = "tack".equals(mode) ? tackPath(warmUpLocation, WARM_UP_CARDS) : plainPath(warmUpLocation, WARM_UP_CARDS);
        long warmUntil = System.currentTimeMillis() + WARM_UP_MILLIS;
        while (System.currentTimeMillis() < warmUntil) {
            warmUp.run();
        }
        Transaction transaction = "tack".equals(mode) ? tackPath(location, CARDS) : plainPath(location, CARDS);
        transaction.run();
        System.out.println("ready");
        System.out.flush();
        if (!"go".equals(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine())) {
            return;
        }
        long end = System.currentTimeMillis() + millis;
        StringBuilder out = new StringBuilder();
        long errors = 0;
        while (System.currentTimeMillis() < end) {
            long begin = System.nanoTime();
            try {
                transaction.run();
                out.append(System.nanoTime() - begin).append('\n');
            } catch (RuntimeException | SQLException e) {
                errors++;
            }
        }
        out.append('E').append(errors).append('\n');
        System.out.print(out);
        System.out.flush();
    }

    private static Transaction tackPath(String url, int cardCount) {
        Storage storage = Storages.open(url, new Storage.Options(false, false, Duration.ofSeconds(30)), null);
        Cards cards = new Cards(new Workspace(storage, new Actor("bench", Hosts.name(), ProcessHandle.current().pid()), null));
        return () -> {
            long id = 1 + ThreadLocalRandom.current().nextInt(cardCount);
            cards.edit(id, CardEdit.none().withTitle("card " + id + " " + System.nanoTime()), null);
        };
    }

    private static Transaction plainPath(String jdbc, int cardCount) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbc);
        connection.setAutoCommit(false);
        PreparedStatement select = connection.prepareStatement("SELECT version FROM cards WHERE id = ?");
        PreparedStatement update = connection.prepareStatement("UPDATE cards SET version = ?, updated_at = ? WHERE id = ?");
        PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO events (at, actor, host, pid, card_id, kind, summary) VALUES (?, ?, ?, ?, ?, ?, ?)");
        return () -> {
            try {
                long id = 1 + ThreadLocalRandom.current().nextInt(cardCount);
                select.setLong(1, id);
                long version;
                try (var rows = select.executeQuery()) {
                    rows.next();
                    version = rows.getLong(1);
                }
                update.setLong(1, version + 1);
                update.setString(2, "now");
                update.setLong(3, id);
                update.executeUpdate();
                insert.setString(1, "now");
                insert.setString(2, "bench");
                insert.setString(3, "localhost");
                insert.setLong(4, 1);
                insert.setLong(5, id);
                insert.setString(6, "bench");
                insert.setString(7, "bench write");
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        };
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private PgWriteBench() {
    }
}
