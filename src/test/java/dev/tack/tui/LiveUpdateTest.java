package dev.tack.tui;

import static dev.tack.tui.Fixture.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole screen loop on Lanterna's virtual terminal while other processes write: a child JVM
 * running tack's command line, a second screen, the file vanishing.
 */
class LiveUpdateTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    Workspace board;
    final List<Thread> threads = new ArrayList<>();
    final List<VirtualSession> sessions = new ArrayList<>();

    @BeforeEach
    void open() {
        board = Fixture.create(dir, "alice");
    }

    @AfterEach
    void close() throws InterruptedException {
        sessions.forEach(s -> s.keys.add(Fixture.ctrl('c')));
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        board.close();
    }

    private BoardScreen start(Workspace workspace, VirtualSession session, AtomicReference<Throwable> failure) {
        BoardScreen screen = new BoardScreen(workspace, session);
        Thread thread = new Thread(() -> {
            try {
                screen.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "screen-under-test");
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
        sessions.add(session);
        return screen;
    }

    private static void await(String what, BooleanSupplier condition, VirtualSession session) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + PATIENCE.toSeconds() + " s for " + what + "; the screen shows:\n" + session.text());
            }
            Thread.sleep(20);
        }
    }

    /** Runs {@code tack ARGS} in a child JVM on this board, as another person would from a shell. */
    private void tack(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.tack.Main", "--db", dir.resolve("tack.db").toString(),
                "--as", "bob"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("tack " + String.join(" ", args) + " did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("tack %s: %s", String.join(" ", args), output).isZero();
    }

    @Test
    void anotherProcessesCommitsArriveWithoutAKeyAndTheSelectionStays() throws Exception {
        Fixture.add(board, "a", "Todo");
        Card b = Fixture.add(board, "b", "Todo");
        Fixture.add(board, "c", "Todo");
        VirtualSession session = new VirtualSession(100, 30);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        BoardScreen screen = start(board, session, failure);
        await("the board", () -> session.row(2).startsWith(" a "), session);
        session.keys.add(key('j'));
        await("b selected", () -> screen.shownSelection() == b.id(), session);

        tack("add", "from another process", "-c", "Todo", "--pos", "0");
        await("the new card", () -> session.row(2).startsWith(" from another process"), session);
        assertThat(screen.shownSelection()).isEqualTo(b.id());
        assertThat(session.row(6)).startsWith(" b "); // pushed down one card, still selected
        assertThat(session.terminal.getCharacter(1, 6).isReversed()).isTrue();

        tack("mv", String.valueOf(b.id()), "Doing");
        await("b in Doing", () -> session.row(2).contains("│ b "), session);
        assertThat(screen.shownSelection()).isEqualTo(b.id());
        assertThat(session.terminal.getCharacter(34, 2).isReversed()).isTrue();
        // The move may first arrive through a re-read (a change without events, such as a WAL restart,
        // polled in the same round): the status line then names it one poll later.
        await("the move in the status line", () -> session.row(28).contains("last: bob moved #" + b.id() + " from Todo to Doing"),
                session);
        assertThat(failure.get()).isNull();

        session.keys.add(key('q'));
        threads.get(0).join(10_000);
        assertThat(screen.running()).isFalse();
        assertThat(session.closed).isTrue();
        assertThat(failure.get()).isNull();
    }

    @Test
    void aSecondScreenIsListedWhileOpenAndDroppedWhenItCloses() throws Exception {
        VirtualSession mine = new VirtualSession(100, 30);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        BoardScreen screen = start(board, mine, failure);
        await("the board", () -> mine.row(1).startsWith("Todo"), mine);

        VirtualSession theirs = new VirtualSession(100, 30);
        start(Fixture.as(board, "bob"), theirs, failure);
        await("bob listed", () -> screen.shownPresence().equals("bob"), mine);
        assertThat(mine.row(28)).contains("also here: bob");
        await("alice listed on bob's screen", () -> theirs.row(28).contains("also here: alice"), theirs);

        theirs.keys.add(key('q'));
        threads.get(1).join(10_000);
        await("bob gone", () -> screen.shownPresence().isEmpty(), mine);
        assertThat(mine.row(28)).doesNotContain("also here");
        assertThat(failure.get()).isNull();
    }

    /** The presence row's seen_at of each screen, read by a plain connection: one moves at each beat. */
    private List<Long> beats() throws java.sql.SQLException {
        List<Long> seen = new ArrayList<>();
        try (java.sql.Connection plain = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tack.db"));
             java.sql.ResultSet rows = plain.createStatement().executeQuery("SELECT seen_at FROM presence ORDER BY actor")) {
            while (rows.next()) {
                seen.add(rows.getLong(1));
            }
        }
        return seen;
    }

    /** Waits until each of the two screens has beaten {@code count} more times. */
    private void awaitBeats(int count, VirtualSession session) throws Exception {
        for (int i = 0; i < count; i++) {
            List<Long> before = beats();
            await("both screens to beat", () -> {
                try {
                    List<Long> now = beats();
                    return now.size() == 2 && before.size() == 2 && now.get(0) > before.get(0) && now.get(1) > before.get(1);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, session);
        }
    }

    @Test
    void beatsOfTwoScreensReadNoBoardAndASqlite3ShellsEditShowsOnBoth() throws Exception {
        Card card = Fixture.add(board, "before", "Todo");
        VirtualSession mine = new VirtualSession(100, 30);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        BoardScreen screen = start(board, mine, failure);
        await("the board", () -> mine.row(2).startsWith(" before"), mine);
        VirtualSession theirs = new VirtualSession(100, 30);
        BoardScreen other = start(Fixture.as(board, "bob"), theirs, failure);
        await("the board on bob's screen", () -> theirs.row(2).startsWith(" before"), theirs);
        await("bob listed", () -> screen.shownPresence().equals("bob"), mine);
        await("alice listed", () -> other.shownPresence().equals("alice"), theirs);

        // Each beat is a commit of the write service that changes no board data: the revision stays,
        // and neither screen reads anything of the board for it (the old heuristics re-read for some).
        awaitBeats(1, mine);
        int reads = screen.live().rereads() + screen.live().refreshes() + other.live().rereads() + other.live().refreshes();
        awaitBeats(3, mine);
        assertThat(screen.live().rereads() + screen.live().refreshes() + other.live().rereads() + other.live().refreshes())
                .as("board reads while the screens only beat").isEqualTo(reads);

        // The sqlite3 shell ignores tack's side lock and writes no event: its edit shows on both screens,
        // edit after edit while they beat (a beat in the same poll hid it for up to 30 s before).
        for (int i = 0; i < 5; i++) {
            String title = "edited in a sqlite3 shell " + i;
            Process shell = new ProcessBuilder("sqlite3", dir.resolve("tack.db").toString(),
                    "UPDATE cards SET title = '" + title + "' WHERE id = " + card.id()).redirectErrorStream(true).start();
            assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(shell.exitValue()).as(new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
            await("the shell's edit on alice's screen", () -> mine.row(2).startsWith(" " + title), mine);
            await("the shell's edit on bob's screen", () -> theirs.row(2).startsWith(" " + title), theirs);
        }
        assertThat(failure.get()).isNull();
    }

    @Test
    void aVanishedDatabaseIsAMessageNotACrash() throws Exception {
        Fixture.add(board, "a", "Todo");
        VirtualSession session = new VirtualSession(100, 30);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        BoardScreen screen = start(board, session, failure);
        await("the board", () -> session.row(2).startsWith(" a "), session);
        Process rm = new ProcessBuilder("rm", "-f", dir.resolve("tack.db").toString()).start();
        assertThat(rm.waitFor()).isZero();
        await("the notice", () -> session.row(28).contains("deleted or moved while open"), session);
        session.keys.add(key('L')); // refused: nothing can be saved
        session.keys.add(key('j'));
        await("still running", () -> session.row(28).contains("deleted or moved"), session);
        assertThat(screen.running()).isTrue();
        assertThat(failure.get()).isNull();
        session.keys.add(key('q'));
        threads.get(0).join(10_000);
        assertThat(session.closed).isTrue();
    }

    @Test
    void theTerminalIsRestoredWhenTheLoopFails() throws Exception {
        Fixture.add(board, "a", "Todo");
        VirtualSession session = new VirtualSession(100, 30);
        session.failOnSuspend = new IllegalStateException("boom");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        BoardScreen screen = start(board, session, failure);
        await("the board", () -> session.row(2).startsWith(" a "), session);
        session.keys.add(key('E')); // $EDITOR: suspending the terminal throws
        threads.get(0).join(10_000);
        assertThat(failure.get()).hasMessage("boom");
        assertThat(screen.running()).isFalse();
        assertThat(session.closed).isTrue();
    }
}
