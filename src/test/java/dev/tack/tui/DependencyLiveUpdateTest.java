package dev.tack.tui;

import static dev.tack.tui.Fixture.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.Checklists;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import dev.tack.testing.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12 on an open screen: another process links, ticks a checklist item and unlinks, and the
 * whole screen loop (Lanterna's virtual terminal) shows each change without a key, the board's
 * marks and the open details alike, with who did it in the status row. On both engines.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class DependencyLiveUpdateTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int STATUS_ROW = 28;

    @Parameter
    Engine engine;

    @TempDir
    Path dir;
    Workspace board;
    VirtualSession session;
    ScreenRun run;

    @BeforeEach
    void open() {
        board = Fixture.create(engine, dir, "alice");
    }

    @AfterEach
    void close() throws InterruptedException {
        if (run != null) {
            run.close();
        }
        board.close();
    }

    private BoardScreen start() {
        run = ScreenRun.start(board, 100, 30, PATIENCE);
        session = run.session;
        return run.screen;
    }

    @Test
    void anotherProcessesLinksAndTicksShowOnTheBoardAndInTheOpenDetails() throws Exception {
        Card migrate = Fixture.add(board, "migrate", "Todo");
        Card deploy = Fixture.add(board, "deploy", "Todo");
        Checklists checklists = new Checklists(board);
        checklists.add(deploy.id(), "write the test", null);
        checklists.add(deploy.id(), "make it pass", null);
        BoardScreen screen = start();
        run.await("the board", () -> session.text().contains("#" + deploy.id() + " ☑ 0/2"));

        ShellTack.run(board, "bob", "link", String.valueOf(deploy.id()), "--after", String.valueOf(migrate.id()));
        run.await("the waiting mark", () -> session.text().contains("#" + deploy.id() + " ⧗ #" + migrate.id() + " ☑ 0/2"));
        run.await("the link in the status row",
                () -> session.row(STATUS_ROW).contains("last: bob linked #" + deploy.id() + " after #" + migrate.id()));

        ShellTack.run(board, "bob", "checklist", "done", String.valueOf(deploy.id()), "1");
        run.await("the tick on the board", () -> session.text().contains("#" + deploy.id() + " ⧗ #" + migrate.id() + " ☑ 1/2"));
        run.await("the tick in the status row",
                () -> session.row(STATUS_ROW).contains("last: bob ticked item 1 of #" + deploy.id()));

        session.keys.add(key('j'));
        run.await("deploy selected", () -> screen.shownSelection() == deploy.id());
        session.keys.add(key(KeyType.Enter));
        run.await("the details", () -> session.text().contains("Waits for (1)") && session.text().contains("Checklist ☑ 1/2"));

        ShellTack.run(board, "bob", "checklist", "done", String.valueOf(deploy.id()), "2");
        run.await("the tick in the open details",
                () -> session.text().contains("Checklist ☑ 2/2") && session.text().contains("2. [x] make it pass"));

        ShellTack.run(board, "bob", "unlink", String.valueOf(deploy.id()), String.valueOf(migrate.id()));
        run.await("the link gone from the open details", () -> !session.text().contains("Waits for"));

        session.keys.add(key(KeyType.Escape));
        run.await("the board again", () -> session.text().contains("#" + deploy.id() + " ☑ 2/2") && !session.text().contains("⧗"));
        run.await("the unlink in the status row",
                () -> session.row(STATUS_ROW).contains("last: bob unlinked #" + deploy.id() + " from #" + migrate.id()));
        assertThat(run.failure()).isNull();
    }
}
