package dev.tack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import dev.tack.board.CardFilter;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Queries;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The selection follows cards by id across reloads, and scrolls stay where the person left them. */
class BoardModelTest {

    @TempDir
    Path dir;
    Workspace board;
    Cards cards;
    BoardModel model;

    @BeforeEach
    void open() {
        board = Fixture.create(dir, "alice");
        cards = new Cards(board);
        model = new BoardModel();
        model.viewport(3, 4);
    }

    @AfterEach
    void close() {
        board.close();
    }

    private void reload() {
        model.reload(new Queries(board).board(CardFilter.ALL));
    }

    private long selected() {
        return model.selectedCard().map(Card::id).orElse(-1L);
    }

    @Test
    void theSelectionFollowsACardThatSomeoneElseMoves() {
        Card a = Fixture.add(board, "a", "Todo");
        Card b = Fixture.add(board, "b", "Todo");
        Fixture.add(board, "c", "Todo");
        reload();
        model.down(1);
        assertThat(selected()).isEqualTo(b.id());

        cards.move(b.id(), "Done", 0, null);
        reload();
        assertThat(selected()).isEqualTo(b.id());
        assertThat(model.laneIndex()).isEqualTo(2);

        cards.move(a.id(), "Done", 0, null); // above it now: still b
        reload();
        assertThat(selected()).isEqualTo(b.id());
        assertThat(model.selectedIndex()).isEqualTo(1);
    }

    @Test
    void anArchivedCardHandsTheSelectionToItsNeighbour() {
        Fixture.add(board, "a", "Todo");
        Card b = Fixture.add(board, "b", "Todo");
        Card c = Fixture.add(board, "c", "Todo");
        reload();
        model.down(1);
        cards.archive(b.id(), null);
        reload();
        assertThat(selected()).isEqualTo(c.id()); // the one below

        cards.archive(c.id(), null);
        reload();
        assertThat(model.selectedCard()).map(Card::title).contains("a"); // none below: the one above

        cards.move(model.selectedCard().orElseThrow().id(), "Doing", null, null);
        reload();
        assertThat(model.laneIndex()).isEqualTo(1);
        cards.archive(model.selectedCard().orElseThrow().id(), null);
        reload();
        assertThat(model.selectedCard()).isEmpty();
        assertThat(model.laneIndex()).isEqualTo(1); // the lane it was last seen in, now empty
    }

    @Test
    void scrollPositionsStayPutWhenOthersChangeTheBoard() {
        for (int i = 0; i < 12; i++) {
            Fixture.add(board, "t" + i, "Todo");
            Fixture.add(board, "d" + i, "Doing");
        }
        reload();
        model.sideways(1);
        model.down(9); // d9: scrolled so that d6..d9 show
        assertThat(model.scroll(1)).isEqualTo(6);
        model.scrollLane(0, 5); // the wheel over Todo
        assertThat(model.scroll(0)).isEqualTo(5);

        Fixture.add(board, "new", "Todo");
        cards.edit(model.selectedCard().orElseThrow().id(), dev.tack.board.CardEdit.none().withTitle("d9 renamed"), null);
        reload();
        assertThat(model.scroll(0)).isEqualTo(5);
        assertThat(model.scroll(1)).isEqualTo(6);
        assertThat(model.selectedCard()).map(Card::title).contains("d9 renamed");

        // a card added above the selection pushes it down: the lane scrolls just enough to keep it in sight
        Card top = cards.add(new NewCard("pushed", "Doing", null, List.of(), 0, null, null, 0));
        reload();
        assertThat(model.selectedIndex()).isEqualTo(10);
        assertThat(model.scroll(1)).isEqualTo(7);
        assertThat(top.position()).isZero();
    }

