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
    Thread thread;
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    @BeforeEach
    void open() {
        board = Fixture.create(engine, dir, "alice");
    }

    @AfterEach
    void close() throws InterruptedException {
        if (session != null) {
            session.keys.add(Fixture.ctrl('c'));
            thread.join(10_000);
        }
        board.close();
    }

    private BoardScreen start() {
        session = new VirtualSession(100, 30);
        BoardScreen screen = new BoardScreen(board, session);
        thread = new Thread(() -> {
            try {
                screen.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "screen-under-test");
        thread.setDaemon(true);
        thread.start();
        return screen;
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

    /** {@code tack ARGS} in a child JVM on this board, as bob would from a shell. */
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
    void anotherProcessesLinksAndTicksShowOnTheBoardAndInTheOpenDetails() throws Exception {
        Card migrate = Fixture.add(board, "migrate", "Todo");
        Card deploy = Fixture.add(board, "deploy", "Todo");
        Checklists checklists = new Checklists(board);
        checklists.add(deploy.id(), "write the test", null);
        checklists.add(deploy.id(), "make it pass", null);
        BoardScreen screen = start();
        await("the board", () -> session.text().contains("#" + deploy.id() + " ☑ 0/2"));

        tack("link", String.valueOf(deploy.id()), "--after", String.valueOf(migrate.id()));
        await("the waiting mark", () -> session.text().contains("#" + deploy.id() + " ⧗ #" + migrate.id() + " ☑ 0/2"));
        await("the link in the status row",
                () -> session.row(STATUS_ROW).contains("last: bob linked #" + deploy.id() + " after #" + migrate.id()));

        tack("checklist", "done", String.valueOf(deploy.id()), "1");
        await("the tick on the board", () -> session.text().contains("#" + deploy.id() + " ⧗ #" + migrate.id() + " ☑ 1/2"));
        await("the tick in the status row",
                () -> session.row(STATUS_ROW).contains("last: bob ticked item 1 of #" + deploy.id()));

        session.keys.add(key('j'));
        await("deploy selected", () -> screen.shownSelection() == deploy.id());
        session.keys.add(key(KeyType.Enter));
        await("the details", () -> session.text().contains("Waits for (1)") && session.text().contains("Checklist ☑ 1/2"));

        tack("checklist", "done", String.valueOf(deploy.id()), "2");
        await("the tick in the open details",
                () -> session.text().contains("Checklist ☑ 2/2") && session.text().contains("2. [x] make it pass"));

        tack("unlink", String.valueOf(deploy.id()), String.valueOf(migrate.id()));
        await("the link gone from the open details", () -> !session.text().contains("Waits for"));

        session.keys.add(key(KeyType.Escape));
        await("the board again", () -> session.text().contains("#" + deploy.id() + " ☑ 2/2") && !session.text().contains("⧗"));
        await("the unlink in the status row",
                () -> session.row(STATUS_ROW).contains("last: bob unlinked #" + deploy.id() + " from #" + migrate.id()));
        assertThat(failure.get()).isNull();
    }
}
