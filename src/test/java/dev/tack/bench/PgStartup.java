package dev.tack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.tack.testing.PostgresServer;

/**
 * Wall time of {@code java -jar tack.jar add TITLE} against a board on the private server, and
 * against a board file, interleaved so that a loaded machine disturbs both alike. Run by
 * {@code bench/postgres.sh}.
 */
public final class PgStartup {

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        String jar = args[1];
        String url = PostgresServer.get().freshUrl();
        Path file = Files.createTempDirectory("tack-startup").resolve("tack.db");
        run(jar, "--db", url, "init");
        run(jar, "--db", file.toString(), "init");
        run(jar, "--db", url, "add", "warm-up");
        run(jar, "--db", file.toString(), "add", "warm-up");
        List<Long> server = new ArrayList<>();
        List<Long> local = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            server.add(run(jar, "--db", url, "add", "card " + i));
            local.add(run(jar, "--db", file.toString(), "add", "card " + i));
        }
        System.out.printf(Locale.ROOT, "tack add, java -jar (%d runs): PostgreSQL median %d ms, max %d ms; board file median %d ms, max %d ms%n",
                runs, median(server), max(server), median(local), max(local));
        System.exit(0);
    }

    private static long run(String jar, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private PgStartup() {
    }
}