    @Test
    void theFilterHidesCardsAndKeepsTheSelectionWhenItStillMatches() {
        cards.add(new NewCard("fix login", null, null, List.of("bug"), 2, null, "bob", null));
        Card b = cards.add(new NewCard("write docs", null, null, List.of("docs"), 0, null, null, null));
        cards.add(new NewCard("fix logout", null, null, List.of("bug"), 1, null, "carol", null));
        reload();
        model.down(1);
        model.filter("tag:bug");
        assertThat(model.lanes().get(0).cards()).extracting(Card::title).containsExactly("fix login", "fix logout");
        assertThat(model.lanes().get(0).total()).isEqualTo(3);
        assertThat(model.selectedCard()).map(Card::title).contains("fix logout"); // b is hidden: its neighbour
        model.filter("@bob");
        assertThat(model.shownCount()).isEqualTo(1);
        model.filter("p:1 logout");
        assertThat(model.selectedCard()).map(Card::title).contains("fix logout");
        model.filter("");
        assertThat(model.shownCount()).isEqualTo(3);
        model.select(b.id());
        assertThat(selected()).isEqualTo(b.id());
    }

    @Test
    void aNewCardIsSelectedOnceAReloadBringsIt() {
        Fixture.add(board, "a", "Todo");
        reload();
        Card added = Fixture.add(board, "b", "Doing");
        model.select(added.id());
        assertThat(selected()).isNotEqualTo(added.id());
        reload();
        assertThat(selected()).isEqualTo(added.id());
        assertThat(model.laneIndex()).isEqualTo(1);
    }

    @Test
    void tenThousandCardsNavigateAndReloadInPlace() {
        dev.tack.model.Board main = new dev.tack.model.Board(1, "main");
        List<dev.tack.model.Column> columns = List.of(new dev.tack.model.Column(1, 1, "Todo", 0, null, false),
                new dev.tack.model.Column(2, 1, "Doing", 1, null, false), new dev.tack.model.Column(3, 1, "Done", 2, null, false));
        java.util.function.IntFunction<dev.tack.board.BoardView> view = without -> {
            List<dev.tack.board.BoardView.Lane> lanes = new java.util.ArrayList<>();
            for (dev.tack.model.Column column : columns) {
                List<Card> laneCards = new java.util.ArrayList<>();
                for (int i = 0; i < 3_334; i++) {
                    long id = column.id() * 10_000 + i;
                    if (id != without) {
                        laneCards.add(new Card(id, 1, column.id(), column.name(), laneCards.size(), "card " + id, "", List.of("t"),
                                0, null, null, false, 1, "", "", null, 0, false));
                    }
                }
                lanes.add(new dev.tack.board.BoardView.Lane(column, laneCards.size(), laneCards));
            }
            return new dev.tack.board.BoardView(main, lanes, 1);
        };
        model.viewport(3, 10);
        model.reload(view.apply(-1));
        model.bottom();
        assertThat(model.selectedCard()).map(Card::id).contains(13_333L);
        assertThat(model.scroll(0)).isEqualTo(3_324);
        model.page(-1);
        model.sideways(1);
        assertThat(model.selectedCard()).map(Card::id).contains(20_000L); // same screen row (the top) in Doing
        model.down(3_000);
        long id = model.selectedCard().orElseThrow().id();
        model.reload(view.apply((int) id)); // someone archived it: its neighbour below
        assertThat(model.selectedCard()).map(Card::id).contains(id + 1);
        model.filter("card 3");
        assertThat(model.shownCount()).isGreaterThan(1_000);
    }

    @Test
    void movingSidewaysKeepsTheScreenRow() {
        for (int i = 0; i < 6; i++) {
            Fixture.add(board, "t" + i, "Todo");
            Fixture.add(board, "d" + i, "Doing");
        }
        reload();
        model.down(2);
        model.sideways(1);
        assertThat(model.selectedCard()).map(Card::title).contains("d2");
        model.sideways(1);
        assertThat(model.selectedCard()).isEmpty(); // Done is empty
        assertThat(model.laneIndex()).isEqualTo(2);
        model.sideways(-1);
        assertThat(model.selectedCard()).map(Card::title).contains("d0");
    }
}
