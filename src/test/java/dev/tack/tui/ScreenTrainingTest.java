package dev.tack.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import dev.tack.board.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The class-data-sharing training run's screen: the real board screen, drawn once per view, and it ends on its own. */
class ScreenTrainingTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void drawsTheBoardItsDetailsAndHelpThenQuits() throws Exception {
        try (Workspace workspace = Fixture.create(dir, "training")) {
            Fixture.add(workspace, "a card to look at", "Todo");
            int frames = ScreenTraining.run(workspace);
            // the first frame, then one per key that changes the view (move, move, details, back, help, back)
            assertThat(frames).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void everyTerminalClassItNamesExists() {
        for (String name : ScreenTraining.TERMINAL_CLASSES) {
            assertThatCode(() -> Class.forName(name, false, getClass().getClassLoader())).as(name).doesNotThrowAnyException();
        }
    }
}
