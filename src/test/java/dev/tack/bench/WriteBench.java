package dev.tack.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import dev.tack.board.Boards;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.store.sqlite.Database;
import dev.tack.store.sqlite.Writer;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Committed writes per second and write latency, through tack's {@link Writer} (in-JVM lock + side
 * lock file + BEGIN IMMEDIATE) and through plain JDBC with only SQLite's busy handler, with 1, 4
 * and 8 processes writing the same transaction to one file. Run: {@code bench/writes.sh}.
 *
 * <p>The transaction is what a card move costs: read the card, bump its version, append an event.
 */
public final class WriteBench {

    private static final int CARDS = 200;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], Path.of(args[2]), Long.parseLong(args[3]), Long.parseLong(args[4]));
            return;
        }
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int[] processCounts = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 4, 8};
        Path folder = Files.createTempDirectory("tack-bench");
        System.out.printf(Locale.ROOT, "%-8s %9s %10s %10s %10s %10s %10s %14s %8s%n",
                "path", "processes", "commits/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "fewest/most", "errors");
        for (int processes : processCounts) {
            for (String mode : List.of("tack", "plain")) {
                Path db = folder.resolve(mode + "-" + processes + ".db");
                seed(db);
                Result result = runRound(mode, db, processes, Math.round(seconds * 1000));
                System.out.printf(Locale.ROOT, "%-8s %9d %10.0f %10.2f %10.2f %10.2f %10.2f %14.2f %8d%n", mode, processes,
                        result.commits / seconds, result.percentile(50), result.percentile(99), result.percentile(99.9),
                        result.percentile(100), result.share(), result.errors);
            }
        }
    }

    private static void seed(Path db) {
        Actor actor = new Actor("bench", "localhost", ProcessHandle.current().pid());
        try (Database database = Database.open(db, Database.Options.defaults().creating(true),
                tx -> Boards.create(tx, actor, "main", Boards.DEFAULT_COLUMNS))) {
            Cards cards = new Cards(new Workspace(database, actor, null));
            for (int i = 0; i < CARDS; i++) {
                cards.add(NewCard.titled("card " + i));
            }
        }
    }

    /** {@code share}: the commits of the process that made fewest over those of the one that made most (1.0 is even). */
    private record Result(long commits, long errors, double[] latenciesMillis, long fewest, long most) {
        double share() {
            return most == 0 ? Double.NaN : (double) fewest / most;
        }

        double percentile(double p) {
            if (latenciesMillis.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesMillis.length) - 1;
            return latenciesMillis[Math.max(0, Math.min(index, latenciesMillis.length - 1))];
        }
    }

    private static Result runRound(String mode, Path db, int processes, long millis) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        long startAt = System.currentTimeMillis() + 1500; // every child starts at the same moment, warmed up
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            children.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), WriteBench.class.getName(),
                    "child", mode, db.toString(), String.valueOf(startAt), String.valueOf(millis))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        long commits = 0;
        long errors = 0;
        List<Double> latencies = new ArrayList<>();
        long fewest = Long.MAX_VALUE;
        long most = 0;
        for (Process child : children) {
            long before = commits;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("E")) {
                        errors += Long.parseLong(line.substring(1).strip());
                    } else if (!line.isBlank()) {
                        latencies.add(Long.parseLong(line.strip()) / 1_000_000.0);
                        commits++;
                    }
                }
            }
            child.waitFor();
            fewest = Math.min(fewest, commits - before);
            most = Math.max(most, commits - before);
        }
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Result(commits, errors, sorted, fewest, most);
    }

    /** One writing process: writes until its time is up, printing each commit's latency in ns. */
    private static void child(String mode, Path db, long startAt, long millis) throws Exception {
        Transaction transaction = "tack".equals(mode) ? lockedPath(db) : plainPath(db);
        for (int i = 0; i < 20; i++) {
            transaction.run(); // warm up the JIT and the connection before the clock starts
        }
        while (System.currentTimeMillis() < startAt) {
            Thread.sleep(1);
        }
        long end = startAt + millis;
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

    @FunctionalInterface
    private interface Transaction {
        void run() throws SQLException;
    }

    private static Transaction lockedPath(Path db) {
        Database database = Database.open(db, new Database.Options(false, false, Duration.ofSeconds(30)), tx -> null);
        Writer writer = database.writer();
        return () -> writer.write(tx -> {
            long id = 1 + ThreadLocalRandom.current().nextInt(CARDS);
            long version = tx.number("SELECT version FROM cards WHERE id = ?", id);
            tx.update("UPDATE cards SET version = ?, updated_at = ? WHERE id = ?", version + 1, "now", id);
            tx.insert("INSERT INTO events (at, actor, host, pid, card_id, kind, summary) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    "now", "bench", "localhost", 1, id, "bench", "bench write");
            return null;
        });
    }

    /** The same transaction with no side lock: SQLite's busy handler (busy_timeout) is all that orders writers. */
    private static Transaction plainPath(Path db) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(30_000);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        Connection connection = config.createConnection("jdbc:sqlite:" + db);
        PreparedStatement select = connection.prepareStatement("SELECT version FROM cards WHERE id = ?");
        PreparedStatement update = connection.prepareStatement("UPDATE cards SET version = ?, updated_at = ? WHERE id = ?");
        PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO events (at, actor, host, pid, card_id, kind, summary) VALUES (?, ?, ?, ?, ?, ?, ?)");
        return () -> {
            while (true) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("BEGIN IMMEDIATE");
                    break;
                } catch (SQLiteException e) {
                    if (e.getResultCode().code != SQLiteErrorCode.SQLITE_BUSY.code) {
                        throw e;
                    }
                }
            }
            try {
                long id = 1 + ThreadLocalRandom.current().nextInt(CARDS);
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
                try (Statement statement = connection.createStatement()) {
                    statement.execute("COMMIT");
                }
            } catch (SQLException e) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // nothing was open
                }
                throw e;
            }
        };
    }

    private WriteBench() {
    }

}
