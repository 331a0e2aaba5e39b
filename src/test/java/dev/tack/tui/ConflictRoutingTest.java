package dev.tack.tui;

import static dev.tack.tui.Fixture.ctrl;
import static dev.tack.tui.Fixture.key;
import static dev.tack.tui.Fixture.keys;
import static dev.tack.tui.Fixture.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.CardEdit;
import dev.tack.board.Cards;
import dev.tack.board.Columns;
import dev.tack.board.StaleVersion;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import dev.tack.model.TackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A conflict is told by the error's type, never by the words of its message (a column may be called "Versioning"). */
class ConflictRoutingTest {

    @TempDir
    Path dir;
    Workspace board;

    @BeforeEach
    void open() {
        board = Fixture.create(dir, "alice");
    }

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void theBoardTellsAStaleVersionFromAHardWipLimitByType() {
        new Columns(board).add("Versioning", 1, true, null);
        Fixture.add(board, "in it", "Versioning");
        Card card = Fixture.add(board, "card", "Todo");
        Throwable full = catchThrowable(() -> new Cards(board).move(card.id(), "Versioning", null, null));
        assertThat(full).isInstanceOf(TackException.class).isNotInstanceOf(StaleVersion.class)
                .hasMessageContaining("Versioning is at its hard WIP limit");
        assertThat(((TackException) full).kind()).isEqualTo(TackException.Kind.CONFLICT);
        Throwable stale = catchThrowable(() -> new Cards(board).edit(card.id(), CardEdit.none().withTitle("x"), card.version() - 1));
        assertThat(stale).isInstanceOf(StaleVersion.class);
        assertThat(((TackException) stale).kind()).as("still exit code 4").isEqualTo(TackException.Kind.CONFLICT);
    }

    @Test
    void aHardWipRefusalOnVersioningOpensNoChooserAndARealConflictDoes() {
        new Columns(board).add("Versioning", 1, true, 1);
        Fixture.add(board, "in it", "Versioning");
        Card card = Fixture.add(board, "card", "Todo");
        BoardController controller = Fixture.controller(board);
        keys(controller, key('L')); // Todo → Versioning, which is full
        assertThat(controller.message()).isEqualTo("Versioning is at its hard WIP limit (1/1)");
        assertThat(controller.topDialog()).isEmpty();

        keys(controller, key('e'), ctrl('u'));
        type(controller, "mine");
        new Cards(Fixture.as(board, "bob")).edit(card.id(), CardEdit.none().withTitle("theirs"), null);
        keys(controller, key(KeyType.Enter));
        assertThat(controller.topDialog()).containsInstanceOf(ConflictChooser.class);
    }

    @Test
    void aRefusedArchiveWhoseReasonMentionsAVersionIsNotCalledAChange() {
        Card card = Fixture.add(board, "card", "Todo");
        BoardController controller = Fixture.controller(board);
        String problem = "board file /home/a/versions/tack.db deleted or moved while open: nothing can be saved; q quits";
        controller.fileProblem(problem);
        keys(controller, key('d'), key('y'));
        assertThat(controller.message()).isEqualTo(problem);

        controller.fileProblem(null);
        keys(controller, key('d'));
        new Cards(Fixture.as(board, "bob")).edit(card.id(), CardEdit.none().withTitle("renamed"), null);
        keys(controller, key('y'));
        assertThat(controller.message()).startsWith("#" + card.id() + " changed while you were deciding (by bob)");
    }
}
