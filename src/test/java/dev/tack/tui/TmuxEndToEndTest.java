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
import dev.tack.board.CardFilter;
import dev.tack.board.Queries;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tack as a person meets it: started in a real terminal (tmux), driven by keys, read off the pane.
 * Skipped where tmux is not installed.
 */
class TmuxEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private final String socket = "tack-e2e-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private boolean serverStarted;

    @AfterEach
    void stopServer() throws Exception {
        if (serverStarted) {
            tmux("kill-server");
        }
    }

    private static boolean tmuxInstalled() {
        try {
            Process process = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
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

    private String pane() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", "e2e");
    }

    private String await(String what, Predicate<String> condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String pane = pane();
        while (!condition.test(pane)) {
            if (System.nanoTime() > deadline) {
                fail("waited " + PATIENCE.toSeconds() + " s for " + what + "; the pane shows:\n" + pane);
            }
            Thread.sleep(100);
            pane = pane();
        }
        return pane;
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    @Test
    void aPersonAddsACardMovesItAndQuits() throws Exception {
        Assumptions.assumeTrue(tmuxInstalled(), "tmux is not installed: skipping the end-to-end terminal test");
        Path db = dir.resolve("tack.db");
        try (Workspace setup = Fixture.create(dir, "setup")) {
            Fixture.add(setup, "already there", "Todo");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = quote(java) + " -cp " + quote(System.getProperty("java.class.path"))
                + " dev.tack.Main --db " + quote(db.toString()) + " --as e2e; echo EXITED:$?;"
                + " stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\{0,1\\}icanon' | sed 's/^/STTY:/'; sleep 60";
        tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", command);
        serverStarted = true;

        await("the board", p -> p.contains("tack ▸ main") && p.contains("already there"));
        tmux("send-keys", "-t", "e2e", "n");
        await("the form", p -> p.contains("New card in Todo"));
        tmux("send-keys", "-t", "e2e", "-l", "Typed in tmux 中文");
        tmux("send-keys", "-t", "e2e", "Enter");
        String pane = await("the new card", p -> p.contains("added #2 to Todo"));
        assertThat(pane).contains(" Typed in tmux 中文");

        tmux("send-keys", "-t", "e2e", "L");
        pane = await("the card in Doing", p -> p.lines().anyMatch(l -> l.contains("│ Typed in tmux 中文")));
        assertThat(pane.lines().filter(l -> l.startsWith("Todo")).findFirst().orElseThrow()).contains("Todo 1").contains("Doing 1");

        tmux("send-keys", "-t", "e2e", "q");
        pane = await("tack to exit", p -> p.contains("STTY:"));
        assertThat(pane).contains("EXITED:0").contains("STTY:icanon").doesNotContain("STTY:-icanon");

        try (Workspace check = Fixture.create(dir, "check")) {
            List<Card> doing = new Queries(check).board(CardFilter.ALL).lanes().get(1).cards();
            assertThat(doing).extracting(Card::title).containsExactly("Typed in tmux 中文");
        }
    }

    @Test
    void aClickPastColumn223OnAWideTerminalSelectsTheCardThere() throws Exception {
        Assumptions.assumeTrue(tmuxInstalled(), "tmux is not installed: skipping the end-to-end terminal test");
        Path db = dir.resolve("tack.db");
        try (Workspace setup = Fixture.create(dir, "setup")) {
            for (String column : List.of("C4", "C5", "C6", "C7", "C8", "C9")) {
                new dev.tack.board.Columns(setup).add(column, null, false, null);
            }
            Fixture.add(setup, "far right card", "C9");
            Fixture.add(setup, "left card", "Todo");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = quote(java) + " -cp " + quote(System.getProperty("java.class.path")) + " dev.tack.Main --db "
                + quote(db.toString()) + " --as e2e; sleep 60";
        tmux("new-session", "-d", "-s", "e2e", "-x", "270", "-y", "30", command);
        serverStarted = true;
        String pane = await("the board", p -> p.contains("far right card") && p.contains("left card"));
        int column = pane.lines().filter(l -> l.contains("far right card")).findFirst().orElseThrow().indexOf("far right card");
        assertThat(column).as("the card is drawn past column 223").isGreaterThan(223);

        // What the terminal sends for a click there in SGR mode (1-based), as tack asked it to.
        int row = (int) pane.lines().takeWhile(l -> !l.contains("far right card")).count();
        tmux("send-keys", "-t", "e2e", "-l", "\u001b[<0;" + (column + 3) + ";" + (row + 1) + "M");
        tmux("send-keys", "-t", "e2e", "-l", "\u001b[<0;" + (column + 3) + ";" + (row + 1) + "m");
        tmux("send-keys", "-t", "e2e", "Enter");
        await("the clicked card's details", p -> p.contains("#1 far right card") && p.contains("Column    C9"));
    }

    /** The java process tack runs in: the pane's shell's child. */
    private ProcessHandle tackProcess() throws IOException, InterruptedException {
        long panePid = Long.parseLong(tmux("display-message", "-p", "-t", "e2e", "#{pane_pid}").trim());
        ProcessHandle shell = ProcessHandle.of(panePid).orElseThrow();
        return shell.children().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false)).findFirst()
                .orElseThrow(() -> new AssertionError("no java process under the pane's shell"));
    }

    private static long screensOnTheBoard(Workspace workspace) {
        return new dev.tack.board.Presence(workspace, dev.tack.model.Heartbeat.SCREEN).others().size();
    }

    private void awaitPresence(Workspace workspace, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (screensOnTheBoard(workspace) != expected) {
            if (System.nanoTime() > deadline) {
                fail("waited " + PATIENCE.toSeconds() + " s for " + expected + " screen(s) on the board");
            }
            Thread.sleep(100);
        }
    }

    @Test
    void sigtermAndSighupEndTheScreenQuietlyAndRemoveItsPresence() throws Exception {
        Assumptions.assumeTrue(tmuxInstalled(), "tmux is not installed: skipping the end-to-end terminal test");
        Path db = dir.resolve("tack.db");
        try (Workspace setup = Fixture.create(dir, "setup")) {
            Fixture.add(setup, "already there", "Todo");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = quote(java) + " -cp " + quote(System.getProperty("java.class.path")) + " dev.tack.Main --db "
                + quote(db.toString()) + " --as e2e; echo EXITED:$?;"
                + " stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\{0,1\\}icanon' | sed 's/^/STTY:/'; sleep 60";
        tmux("new-session", "-d", "-s", "keep", "sleep 600"); // keeps the server up between rounds
        serverStarted = true;
        try (Workspace watcher = Fixture.create(dir, "watcher")) {
            for (int round = 0; round < 3; round++) {
                tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", command);
                await("the board", p -> p.contains("already there"));
                awaitPresence(watcher, 1);
                ProcessHandle tack = tackProcess();
                new ProcessBuilder("kill", "-TERM", Long.toString(tack.pid())).start().waitFor();
                String pane = await("tack to exit", p -> p.contains("STTY:"));
                assertThat(pane).as("round " + round).contains("EXITED:143").doesNotContain("tack:")
                        .doesNotContain("Exception").contains("STTY:icanon").doesNotContain("STTY:-icanon");
                assertThat(screensOnTheBoard(watcher)).as("the screen's presence row is gone at once").isZero();
                tmux("kill-session", "-t", "e2e");
            }

            // Closing the terminal window: the pane's processes get SIGHUP.
            tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", command);
            await("the board", p -> p.contains("already there"));
            awaitPresence(watcher, 1);
            ProcessHandle tack = tackProcess();
            tmux("kill-session", "-t", "e2e");
            tack.onExit().get(30, TimeUnit.SECONDS);
            assertThat(screensOnTheBoard(watcher)).as("the screen's presence row is gone at once").isZero();
        }
    }

    @Test
    void altEnterSavesACardFromItsDescriptionAndStartsANewLineInAComment() throws Exception {
        Assumptions.assumeTrue(tmuxInstalled(), "tmux is not installed: skipping the end-to-end terminal test");
        Path db = dir.resolve("tack.db");
        try (Workspace setup = Fixture.create(dir, "setup")) {
            Fixture.add(setup, "already there", "Todo");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = quote(java) + " -cp " + quote(System.getProperty("java.class.path")) + " dev.tack.Main --db "
                + quote(db.toString()) + " --as e2e; sleep 60";
        tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", command);
        serverStarted = true;
        await("the board", p -> p.contains("already there"));

        tmux("send-keys", "-t", "e2e", "n");
        await("the form", p -> p.contains("New card in Todo"));
        tmux("send-keys", "-t", "e2e", "-l", "saved with alt");
        tmux("send-keys", "-t", "e2e", "Tab");
        tmux("send-keys", "-t", "e2e", "-l", "first");
        tmux("send-keys", "-t", "e2e", "Enter");
        tmux("send-keys", "-t", "e2e", "-l", "second");
        tmux("send-keys", "-t", "e2e", "M-Enter"); // tmux sends ESC CR, as xterm does
        await("the card saved from its description", p -> p.contains("added #2 to Todo"));

        tmux("send-keys", "-t", "e2e", "c");
        await("the comment form", p -> p.contains("Comment on #2"));
        tmux("send-keys", "-t", "e2e", "-l", "line1");
        tmux("send-keys", "-t", "e2e", "M-Enter");
        tmux("send-keys", "-t", "e2e", "-l", "line2");
        tmux("send-keys", "-t", "e2e", "Enter");
        await("the comment saved", p -> p.contains("commented on #2"));

        try (Workspace check = Fixture.create(dir, "check")) {
            Queries queries = new Queries(check);
            assertThat(queries.card(2).description()).isEqualTo("first\nsecond");
            assertThat(queries.details(2).comments()).extracting(c -> c.body()).containsExactly("line1\nline2");
        }
    }

    @Test
    void ctrlZGivesTheShellACookedTerminalAndFgBringsTheBoardBackWorking() throws Exception {
        Assumptions.assumeTrue(tmuxInstalled(), "tmux is not installed: skipping the end-to-end terminal test");
        Path db = dir.resolve("tack.db");
        try (Workspace setup = Fixture.create(dir, "setup")) {
            Fixture.add(setup, "already there", "Todo");
        }
        // An interactive shell, so that there is job control: Ctrl+Z stops the job, fg continues it.
        tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "env PS1='SHELL> ' bash --norc -i");
        serverStarted = true;
        await("the shell", p -> p.contains("SHELL>"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        tmux("send-keys", "-t", "e2e", "-l", quote(java) + " -cp " + quote(System.getProperty("java.class.path"))
                + " dev.tack.Main --db " + quote(db.toString()) + " --as e2e");
        tmux("send-keys", "-t", "e2e", "Enter");
        await("the board", p -> p.contains("tack ▸ main") && p.contains("already there"));

        tmux("send-keys", "-t", "e2e", "C-z");
        String pane = await("the job stopped", p -> p.contains("Stopped") && p.strip().endsWith("SHELL>"));
        assertThat(pane).doesNotContain("tack ▸ main"); // the normal screen is back, not the board under a prompt
        tmux("send-keys", "-t", "e2e", "-l", "stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\{0,1\\}icanon' | sed 's/^/STTY:/'");
        tmux("send-keys", "-t", "e2e", "Enter");
        pane = await("stty's answer", p -> p.lines().anyMatch(l -> l.matches("STTY:-?icanon")));
        assertThat(pane.lines()).contains("STTY:icanon").doesNotContain("STTY:-icanon");

        tmux("send-keys", "-t", "e2e", "-l", "fg");
        tmux("send-keys", "-t", "e2e", "Enter");
        await("the board repainted", p -> p.contains("tack ▸ main") && p.contains("already there") && !p.contains("STTY:"));
        tmux("send-keys", "-t", "e2e", "n");
        await("the form", p -> p.contains("New card in Todo"));
        tmux("send-keys", "-t", "e2e", "-l", "after fg");
        tmux("send-keys", "-t", "e2e", "Enter");
        pane = await("the new card", p -> p.contains("added #2 to Todo"));
        assertThat(pane).contains(" after fg");

        tmux("send-keys", "-t", "e2e", "q");
        await("the shell again", p -> !p.contains("tack ▸ main") && p.strip().endsWith("SHELL>"));
        tmux("send-keys", "-t", "e2e", "-l", "echo EXITED:$?");
        tmux("send-keys", "-t", "e2e", "Enter");
        pane = await("the exit status", p -> p.lines().anyMatch(l -> l.matches("EXITED:\\d+")));
        assertThat(pane.lines()).contains("EXITED:0");
    }

    /**
     * Issue 14 as a person uses it, in one run of the whole program: wrapped titles (from the
     * config file), the marks and Markdown details, the overdue count in the top row, {@code :}
     * to a card on another board, {@code F} across boards, {@code M} to move a card to another
     * board, and the archive view's restore.
     */
    @Test
    void aBoardPeopleWantToLiveIn() throws Exception {
        Assumptions.assumeTrue(tmuxInstalled(), "tmux is not installed: skipping the end-to-end terminal test");
        Path db = dir.resolve("tack.db");
        java.time.LocalDate today = java.time.LocalDate.now();
        long wrapped;
        long pager;
        long archived;
        try (Workspace setup = Fixture.create(dir, "setup")) {
            dev.tack.board.Cards cards = new dev.tack.board.Cards(setup);
            wrapped = cards.add(new dev.tack.board.NewCard("Quarterly report needs the numbers from finance first", "Todo",
                    "Some **loud** words\n\n- [x] asked finance", List.of(), 0, today.minusDays(1), null, null)).id();
            cards.comment(wrapped, "on it");
            new dev.tack.board.Checklists(setup).add(wrapped, "call finance", null);
            new dev.tack.board.Checklists(setup).done(wrapped, 1, true);
            new dev.tack.board.Boards(setup).add("ops", List.of("Inbox", "Fixing", "Fixed"));
            pager = new dev.tack.board.Cards(setup.onBoard("ops")).add(new dev.tack.board.NewCard("pager alert", "Inbox", "", List.of(), 0,
                    today.minusDays(2), null, null)).id();
            archived = Fixture.add(setup, "old invoice", "Doing").id();
            cards.archive(archived, null);
        }
        Path config = dir.resolve("config");
        java.nio.file.Files.createDirectories(config.resolve("tack"));
        java.nio.file.Files.writeString(config.resolve("tack").resolve("config.toml"), "wrap_titles = true\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "XDG_CONFIG_HOME=" + quote(config.toString()) + " " + quote(java) + " -cp " + quote(System.getProperty("java.class.path"))
                + " dev.tack.Main --db " + quote(db.toString()) + " --as e2e; echo EXITED:$?; sleep 60";
        tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", command);
        serverStarted = true;

        String pane = await("the board", p -> p.contains("tack ▸ main") && p.contains("Quarterly"));
        assertThat(pane.lines().findFirst().orElseThrow()).contains("1 overdue (+1 on other boards) · 1 card");
        // the title goes on to a second row; the card's marks say it has a description, a checklist and a comment
        assertThat(pane.lines().filter(l -> l.contains("Quarterly")).findFirst().orElseThrow()).doesNotContain("first");
        assertThat(pane.lines().anyMatch(l -> l.startsWith(" ") && l.contains("first") && !l.contains("Quarterly"))).isTrue();
        assertThat(pane).contains("☑ 1/1").contains("≡").contains("✎1");

        tmux("send-keys", "-t", "e2e", "Enter");
        pane = await("the details", p -> p.contains("asked finance"));
        assertThat(pane).contains("Some loud words").doesNotContain("**loud**").contains("☑ asked finance");
        tmux("send-keys", "-t", "e2e", "Escape");
        await("the board again", p -> !p.contains("asked finance"));

        tmux("send-keys", "-t", "e2e", "-l", ":" + pager);
        tmux("send-keys", "-t", "e2e", "Enter");
        pane = await("the card on ops", p -> p.contains("tack ▸ ops") && p.contains("#" + pager + " on board ops in Inbox"));
        assertThat(pane.lines().findFirst().orElseThrow()).contains("1 overdue (+1 on other boards)");

        tmux("send-keys", "-t", "e2e", "F");
        await("the find dialog", p -> p.contains("Find on every board"));
        tmux("send-keys", "-t", "e2e", "-l", "quarterly");
        pane = await("the match on main", p -> p.contains("main / Todo") && p.contains("1 card "));
        tmux("send-keys", "-t", "e2e", "Enter");
        await("main again", p -> p.contains("tack ▸ main") && p.contains("#" + wrapped + " on board main in Todo"));

        tmux("send-keys", "-t", "e2e", "M");
        await("the board picker", p -> p.contains("Which board? (from main)"));
        tmux("send-keys", "-t", "e2e", "Enter");
        await("the column picker", p -> p.contains("Which column of ops?"));
        tmux("send-keys", "-t", "e2e", "j");
        tmux("send-keys", "-t", "e2e", "Enter");
        pane = await("the move", p -> p.contains("moved #" + wrapped + " to ops / Fixing"));
        assertThat(pane).contains("not undoable").doesNotContain("Quarterly");

        tmux("send-keys", "-t", "e2e", "A");
        await("the archive", p -> p.contains("Archived on main") && p.contains("old invoice  (from Doing)"));
        tmux("send-keys", "-t", "e2e", "r");
        await("the restore", p -> p.contains("restored #" + archived + " to Doing"));
        tmux("send-keys", "-t", "e2e", "Escape");
        await("the board with the card back", p -> !p.contains("Archived on main") && p.contains("old invoice"));

        tmux("send-keys", "-t", "e2e", "q");
        pane = await("tack to exit", p -> p.contains("EXITED:"));
        assertThat(pane).contains("EXITED:0");
        try (Workspace check = Fixture.create(dir, "check")) {
            Card moved = new Queries(check).card(wrapped);
            assertThat(moved.column()).isEqualTo("Fixing");
            assertThat(new Queries(check.onBoard("ops")).board(CardFilter.ALL).lanes().get(1).cards()).extracting(Card::id).containsExactly(wrapped);
            assertThat(new Queries(check).card(archived).archived()).isFalse();
        }
    }

}
