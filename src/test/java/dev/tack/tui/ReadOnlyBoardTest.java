package dev.tack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import dev.tack.board.Workspace;
import dev.tack.store.sqlite.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A board tack can only read opens on the screen, says it is read-only, and refuses a move with one line. */
class ReadOnlyBoardTest {

    @TempDir
    Path dir;

    @Test
    void aBoardWithoutWritePermissionOpensReadOnlyAndSaysSo() throws Exception {
        Path db = dir.resolve("tack.db");
        try (Workspace board = Fixture.create(dir, "alice")) {
            Fixture.add(board, "card", "Todo");
        }
        // chmod(1), not Java I/O: tack's rule is that nothing in Java touches the database files.
        assertThat(new ProcessBuilder("chmod", "a-w", db.toString()).start().waitFor()).isZero();
        try (Database readOnly = Database.open(db, new Database.Options(false, false, Duration.ofSeconds(10)), tx -> null);
             Workspace board = new Workspace(readOnly, Fixture.actor("alice"), null)) {
            BoardController controller = Fixture.controller(board);
            assertThat(controller.status().database()).endsWith("· read-only");
            assertThat(Fixture.titles(controller.model().lanes().get(0))).containsExactly("card");

            Fixture.keys(controller, Fixture.key('L'));
            assertThat(controller.status().error()).isTrue();
            assertThat(controller.status().message()).contains("is read-only").doesNotContain("\n");
            assertThat(Fixture.titles(controller.model().lanes().get(0))).containsExactly("card");
        }
    }
}
