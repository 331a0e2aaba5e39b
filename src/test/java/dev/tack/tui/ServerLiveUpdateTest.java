package dev.tack.tui;

import static dev.tack.tui.Fixture.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import dev.tack.testing.Engine;
import dev.tack.testing.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole screen loop on Lanterna's virtual terminal over a PostgreSQL board: another process's
 * commits arrive through LISTEN/NOTIFY without a key, and a write from outside tack (plain SQL, as
 * psql would) shows too, through the revision the triggers keep.
 */
class ServerLiveUpdateTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    Workspace board;
    BoardScreen screen;
    VirtualSession session;
    Thread thread;
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    @BeforeEach
    void open() {
        board = Fixture.create(Engine.POSTGRESQL, dir, "alice");
    }

    @AfterEach
    void close() throws InterruptedException {
        if (session != null) {
            session.keys.add(Fixture.ctrl('c'));
            thread.join(10_000);
        }
        board.close();
    }

    private void start() {
        session = new VirtualSession(100, 30);
        screen = new BoardScreen(board, session);
        thread = new Thread(() -> {
            try {
                screen.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "screen-under-test");
        thread.setDaemon(true);
        thread.start();
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + PATIENCE.toSeconds() + " s for " + what + "; the screen shows:\n" + session.text());
            }
            Thread.sleep(20);
        }
    }

    /** {@code tack ARGS} in a child JVM on this server board, as bob would from another machine's shell. */
    private void tack(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.tack.Main", "--db", board.location(), "--as", "bob"));
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
        start();
        await("the board", () -> session.row(2).startsWith(" a "));
        session.keys.add(key('j'));
        await("b selected", () -> screen.shownSelection() == b.id());

        tack("add", "from another process", "-c", "Todo", "--pos", "0");
        await("the new card", () -> session.row(2).startsWith(" from another process"));
        assertThat(screen.shownSelection()).isEqualTo(b.id());

        tack("mv", String.valueOf(b.id()), "Doing");
        await("b in Doing", () -> session.row(2).contains("│ b "));
        await("the move in the status line", () -> session.row(28).contains("last: bob moved #" + b.id() + " from Todo to Doing"));
        assertThat(screen.shownSelection()).isEqualTo(b.id());
        assertThat(failure.get()).isNull();
    }

    @Test
    void aWriteFromOutsideTackShowsThroughTheRevision() throws Exception {
        Card card = Fixture.add(board, "before", "Todo");
        start();
        await("the board", () -> session.row(2).startsWith(" before "));
        String location = board.location();
        try (Connection connection = PostgresServer.get().connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO \"" + location.substring(location.indexOf("currentSchema=") + 14) + "\"");
            try (PreparedStatement update = connection.prepareStatement("UPDATE cards SET title = ? WHERE id = ?")) {
                update.setString(1, "edited in psql");
                update.setLong(2, card.id());
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
        await("the foreign edit", () -> session.row(2).startsWith(" edited in psql"));
        assertThat(failure.get()).isNull();
    }
}
