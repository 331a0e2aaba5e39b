package dev.tack.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real child JVM running a main class of this test classpath. Its stdout is read continuously
 * by a thread of its own, line by line; only complete lines (ending in a newline) count, so a line
 * cut short by {@code kill -9} is never mistaken for an acknowledgement. Stderr is drained too,
 * so a chatty child never blocks on a full pipe.
 */
public final class ChildJvm implements AutoCloseable {

    /** JVM flags that make a short-lived child start quickly and stay small. */
    private static final List<String> FAST_START = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto", "-Xmx96m", "-Xss512k",
            // as the installed launcher does: no JDK 24+ warning when sqlite-jdbc loads its native library
            "--enable-native-access=ALL-UNNAMED");

    private final String name;
    private final Process process;
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private final List<String> lines = new ArrayList<>();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private volatile String partialTail = "";
    private boolean stdoutEnded;

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdoutReader = new Thread(this::readStdout, name + "-stdout");
        this.stderrReader = new Thread(this::readStderr, name + "-stderr");
        stdoutReader.setDaemon(true);
        stderrReader.setDaemon(true);
        stdoutReader.start();
        stderrReader.start();
    }

    /** The java binary running this test, and the command line that runs {@code main} in a new JVM. */
    public static List<String> command(Path tmpDir, Class<?> main, String... args) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(FAST_START);
        // sqlite-jdbc unpacks its native library into the temp folder; keep killed children's copies in the test's folder.
        command.add("-Djava.io.tmpdir=" + tmpDir);
        // A child that crashes (the crash harness's negative control makes some die of SIGBUS) leaves its report there too, not in the project.
        command.add("-XX:ErrorFile=" + tmpDir.resolve("hs_err_pid%p.log"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }

    public static ChildJvm start(String name, Path tmpDir, Class<?> main, String... args) {
        return startCommand(name, command(tmpDir, main, args));
    }

    /** Starts any command (e.g. a JVM under strace) with the same stdout/stderr handling. */
    public static ChildJvm startCommand(String name, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("TACK_") || key.startsWith("JAVA_TOOL_OPTIONS") || key.equals("_JAVA_OPTIONS"));
        try {
            return new ChildJvm(name, builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Every complete line read so far. */
    public synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    public String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    /** A line the child had started but not finished when its stdout ended (a kill mid-write), or "". */
    public String partialTail() {
        return partialTail;
    }

    /**
     * Waits for a complete line matching {@code test}; returns it, or null when the child's stdout
     * ended or the timeout passed first.
     */
    public synchronized String awaitLine(Predicate<String> test, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < lines.size(); checked++) {
                if (test.test(lines.get(checked))) {
                    return lines.get(checked);
                }
            }
            long left = end - System.nanoTime();
            if (stdoutEnded || left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    public String awaitLineStartingWith(String prefix, Duration timeout) throws InterruptedException {
        return awaitLine(line -> line.startsWith(prefix), timeout);
    }

    /** Sends one line to the child's stdin. */
    public void send(String line) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new IllegalStateException(name + " is not reading its stdin: " + e.getMessage() + "; stderr: " + stderr(), e);
        }
    }

    /** Closes the child's stdin: drivers that run "until told" finish their current write and exit. */
    public void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the child is gone already
        }
    }

    /** SIGKILL ({@code kill -9} on Linux); returns once the process is gone and its stdout is fully read. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** Sends a signal by name ("STOP", "CONT", ...) with the kill command. */
    public void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid() + " failed: "
                    + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Waits for the process to exit and for its output to be read; returns the exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " (pid " + pid() + ") did not exit within " + timeout
                    + "; last lines: " + tail() + "; stderr: " + stderr());
        }
        stdoutReader.join(10_000);
        stderrReader.join(10_000);
        return process.exitValue();
    }

    /** The last few lines, for failure messages. */
    public synchronized List<String> tail() {
        return new ArrayList<>(lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                signal("CONT");
            } catch (IOException | InterruptedException | RuntimeException ignored) {
                // best effort: a stopped child would otherwise ignore the kill until continued
            }
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void readStdout() {
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        addLine(current.toString(StandardCharsets.UTF_8));
                        current.reset();
                    } else {
                        current.write(buffer[i]);
                    }
                }
            }
        } catch (IOException ignored) {
            // the pipe broke: the child is gone
        } finally {
            partialTail = current.toString(StandardCharsets.UTF_8);
            synchronized (this) {
                stdoutEnded = true;
                notifyAll();
            }
        }
    }

    private synchronized void addLine(String line) {
        lines.add(line);
        notifyAll();
    }

    private void readStderr() {
        byte[] buffer = new byte[8192];
        try (InputStream in = process.getErrorStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (stderr) {
                    if (stderr.size() < 1_000_000) {
                        stderr.write(buffer, 0, n);
                    }
                }
            }
        } catch (IOException ignored) {
            // the child is gone
        }
    }

    /**
     * For drivers: a flag set once stdin closes (the parent's way to say "stop"), watched by a
     * daemon thread so that the driver's own loop never blocks on a read.
     */
    public static java.util.concurrent.atomic.AtomicBoolean stopWhenStdinCloses() {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean(false);
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing to read; wait for the end
                }
            } catch (IOException ignored) {
                // treat as closed
            }
            stop.set(true);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return stop;
    }

    /** For drivers: a stdout whose every line reaches the pipe in one write, flushed at once. */
    public static final class LineOut {
        private final OutputStream out = new java.io.FileOutputStream(java.io.FileDescriptor.out);
        private final OutputStream log;

        public LineOut() {
            this.log = null;
        }

        /**
         * Also appends every line to {@code log} (O_APPEND, one unbuffered write per line, before
         * stdout): a record in the page cache that outlives a {@code kill -9} of this process.
         */
        public LineOut(Path log) throws IOException {
            this.log = java.nio.file.Files.newOutputStream(log, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }

        public synchronized void println(String line) {
            try {
                byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
                if (log != null) {
                    log.write(bytes);
                }
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // the parent stopped reading: nothing left to tell it
                Runtime.getRuntime().halt(3);
            }
        }
    }
}
