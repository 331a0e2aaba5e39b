package dev.tack.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/ARCHITECTURE.md §3: two real tack screens open on one file in tmux, each beating its presence
 * every 2 s, while a {@code sqlite3} shell (which knows nothing of tack: no side lock, no event)
 * edits a card's title again and again. Every edit shows on both screens. How fast is measured by
 * {@code bench/shell-edit.sh}, not here.
 */
class ShellEditOnBeatingScreensTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private final String socket = "tack-shell-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private boolean serverStarted;

    @AfterEach
    void stopServer() throws Exception {
        if (serverStarted) {
            tmux("kill-server");
        }
    }

    private static boolean installed(String... versionCommand) {
        try {
            Process process = new ProcessBuilder(versionCommand).redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " hung");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
        return output;
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        return run(command);
    }

    private String await(String session, String what, Predicate<String> condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String pane = tmux("capture-pane", "-p", "-t", session);
        while (!condition.test(pane)) {
            if (System.nanoTime() > deadline) {
                fail("waited " + PATIENCE.toSeconds() + " s for " + what + " on " + session + "; the pane shows:\n" + pane);
            }
            Thread.sleep(50);
            pane = tmux("capture-pane", "-p", "-t", session);
        }
        return pane;
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    @Test
    void aSqlite3ShellsEditsShowOnTwoBeatingScreens() throws Exception {
        Assumptions.assumeTrue(installed("tmux", "-V"), "tmux is not installed");
        Assumptions.assumeTrue(installed("sqlite3", "-version"), "sqlite3 is not installed (.ci/run installs it)");
        Path db = dir.resolve("tack.db");
        Card card;
        try (Workspace setup = Fixture.create(dir, "setup")) {
            card = Fixture.add(setup, "before the shell", "Todo");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String who : List.of("ann", "bob")) {
            String command = quote(java) + " -cp " + quote(System.getProperty("java.class.path")) + " dev.tack.Main --db "
                    + quote(db.toString()) + " --as " + who + "; sleep 60";
            tmux("new-session", "-d", "-s", who, "-x", "100", "-y", "30", command);
            serverStarted = true;
        }
        // Each lists the other only after both have beaten: from here on both beat every 2 s.
        await("ann", "bob listed", p -> p.contains("before the shell") && p.contains("also here: bob"));
        await("bob", "ann listed", p -> p.contains("before the shell") && p.contains("also here: ann"));

        for (int i = 0; i < 8; i++) {
            String title = "shell edit " + i;
            run(List.of("sqlite3", db.toString(), "UPDATE cards SET title = '" + title + "' WHERE id = " + card.id()));
            for (String who : List.of("ann", "bob")) {
                await(who, "'" + title + "'", p -> p.contains(" " + title + " "));
            }
            Thread.sleep(i * 150); // the edits fall at different points of the beats' 2 s rounds
        }
    }
}
