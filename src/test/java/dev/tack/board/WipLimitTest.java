package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import dev.tack.model.TackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.tack.testing.Engine;
import org.junit.jupiter.api.io.TempDir;

/** A soft WIP limit lets cards in and flags the column; a hard one refuses them inside the transaction. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class WipLimitTest {

    @Parameter
    Engine engine;

    @TempDir
    Path folder;

    BoardFixture board;

    @BeforeEach
    void open() {
        board = BoardFixture.create(engine, folder);
    }

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void aSoftLimitAllowsMoreAndFlagsTheColumn() {
        board.columns.limit("Doing", 2, false);
        board.add("a", "Doing");
        board.add("b", "Doing");
        assertThat(lane("Doing").overLimit()).isFalse();

        long todo = board.add("c").id();
        board.cards.move(todo, "Doing", null, null);
        board.add("d", "Doing");

        BoardView.Lane doing = lane("Doing");
        assertThat(doing.total()).isEqualTo(4);
        assertThat(doing.overLimit()).isTrue();
        assertThat(board.columns.list().stream().filter(c -> c.column().name().equals("Doing")).findFirst().orElseThrow()
                .column().overLimit(4)).isTrue();
        assertThat(board.problems()).isEmpty();
    }

    @Test
    void aHardLimitRefusesAddMoveStepAndRestoreInsideTheTransactionAndWritesNothing() {
        board.columns.limit("Doing", 2, true);
        long a = board.add("a", "Doing").id();
        board.add("b", "Doing");
        long waiting = board.add("waiting").id();
        board.cards.archive(a, null);
        board.add("c", "Doing"); // the archived card freed a place
        long events = board.eventCount();
        long maxId = board.maxCardId();
        List<List<Long>> layout = board.layout();

        for (Runnable refused : List.<Runnable>of(
                () -> board.add("d", "Doing"),
                () -> board.cards.move(waiting, "Doing", 0, null),
                () -> board.cards.step(waiting, 1, null),
                () -> board.cards.restore(a))) {
            assertThatThrownBy(refused::run)
                    .isInstanceOfSatisfying(TackException.class, e -> assertThat(e.kind()).isEqualTo(TackException.Kind.CONFLICT))
                    .hasMessageContaining("hard WIP limit");
        }
        assertThat(board.eventCount()).isEqualTo(events);
        assertThat(board.maxCardId()).isEqualTo(maxId);
        assertThat(board.layout()).isEqualTo(layout);
        assertThat(board.card(a).archived()).isTrue();

        // Reordering inside a full column is not adding to it.
        long top = layout.get(1).get(0);
        board.cards.move(top, "Doing", 1, null);
        assertThat(lane("Doing").total()).isEqualTo(2);
    }

    private BoardView.Lane lane(String name) {
        return board.queries.board(CardFilter.ALL).lanes().stream().filter(l -> l.column().name().equals(name)).findFirst()
                .orElseThrow();
    }
}
