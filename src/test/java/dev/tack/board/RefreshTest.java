package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import dev.tack.model.Card;
import dev.tack.model.TackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.tack.testing.Engine;
import org.junit.jupiter.api.io.TempDir;

/** Refreshing a board from events must always give what a full read gives. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class RefreshTest {

    @Parameter
    Engine engine;

    @TempDir
    Path folder;

    private BoardFixture board;
    private Workspace workspace;

    @BeforeEach
    void open() {
        board = BoardFixture.create(engine, folder);
        workspace = board.workspace;
    }

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void aRefreshedBoardEqualsAFullReadAfterEveryKindOfCardChange() {
        Cards cards = new Cards(workspace);
        Queries queries = new Queries(workspace);
        String[] columns = {"Todo", "Doing", "Done"};
        for (int i = 0; i < 30; i++) {
            cards.add(NewCard.titled("card " + i).inColumn(columns[i % 3]));
        }
        Random random = new Random(42);
        BoardView shown = queries.board(CardFilter.ALL);
        for (int step = 0; step < 300; step++) {
            int batch = 1 + random.nextInt(3); // sometimes several changes land between two polls
            for (int b = 0; b < batch; b++) {
                List<Card> live = queries.board(CardFilter.ALL).lanes().stream().flatMap(l -> l.cards().stream()).toList();
                Card card = live.get(random.nextInt(live.size()));
                try {
                    switch (random.nextInt(6)) {
                        case 0 -> cards.move(card.id(), columns[random.nextInt(3)], random.nextInt(12), null);
                        case 1 -> cards.shift(card.id(), random.nextBoolean() ? 1 : -1, null);
                        case 2 -> cards.edit(card.id(), CardEdit.none().withTitle("edited " + step), null);
                        case 3 -> cards.archive(card.id(), null);
                        case 4 -> cards.add(NewCard.titled("new " + step).inColumn(columns[random.nextInt(3)]));
                        default -> new History(workspace).undo();
                    }
                } catch (TackException refused) {
                    // nothing to undo, or a move past an edge: nothing changed, nothing to check
                }
            }
            BoardView refreshed = queries.refresh(shown, queries.eventsAfter(shown.lastEventId(), 1000));
            BoardView full = queries.board(CardFilter.ALL);
            assertThat(refreshed.lanes()).as("step %d", step).isEqualTo(full.lanes());
            assertThat(refreshed.lastEventId()).isEqualTo(full.lastEventId());
            shown = refreshed;
        }
    }
}
