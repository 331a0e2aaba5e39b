package dev.tack.board;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import dev.tack.model.Hook;

/**
 * Runs one hook's command: {@code sh -c CMD} with the event's JSON on standard input and its
 * fields in the environment, for at most the hook's timeout (then it and its children are killed).
 * Its output is kept, not shown: standard output of the command that fired it may be a JSON
 * document; the last line is quoted in the log when the hook fails. Called after a commit, never
 * under the write lock (docs/ARCHITECTURE.md §2 rule 3: nothing slow inside the lock).
 */
final class HookProcess {

    private static final int KEPT = 2_000;

    private HookProcess() {
    }

    static void run(Hook hook, String payload, Map<String, String> environment, Consumer<String> log) {
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", "-c", hook.command())).redirectErrorStream(true);
        builder.environment().putAll(environment);
        String name = "hook #" + hook.id() + " (" + Hooks.describe(hook) + ") on #" + environment.get("TACK_CARD_ID");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            log.accept(name + " could not start: " + e.getMessage());
            return;
        }
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> keep(process.getInputStream(), output), "tack-hook-output");
        reader.setDaemon(true);
        reader.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((payload + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the command does not read its standard input: that is its right
        }
        try {
            if (!process.waitFor(hook.timeoutMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(2, TimeUnit.SECONDS);
                log.accept(name + " timed out after " + hook.timeoutMillis() / 1000.0 + " s and was stopped" + lastLine(output, reader));
                return;
            }
            int exit = process.exitValue();
            if (exit != 0) {
                log.accept(name + " failed (exit " + exit + ")" + lastLine(output, reader));
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void keep(InputStream in, StringBuilder output) {
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (output) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (output.length() > KEPT) {
                        output.delete(0, output.length() - KEPT);
                    }
                }
            }
        } catch (IOException e) {
            // the hook is gone
        }
    }

    private static String lastLine(StringBuilder output, Thread reader) {
        try {
            reader.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (output) {
            List<String> lines = output.toString().lines().filter(line -> !line.isBlank()).toList();
            return lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip();
        }
    }
}
