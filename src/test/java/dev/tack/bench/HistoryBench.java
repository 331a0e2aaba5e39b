package dev.tack.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.tack.board.History;
import dev.tack.board.Queries;
import dev.tack.board.Workspace;
import dev.tack.cli.TackCommand;
import dev.tack.model.Actor;
import dev.tack.store.sqlite.Database;

/**
 * The commands of {@code bench/history.sh} run inside one JVM, through {@link TackCommand#run} as
 * the jar runs them (opening the file each time), so the JVM's start is not in the figures: the
 * first run of each (classes loading, no JIT yet) and the median of the next ones.
 * Usage: {@code HistoryBench DB RUNS}
 */
public final class HistoryBench {

    private HistoryBench() {
    }

    public static void main(String[] args) {
        String db = args[0];
        int runs = Integer.parseInt(args[1]);
        // controls: opening the file for a tiny read, and a move through the same write path as undo
        measure(db, runs, "column ls", new String[] {"column", "ls"}, null);
        measure(db, runs, "--board board3 mv 3 Done", new String[] {"--board", "board3", "mv", "3", "Done"},
                new String[] {"--board", "board3", "mv", "3", "Doing"});
        measure(db, runs, "undo", new String[] {"undo"}, new String[] {"redo"});
        measure(db, runs, "redo", new String[] {"redo"}, new String[] {"undo"});
        measure(db, runs, "log -n 20", new String[] {"log", "-n", "20"}, null);
        measure(db, runs, "--board board4 log -n 20", new String[] {"--board", "board4", "log", "-n", "20"}, null);
        measure(db, runs, "ls", new String[] {"ls"}, null);
        openFile(db, runs * 5);
    }

    /** Undo and redo, and the log's last page, on a file kept open: the lookup and the write alone, without opening the file. */
    private static void openFile(String db, int runs) {
        try (Database database = Database.open(java.nio.file.Path.of(db), Database.Options.defaults(), null)) {
            Workspace alice = new Workspace(database, new Actor("alice", "benchhost", 1), null);
            History history = new History(alice);
            Queries queries = new Queries(alice);
            List<Double> undo = new ArrayList<>();
            List<Double> log = new ArrayList<>();
            for (int i = 0; i < runs + 10; i++) {
                long start = System.nanoTime();
                history.undo();
                double took = (System.nanoTime() - start) / 1e6;
                history.redo();
                start = System.nanoTime();
                List<dev.tack.model.Event> page = queries.eventsAfter(null, queries.idBeforeLast(null, 20), 20);
                queries.titles(page);
                double read = (System.nanoTime() - start) / 1e6;
                if (i >= 10) { // after the JIT's warm-up
                    undo.add(took);
                    log.add(read);
                }
            }
            System.out.printf(Locale.ROOT, "  file kept open: undo p50 %.2f ms, p99 %.2f ms; the log's last 20 events p50 %.2f ms,"
                    + " p99 %.2f ms (%d runs)%n", percentile(undo, 50), percentile(undo, 99), percentile(log, 50), percentile(log, 99), runs);
        }
    }

    private static double percentile(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Times {@code command} (after {@code between}, untimed, when given: an undo is followed by a redo). */
    private static void measure(String db, int runs, String label, String[] command, String[] between) {
        if (label.equals("redo")) {
            run(db, new String[] {"undo"}); // so that there is something to redo
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            long start = System.nanoTime();
            run(db, command);
            times.add((System.nanoTime() - start) / 1e6);
            if (between != null) {
                run(db, between);
            }
        }
        if (label.equals("redo")) {
            run(db, new String[] {"redo"});
        }
        double first = times.remove(0);
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "  in one JVM: tack %-26s first %6.1f ms, then median %6.1f ms, max %6.1f ms (%d runs)%n",
                label, first, sorted[sorted.length / 2], sorted[sorted.length - 1], sorted.length);
    }

    private static void run(String db, String[] command) {
        String[] args = new String[command.length + 4];
        args[0] = "--db";
        args[1] = db;
        args[2] = "--as";
        args[3] = "alice";
        System.arraycopy(command, 0, args, 4, command.length);
        StringWriter err = new StringWriter();
        int exit = TackCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        if (exit != 0) {
            throw new IllegalStateException("tack " + String.join(" ", command) + " exited " + exit + ": " + err);
        }
    }
}
