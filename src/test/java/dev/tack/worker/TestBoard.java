package dev.tack.worker;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import dev.tack.board.Boards;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import dev.tack.cli.TackCommand;
import dev.tack.model.Actor;
import dev.tack.model.Run;
import dev.tack.store.sqlite.Database;
import dev.tack.model.Hosts;

/**
 * A board file in a test folder, with what the worker tests need: cards added in this JVM, worker
 * processes started as separate JVMs, signals, and the cards and runs read back through SQLite.
 */
final class TestBoard implements AutoCloseable {

    /** A card as the worker rules see it. */
    record CardRow(long id, String column, String title, String claimedBy, Long claimPid, Long leaseUntil, int attempts,
                   boolean failed, long version) {
    }

    final Path dir;
    final Path db;
    private final Database database;
    private final Workspace person;
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    private TestBoard(Path dir, Path db, Database database, Workspace person) {
        this.dir = dir;
        this.db = db;
        this.database = database;
        this.person = person;
    }

    static TestBoard create(Path dir, String... columns) {
        return createFile(dir.resolve("tack.db"), columns);
    }

    /** A board file named {@code db} (its folder is the test folder). */
    static TestBoard createFile(Path db, String... columns) {
        Path dir = db.getParent();
        Actor tester = new Actor("tester", Hosts.name(), ProcessHandle.current().pid());
        Database database = Database.open(db, Database.Options.defaults().creating(true),
                tx -> Boards.create(tx, tester, "main", List.of(columns)));
        return new TestBoard(dir, db, database, new Workspace(database, tester, null));
    }

    /** A workspace acting as {@code name} in this JVM (this process's pid). */
    Workspace workspaceAs(String name) {
        return new Workspace(database, new Actor(name, Hosts.name(), ProcessHandle.current().pid()), null);
    }

    dev.tack.board.Columns columnsOf(String name) {
        return new dev.tack.board.Columns(workspaceAs(name));
    }

    List<Long> addCards(String column, int count, String titlePrefix) {
        Cards cards = new Cards(person);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(cards.add(NewCard.titled(titlePrefix + " " + i).inColumn(column)).id());
        }
        return ids;
    }

    CardRow card(long id) {
        return cards("c.id = " + id).get(0);
    }

    List<CardRow> cards() {
        return cards("1 = 1");
    }

    private List<CardRow> cards(String where) {
        return database.read(tx -> tx.list("SELECT c.id, col.name, c.title, c.claimed_by, c.claim_pid, c.lease_until,"
                + " c.attempts, c.failed, c.version FROM cards c JOIN columns col ON col.id = c.column_id WHERE " + where
                + " ORDER BY c.id", row -> new CardRow(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                nullableLong(row, 5), nullableLong(row, 6), row.getInt(7), row.getInt(8) != 0, row.getLong(9))));
    }

    private static Long nullableLong(java.sql.ResultSet row, int column) throws java.sql.SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** How many live cards each column holds. */
    Map<String, Long> columnCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        database.read(tx -> tx.list("SELECT col.name, (SELECT count(*) FROM cards c WHERE c.column_id = col.id AND c.archived = 0)"
                + " FROM columns col ORDER BY col.position", row -> counts.put(row.getString(1), row.getLong(2))));
        return counts;
    }

    List<Run> runs() {
        return database.read(tx -> tx.list("SELECT id, card_id, worker, host, pid, attempt, started_at, finished_at, outcome,"
                + " exit_code, output_tail, log_path FROM runs ORDER BY id", TestBoard::run));
    }

    List<Run> runsOf(long cardId) {
        return runs().stream().filter(r -> r.cardId() == cardId).toList();
    }

    private static Run run(java.sql.ResultSet row) throws java.sql.SQLException {
        Object exit = row.getObject(10);
        return new Run(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getLong(5), row.getInt(6),
                row.getString(7), row.getString(8), row.getString(9), exit == null ? null : ((Number) exit).intValue(),
                row.getString(11), row.getString(12));
    }

    long eventCount() {
        return database.read(tx -> tx.number("SELECT count(*) FROM events"));
    }

    long eventCount(String kind) {
        return database.read(tx -> tx.number("SELECT count(*) FROM events WHERE kind = ?", kind));
    }

    List<String> eventSummaries(String kind) {
        return database.read(tx -> tx.list("SELECT summary FROM events WHERE kind = ? ORDER BY id", row -> row.getString(1), kind));
    }

    /** What an in-process {@code tack} command printed and returned. */
    record Cli(int code, String out, String err) {
    }

    /** Runs {@code tack --db <this board> args...} in this JVM. */
    Cli tack(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> argv = new ArrayList<>(List.of("--db", db.toString()));
        argv.addAll(List.of(args));
        int code = TackCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), argv.toArray(String[]::new));
        return new Cli(code, out.toString(), err.toString());
    }

    /** The command line that starts {@code tack} in a new JVM, light on start-up cost. */
    static List<String> javaCommand() {
        return List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx128m", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), "dev.tack.Main");
    }

    /** {@code TACK} for scripts: the launcher as one shell word list. */
    static String tackLauncher() {
        return String.join(" ", javaCommand());
    }

    /** Starts {@code tack --db <board> worker args...} as its own JVM; its output goes to a log file in the test folder. */
    Process startWorker(String... args) {
        return startWorker(Map.of(), args);
    }

    Process startWorker(Map<String, String> environment, String... args) {
        List<String> argv = new ArrayList<>(javaCommand());
        argv.addAll(List.of("--db", db.toString(), "worker"));
        argv.addAll(List.of(args));
        return start(argv, environment, "worker");
    }

    /** Starts {@code tack --db <board> args...} as its own JVM. */
    Process startTack(String... args) {
        List<String> argv = new ArrayList<>(javaCommand());
        argv.addAll(List.of("--db", db.toString()));
        argv.addAll(List.of(args));
        return start(argv, Map.of(), "tack");
    }

    private synchronized Process start(List<String> argv, Map<String, String> environment, String what) {
        Path log = dir.resolve(what + "-" + logs.size() + ".log");
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("TACK_DB");
        builder.environment().remove("TACK_BOARD");
        builder.environment().remove("TACK_ACTOR");
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            processes.add(process);
            logs.add(log);
            return process;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + argv, e);
        }
    }

    /** Every process log, for failure messages. */
    synchronized String logs() {
        StringBuilder text = new StringBuilder();
        for (Path log : logs) {
            text.append("---- ").append(log.getFileName()).append('\n');
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> text.append(l).append('\n'));
            } catch (IOException e) {
                text.append("(unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return text.toString();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** A log's lines as written so far; none while it does not exist yet. */
    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    static void signal(Process process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} every 20 ms up to {@code limit}; returns whether it came true. */
    static boolean await(Duration limit, BooleanSupplier condition) {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(20);
        }
        return condition.getAsBoolean();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean exited(Process process, Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            if (process.isAlive()) {
                try {
                    new ProcessBuilder("kill", "-CONT", String.valueOf(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
                } catch (IOException | InterruptedException ignored) {
                    // best effort: a stopped process would not die of SIGKILL any slower
                }
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                exited(process, Duration.ofSeconds(10));
            }
        }
        database.close();
    }
}
