package dev.tack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import dev.tack.model.Heartbeat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker's note in its presence row reaches the screen's presence line. */
class PresenceNoteTest {

    @TempDir
    Path dir;

    @Test
    void aWaitingWorkerIsCountedAndItsNoteShown() {
        BoardController controller = Fixture.controller(Fixture.create(dir, "alice"));
        long now = System.currentTimeMillis();
        controller.presence(List.of(
                new Heartbeat(1, 1L, "bob", "h", 10, Heartbeat.SCREEN, now),
                new Heartbeat(2, 1L, "w1", "h", 11, Heartbeat.WORKER, now),
                new Heartbeat(3, 1L, "w2", "h", 12, Heartbeat.worker("waiting: Doing is at its hard WIP limit (1/1)"), now)));

        assertThat(controller.presenceText()).isEqualTo("bob, 2 workers, w2 waiting: Doing is at its hard WIP limit (1/1)");
        assertThat(controller.status().presence()).isEqualTo(controller.presenceText());
    }
}
