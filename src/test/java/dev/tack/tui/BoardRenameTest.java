package dev.tack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import dev.tack.board.Boards;
import dev.tack.board.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A screen follows its board by id through renames made anywhere, and writes nothing while it cannot read it. */
class BoardRenameTest {

    @TempDir
    Path dir;

    @Test
    void renamesElsewhereAreFollowedAndAMissingBoardTakesNoWrites() {
        try (Workspace board = Fixture.create(dir, "alice")) {
            Fixture.add(board, "card", "Todo");
            BoardController controller = Fixture.controller(board);
            Workspace other = Fixture.as(board, "bob");
            new Boards(other).rename("main", "work");
            assertThat(controller.reload()).isTrue();
            assertThat(controller.boardName()).isEqualTo("work");
            new Boards(other.onBoard("work")).rename("work", "main");
            assertThat(controller.reload()).isTrue();
            assertThat(controller.boardName()).isEqualTo("main");
            assertThat(controller.problem()).isNull();

            new Boards(other).add("spare", Boards.DEFAULT_COLUMNS);
            new Boards(other).remove("main", true);
            assertThat(controller.reload()).isFalse();
            assertThat(controller.problem()).contains("was removed");
            java.util.List<WriteOutcome> outcomes = new java.util.ArrayList<>();
            controller.submit(() -> { throw new AssertionError("must not write"); }, null, outcomes::add);
            assertThat(outcomes).singleElement().isInstanceOf(WriteOutcome.Unwritable.class)
                    .extracting(WriteOutcome::reason).asString().contains("was removed");
        }
    }
}
