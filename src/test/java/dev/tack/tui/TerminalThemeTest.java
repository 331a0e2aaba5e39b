package dev.tack.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole program in a real terminal: the theme follows the terminal's background as tmux
 * reports it (tmux answers OSC 11 with the pane's background when a style sets one), and as a
 * terminal played by this test answers it (through {@code script}'s pseudo-terminal); the answer
 * never shows and is never taken for keys. (Closing the terminal: TmuxEndToEndTest's SIGHUP round.)
 */
class TerminalThemeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @TempDir
    Path dir;
    private final String socket = "tack-theme-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private boolean serverStarted;
    private Process scripted;

    @AfterEach
    void stop() throws Exception {
        if (serverStarted) {
            tmux("kill-server");
        }
        if (scripted != null) {
            scripted.destroyForcibly();
        }
    }

    @Test
    void aLightTmuxPaneGetsTheLightTheme() throws Exception {
        Assumptions.assumeTrue(installed("tmux", "-V"), "tmux is not installed");
        String pane = board("window-style bg=white", "38;5;241m");
        assertThat(pane).as("the light palette's grey and amber").contains("38;5;241m").contains("38;5;94mdue tomorrow")
                .doesNotContain("38;5;245m");
        assertNoAnswerLeaked();
    }

    @Test
    void aTmuxPaneThatDoesNotAnswerIsDark() throws Exception {
        Assumptions.assumeTrue(installed("tmux", "-V"), "tmux is not installed");
        String pane = board(null, "38;5;245m");
        assertThat(pane).as("the dark palette's grey and yellow").contains("38;5;245m").contains("38;5;220mdue tomorrow")
                .doesNotContain("38;5;241m");
        assertNoAnswerLeaked();
    }

    @Test
    void aTerminalThatAnswersLightGetsTheLightThemeIn16Colours() throws Exception {
        Assumptions.assumeTrue(installed("script", "--version"), "script (util-linux) is not installed");
        seed();
        String command = "stty rows 30 cols 100; exec " + tack("--as", "term");
        ProcessBuilder builder = new ProcessBuilder("script", "-q", "-f", "-e", "-c", command, "/dev/null");
        builder.environment().put("TERM", "xterm");
        builder.environment().remove("COLORFGBG");
        builder.environment().remove("COLORTERM");
        builder.environment().remove("NO_COLOR");
        builder.redirectErrorStream(true);
        scripted = builder.start();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        OutputStream keyboard = scripted.getOutputStream();
        Thread reader = new Thread(() -> copy(scripted.getInputStream(), seen), "terminal-output");
        reader.setDaemon(true);
        reader.start();

        await(seen, "the background query", s -> s.contains("\u001b]11;?\u001b\\"));
        // xterm's answer, black on white, and its device attributes: what a light xterm says.
        keyboard.write("\u001b]11;rgb:ffff/ffff/ffff\u001b\\\u001b[?64;1;2;6;9;15;18;21;22c".getBytes(StandardCharsets.US_ASCII));
        keyboard.flush();
        // The light theme in 16 colours: no grey, and a due date in magenta rather than yellow.
        await(seen, "the board in the light theme", s -> s.contains("\u001b[35mdue tomorrow"));
        keyboard.write('q');
        keyboard.flush();
        assertThat(scripted.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("tack quit on q, so the answer was no key").isTrue();
        String output = text(seen);
        assertThat(output).as("the answer is not echoed").doesNotContain("rgb:ffff");
        assertThat(scripted.exitValue()).isZero();
    }

    // -- helpers -----------------------------------------------------------------------------------

    /** The board in a tmux pane, with {@code style} set (or none), once it shows in {@code colour}: the pane with its colours. */
    private String board(String style, String colour) throws Exception {
        seed();
        Path conf = dir.resolve("tmux.conf");
        Files.writeString(conf, "set -g default-terminal tmux-256color\n" + (style == null ? "" : "set -g " + style + "\n"));
        String command = "env -u COLORFGBG -u NO_COLOR " + tack("--as", "e2e") + "; echo EXITED:$?; sleep 60";
        tmux("-f", conf.toString(), "new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", command);
        serverStarted = true;
        awaitPane("the board", p -> p.contains("due tomorrow") && p.contains("last:"));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String pane = tmux("capture-pane", "-p", "-e", "-t", "e2e");
        while (!pane.contains(colour)) {
            if (System.nanoTime() > deadline) {
                fail("waited for the board in " + colour + "; the pane shows:\n" + pane.replace("\u001b", "^["));
            }
            Thread.sleep(100);
            pane = tmux("capture-pane", "-p", "-e", "-t", "e2e");
        }
        return pane;
    }

    /** The answer did not reach the screen, nor the keys: no dialog opened, and q still quits at once. */
    private void assertNoAnswerLeaked() throws Exception {
        String pane = tmux("capture-pane", "-p", "-t", "e2e");
        assertThat(pane).doesNotContain("rgb:").doesNotContain("11;").doesNotContain("Boards");
        tmux("send-keys", "-t", "e2e", "q");
        assertThat(awaitPane("tack to exit", p -> p.contains("EXITED:"))).contains("EXITED:0");
    }

    private void seed() {
        try (Workspace setup = Fixture.create(dir, "setup")) {
            new Cards(setup).add(new NewCard("Read on any terminal", "Todo", "", List.of("ui"), 1, LocalDate.now().plusDays(1), null, null));
        }
    }

    private String tack(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder command = new StringBuilder(quote(java) + " -cp " + quote(System.getProperty("java.class.path"))
                + " dev.tack.Main --db " + quote(dir.resolve("tack.db").toString()));
        for (String arg : args) {
            command.append(' ').append(quote(arg));
        }
        return command.toString();
    }

    private static boolean installed(String... probe) {
        try {
            Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("tmux " + String.join(" ", args) + " hung");
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private String awaitPane(String what, Predicate<String> condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String pane = tmux("capture-pane", "-p", "-t", tmux("list-sessions", "-F", "#{session_name}").lines().findFirst().orElse(""));
        while (!condition.test(pane)) {
            if (System.nanoTime() > deadline) {
                fail("waited " + PATIENCE.toSeconds() + " s for " + what + "; the pane shows:\n" + pane);
            }
            Thread.sleep(100);
            pane = tmux("capture-pane", "-p", "-t", tmux("list-sessions", "-F", "#{session_name}").lines().findFirst().orElse(""));
        }
        return pane;
    }

    private static void await(ByteArrayOutputStream seen, String what, Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.test(text(seen))) {
            if (System.nanoTime() > deadline) {
                fail("waited " + PATIENCE.toSeconds() + " s for " + what + "; the terminal got:\n" + text(seen).replace("\u001b", "^["));
            }
            Thread.sleep(5);
        }
    }

    private static String text(ByteArrayOutputStream seen) {
        synchronized (seen) {
            return seen.toString(StandardCharsets.UTF_8);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException ignored) {
            // the terminal closed
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
