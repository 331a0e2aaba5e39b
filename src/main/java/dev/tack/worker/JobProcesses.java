package dev.tack.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The processes of one run's command, found through {@code /proc} on this host, and the means to
 * stop them all.
 *
 * <p>Every command starts as the leader of a session of its own ({@code setsid}), with
 * {@code TACK_RUN_ID} and {@code TACK_DB} in its environment. A worker killed with {@code -9}
 * cannot stop it, and a paused one does not: the command runs on. Before a reclaimer on the same
 * host puts such a card back in the queue it looks for processes that carry the run's marker
 * (their start environment, which {@code /proc/PID/environ} keeps whatever the script later
 * unsets), adds every member of a session such a process leads (children that cleared their
 * environment stay in it), and stops them: SIGTERM, then SIGKILL. Only then may the card run again,
 * so one card's command never runs twice at the same moment.
 *
 * <p>Why not make the command die with its worker instead: Java cannot set
 * {@code PR_SET_PDEATHSIG} without native code, {@code setpriv --pdeathsig} covers only the first
 * process (not what the script starts), and a wrapper that polls its parent leaves a window in
 * which a reclaimer could start the card again. What it cannot see: processes of another user
 * (their {@code /proc} entries are closed to us) and processes that start sessions of their own
 * and drop the marker (daemons). On Linux only; elsewhere nothing is found and reclaim goes on as
 * before.
 */
final class JobProcesses {

    private static final Path PROC = Path.of("/proc");
    private static final Optional<String> SETSID = locate("setsid");

    private JobProcesses() {
    }

    /** The argument list that runs {@code command} through {@code /bin/sh} as the leader of a new session. */
    static List<String> commandLine(String command) {
        // -w: should setsid have to fork (it does when already a group leader), it waits for the
        // command, so the worker still sees the command's own exit status and end.
        return SETSID.map(setsid -> List.of(setsid, "-w", "/bin/sh", "-c", command))
                .orElseGet(() -> List.of("/bin/sh", "-c", command));
    }

    /** Live processes of run {@code runId} of the database {@code database}, with the sessions they lead. */
    static Set<ProcessHandle> ofRun(long runId, Path database) {
        Set<ProcessHandle> marked = new LinkedHashSet<>();
        String wantedRun = "TACK_RUN_ID=" + runId;
        ProcessHandle.allProcesses().forEach(process -> {
            List<String> environment = environment(process.pid());
            if (environment.contains(wantedRun) && sameDatabase(environment, database) && alive(process)) {
                marked.add(process);
            }
        });
        Set<ProcessHandle> all = new LinkedHashSet<>(marked);
        for (ProcessHandle leader : marked) {
            if (session(leader.pid()) == leader.pid()) {
                all.addAll(sessionMembers(leader.pid()));
            }
        }
        return all;
    }

    /** Live members of the session {@code sid} (a command's session: its leader's pid). */
    static Set<ProcessHandle> sessionMembers(long sid) {
        Set<ProcessHandle> members = new LinkedHashSet<>();
        if (sid <= 1) {
            return members;
        }
        ProcessHandle.allProcesses().filter(p -> session(p.pid()) == sid && alive(p)).forEach(members::add);
        return members;
    }

    /**
     * Sends SIGTERM to every process, waits up to {@code grace} for all to end, then SIGKILL and up
     * to 5 s more; answers whether none is left.
     */
    static boolean stop(Set<ProcessHandle> processes, Duration grace) {
        processes.forEach(ProcessHandle::destroy);
        if (awaitGone(processes, grace)) {
            return true;
        }
        processes.stream().filter(JobProcesses::alive).forEach(ProcessHandle::destroyForcibly);
        return awaitGone(processes, Duration.ofSeconds(5));
    }

    /** SIGKILL to every process, no waiting: the worker's own kill of a command it started. */
    static void kill(Set<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroyForcibly);
    }

    private static boolean awaitGone(Set<ProcessHandle> processes, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (processes.stream().anyMatch(JobProcesses::alive)) {
            if (System.nanoTime() - end > 0) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Alive and not a zombie: an orphan's zombie waits for a reaper that may never come (pid 1 in a container). */
    static boolean alive(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        String stat = stat(process.pid());
        int close = stat.lastIndexOf(')');
        return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'Z';
    }

    /** The session id of {@code pid} ({@code /proc/PID/stat}, field 6), or -1. */
    static long session(long pid) {
        String stat = stat(pid);
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return -1;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        try {
            return fields.length > 3 ? Long.parseLong(fields[3]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String stat(long pid) {
        try {
            return Files.readString(PROC.resolve(pid + "/stat"), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static List<String> environment(long pid) {
        try {
            byte[] bytes = Files.readAllBytes(PROC.resolve(pid + "/environ"));
            return List.of(new String(bytes, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException e) {
            return List.of(); // gone, or another user's
        }
    }

    /** Whether the command's TACK_DB names {@code database}: by the file's identity, as two paths may lead to it. */
    private static boolean sameDatabase(List<String> environment, Path database) {
        for (String entry : environment) {
            if (entry.startsWith("TACK_DB=")) {
                try {
                    return Files.isSameFile(Path.of(entry.substring("TACK_DB=".length())), database);
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            }
        }
        return false;
    }

    private static Optional<String> locate(String program) {
        for (String folder : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path file = Path.of(folder, program);
            if (Files.isExecutable(file)) {
                return Optional.of(file.toString());
            }
        }
        return Optional.empty();
    }
}
