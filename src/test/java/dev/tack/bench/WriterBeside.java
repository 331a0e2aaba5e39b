package dev.tack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.model.TackException;

/**
 * Another writer beside a long operation (bench/import.sh): one JVM that opens the board once and
 * adds a card every PACE_MS (a person, a worker's heartbeats), until STOP_FILE appears. Each add is
 * one short transaction, so its time is almost all waiting for the write lock: that is the figure
 * the import's batches must keep short. The pace keeps this writer from taking a core the import
 * would otherwise have. Prints the adds' count, median, p99 and longest times, and how many gave up (exit 5's
 * "board is busy"). Its first line, "ready", says that it has written once.
 *
 * <p>Usage: {@code WriterBeside DB STOP_FILE PACE_MS}
 */
public final class WriterBeside {

    private WriterBeside() {
    }

    public static void main(String[] args) throws Exception {
        Path stop = Path.of(args[1]);
        long paceMillis = Long.parseLong(args[2]);
        Actor actor = new Actor("beside", "localhost", ProcessHandle.current().pid());
        List<Double> millis = new ArrayList<>();
        int busy = 0;
        try (Workspace workspace = Workspace.open(args[0], Workspace.Options.defaults(), actor, null, null)) {
            Cards cards = new Cards(workspace);
            cards.add(NewCard.titled("warm-up")); // the first write pays for the JIT and the statements
            System.out.println("ready");
            System.out.flush();
            while (!Files.exists(stop)) {
                long start = System.nanoTime();
                try {
                    cards.add(NewCard.titled("beside the import"));
                    millis.add((System.nanoTime() - start) / 1e6);
                } catch (TackException e) {
                    busy++;
                }
                Thread.sleep(paceMillis);
            }
        }
        Collections.sort(millis);
        int n = millis.size();
        System.out.printf(Locale.ROOT, "a writer beside it: %d adds in one JVM, median %.1f ms, p99 %.1f ms, longest %.1f ms, %d gave up%n",
                n, n == 0 ? 0 : millis.get(n / 2), n == 0 ? 0 : millis.get(Math.min(n - 1, (int) (n * 0.99))),
                n == 0 ? 0 : millis.get(n - 1), busy);
    }
}
