package dev.tack.tui;

import static dev.tack.tui.Fixture.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
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
    ScreenRun run;

    @BeforeEach
    void open() {
        board = Fixture.create(Engine.POSTGRESQL, dir, "alice");
    }

    @AfterEach
    void close() throws InterruptedException {
        if (run != null) {
            run.close();
        }
        board.close();
    }

    private void start() {
        run = ScreenRun.start(board, 100, 30, PATIENCE);
        session = run.session;
        screen = run.screen;
    }

    @Test
    void anotherProcessesCommitsArriveWithoutAKeyAndTheSelectionStays() throws Exception {
        Fixture.add(board, "a", "Todo");
        Card b = Fixture.add(board, "b", "Todo");
        start();
        run.await("the board", () -> session.row(2).startsWith(" a "));
        session.keys.add(key('j'));
        run.await("b selected", () -> screen.shownSelection() == b.id());

        ShellTack.run(board, "bob", "add", "from another process", "-c", "Todo", "--pos", "0");
        run.await("the new card", () -> session.row(2).startsWith(" from another process"));
        assertThat(screen.shownSelection()).isEqualTo(b.id());

        ShellTack.run(board, "bob", "mv", String.valueOf(b.id()), "Doing");
        run.await("b in Doing", () -> session.row(2).contains("│ b "));
        run.await("the move in the status line", () -> session.row(28).contains("last: bob moved #" + b.id() + " from Todo to Doing"));
        assertThat(screen.shownSelection()).isEqualTo(b.id());
        assertThat(run.failure()).isNull();
    }

    @Test
    void aWriteFromOutsideTackShowsThroughTheRevision() throws Exception {
        Card card = Fixture.add(board, "before", "Todo");
        start();
        run.await("the board", () -> session.row(2).startsWith(" before "));
        String location = board.location();
        try (Connection connection = PostgresServer.get().connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO \"" + location.substring(location.indexOf("currentSchema=") + 14) + "\"");
            try (PreparedStatement update = connection.prepareStatement("UPDATE cards SET title = ? WHERE id = ?")) {
                update.setString(1, "edited in psql");
                update.setLong(2, card.id());
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
        run.await("the foreign edit", () -> session.row(2).startsWith(" edited in psql"));
        assertThat(run.failure()).isNull();
    }
}
