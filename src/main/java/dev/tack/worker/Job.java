package dev.tack.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import dev.tack.board.Claims;
import dev.tack.board.Json;
import dev.tack.model.Card;
import dev.tack.model.Run;

/**
 * One command running for one claimed card, outside any lock. Its output (stdout and stderr
 * together) goes whole to the run's log file and, bounded, to an {@link OutputTail}.
 */
final class Job {

    /** How the command ended. {@code exitCode} is null when it could not start or was killed for its time. */
    record Result(Claims.Outcome outcome, Integer exitCode, String tail) {
    }

    private final Claims.Claimed claimed;
    private final OutputTail tail = new OutputTail();
    private volatile Process process;
    /** Why tack stopped the command before its end, for its run's output; null while it has not. */
    private volatile String stoppedBecause;
    /** Who took the card back, when a person did; null when the lease just ran out. */
    private volatile String takenBackBy;

    Job(Claims.Claimed claimed) {
        this.claimed = claimed;
    }

    Card card() {
        return claimed.card();
    }

    Run run() {
        return claimed.run();
    }

    OutputTail tail() {
        return tail;
    }

    /** Runs the command to its end, its time limit, or a kill; never throws. */
    Result execute(String command, Map<String, String> environment, long timeoutMillis) {
        Path log = run().logPath() == null ? null : Path.of(run().logPath());
        try {
            if (log != null) {
                Files.createDirectories(log.getParent());
            }
            ProcessBuilder builder = new ProcessBuilder(JobProcesses.commandLine(command)).redirectErrorStream(true);
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            tail.add("tack: could not start the command: " + e.getMessage());
            return new Result(Claims.Outcome.FAILED, null, tail.text());
        }
        Thread pump = new Thread(() -> pumpOutput(process, log), "tack-output-" + run().id());
        pump.setDaemon(true);
        pump.start();
        // The card goes in from a thread of its own: a card bigger than the pipe (64 KiB) would block
        // this thread until the command read it or ended, and the time limit below would not hold.
        Process started = process;
        byte[] input = (Json.compact(Json.card(card())) + "\n").getBytes(StandardCharsets.UTF_8);
        Thread feeder = new Thread(() -> {
            try (OutputStream stdin = started.getOutputStream()) {
                stdin.write(input);
            } catch (IOException ignored) {
                // the command need not read its input
            }
        }, "tack-input-" + run().id());
        feeder.setDaemon(true);
        feeder.start();
        try {
            if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                killTree();
                process.waitFor(5, TimeUnit.SECONDS);
                pump.join(1_000);
                tail.add("tack: killed after the time limit of " + timeoutMillis / 1000 + " s");
                return new Result(Claims.Outcome.TIMED_OUT, null, tail.text());
            }
            pump.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree();
            return new Result(Claims.Outcome.FAILED, null, tail.text());
        }
        int exit = process.exitValue();
        // Exit 0 means the command ended on its own before a stop reached it (a stop kills it: 137):
        // a worker that wakes from SIGSTOP may stop a command that ended while it slept.
        String why = exit == 0 ? null : stoppedBecause;
        if (why != null) {
            tail.add("tack: stopped because " + why);
        }
        return new Result(exit == 0 ? Claims.Outcome.SUCCEEDED : Claims.Outcome.FAILED, exit, tail.text());
    }

    /** Stops the command and everything it started: its session (which holds what it left behind too) and its descendants. */
    void killTree() {
        Process running = process;
        if (running == null) {
            return;
        }
        java.util.Set<ProcessHandle> all = new java.util.LinkedHashSet<>(JobProcesses.sessionMembers(running.pid()));
        running.descendants().forEach(all::add);
        JobProcesses.kill(all);
        running.destroyForcibly();
    }

    /** Another worker may hold the card now, or a person took it back ({@code by}, else null): running on would run it twice at once. */
    void killForLostLease(String by) {
        takenBackBy = by;
        stopBecause(by != null ? by + " took the card back" : "this worker lost its lease on the card");
    }

    /** The worker lost its mark of life (its connection to the server): another worker may prove it gone and run the card. */
    void killForLostMark() {
        stopBecause("this worker lost its connection to the server: another worker may take the card");
    }

    /** The worker could not renew the card's lease before it ran out: another worker may take the card then. */
    void killForUnrenewedLease() {
        stopBecause("this worker could not renew its lease on the card in time: another worker may take the card");
    }

    private void stopBecause(String why) {
        stoppedBecause = why;
        killTree();
    }

    /** Who took the card back from this job, or null. */
    String takenBackBy() {
        return takenBackBy;
    }

    boolean alive() {
        Process running = process;
        return running != null && running.isAlive();
    }

    private void pumpOutput(Process running, Path log) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8));
             Writer file = log == null ? Writer.nullWriter() : Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = reader.readLine()) != null) {
                tail.add(line);
                file.write(line);
                file.write('\n');
                file.flush();
            }
        } catch (IOException e) {
            tail.add("tack: output lost: " + e.getMessage());
        }
    }
}
