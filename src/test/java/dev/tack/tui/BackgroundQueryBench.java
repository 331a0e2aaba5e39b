package dev.tack.tui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What asking the terminal for its background costs the screen's start, run in a real terminal
 * (bench/background-query.sh runs it in tmux): the session starts as the board's does, and
 * {@link TtySession#background()} is called at once, so the whole round trip is waited for (the
 * board overlaps it with reading the database). Prints the median and the worst of the waits, and
 * what was answered, to the file named by the first argument (the terminal itself is taken).
 */
public final class BackgroundQueryBench {

    private BackgroundQueryBench() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Long> micros = new ArrayList<>();
        Optional<Theme.Background> answer = Optional.empty();
        for (int i = 0; i < runs; i++) {
            TtySession session = new TtySession(true, System::getenv);
            session.start();
            long t0 = System.nanoTime();
            answer = session.background();
            micros.add((System.nanoTime() - t0) / 1_000);
            session.close();
        }
        Collections.sort(micros);
        Files.writeString(Path.of(args[0]), String.format("answer %s; wait after start: median %.1f ms, max %.1f ms (%d runs)%n",
                answer.map(Enum::name).orElse("none"), micros.get(micros.size() / 2) / 1000.0, micros.get(micros.size() - 1) / 1000.0, runs));
    }
}
