package dev.tack.tui;

import static dev.tack.tui.Fixture.key;
import static dev.tack.tui.Fixture.keys;
import static dev.tack.tui.Fixture.shift;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.Cards;
import dev.tack.board.Checklists;
import dev.tack.board.Links;
import dev.tack.board.NewCard;
import dev.tack.board.Queries;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14's card view on the virtual terminal: marks, wrapped titles, the sorted column, Markdown in details. */
class CardViewTest {

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

    private BoardController controller(ScreenSettings settings) {
        BoardController controller = new BoardController(board, new Fixture.Host(), java.time.Clock.systemUTC(), name -> null, settings);
        controller.reload();
        controller.layout(new com.googlecode.lanterna.TerminalSize(100, 30));
        return controller;
    }

    private static ScreenSettings settings() {
        return ScreenSettings.DEFAULT;
    }

    private Card add(String title, String description, int priority, LocalDate due) {
        return new Cards(board).add(new NewCard(title, "Todo", description, List.of(), priority, due, null, null));
    }

    private static List<String> titles(BoardController controller, int lane) {
        return controller.model().lanes().get(lane).cards().stream().map(Card::title).toList();
    }

    // -- marks ------------------------------------------------------------------------------------

    @Test
    void cardsShowMarksForDescriptionCommentsChecklistAndPrerequisites() {
        Card plain = add("plain", "", 0, null);
        Card rich = add("rich", "some *notes*", 0, null);
        Card waits = add("waits", "", 0, null);
        Cards cards = new Cards(board);
        cards.comment(rich.id(), "one");
        cards.comment(rich.id(), "two");
        cards.comment(rich.id(), "three");
        Checklists lists = new Checklists(board);
        lists.add(rich.id(), "a", null);
        lists.add(rich.id(), "b", null);
        lists.done(rich.id(), 1, true);
        new Links(board).link(waits.id(), rich.id());

        Vt vt = new Vt(100, 30).draw(controller(settings()));
        assertThat(vt.row(3)).startsWith(" #" + plain.id() + " ").doesNotContain("≡").doesNotContain("✎");
        assertThat(vt.row(5)).startsWith(" #" + rich.id() + " ☑ 1/2 ≡ ✎3 ");
        assertThat(vt.row(7)).startsWith(" #" + waits.id() + " ⧗ #" + rich.id() + " ");
    }

    @Test
    void marksFollowNewCommentsThroughTheRefreshByEvents() {
        Card card = add("talked about", "", 0, null);
        BoardController controller = controller(settings());
        assertThat(new Vt(100, 30).draw(controller).row(3)).doesNotContain("✎");
        Queries queries = new Queries(board);
        long seen = controller.model().view().lastEventId();
        new Cards(board).comment(card.id(), "first");
        new Cards(board).comment(card.id(), "second");
        // the screen's change feed path: only the events, no full read
        controller.model().reload(queries.refresh(controller.model().view(), queries.eventsAfter(seen, 100)));
        assertThat(new Vt(100, 30).draw(controller).row(3)).startsWith(" #" + card.id() + " ✎2");
    }

    @Test
    void theBoardReadCountsCommentsInOneGroupedQuery() {
        Card a = add("a", "", 0, null);
        Card b = add("b", "", 0, null);
        new Cards(board).comment(a.id(), "x");
        new Cards(board).comment(b.id(), "y");
        new Cards(board).comment(b.id(), "z");
        Map<Long, Integer> counts = board.read(tx -> tx.comments().countsOfBoard(board.board(tx).id()));
        assertThat(counts).containsEntry(a.id(), 1).containsEntry(b.id(), 2).hasSize(2);
        new Cards(board).archive(b.id(), null);
        assertThat(new Queries(board).board(dev.tack.board.CardFilter.ALL).marks().comments()).containsOnlyKeys(a.id());
    }

    @Test
    void marksCanBeHiddenOrGivenOtherGlyphs() {
        Card card = add("rich", "text", 0, null);
        new Cards(board).comment(card.id(), "one");
        new Checklists(board).add(card.id(), "a", null);
        ScreenSettings ascii = settings().marking(CardMarks.of(Map.of("ascii", "true", "comments", "")));
        assertThat(new Vt(100, 30).draw(controller(ascii)).row(3)).startsWith(" #" + card.id() + " [x] 0/1 = ").doesNotContain("c1");
        ScreenSettings own = settings().marking(CardMarks.of(Map.of("description", "D", "checklist", "")));
        assertThat(new Vt(100, 30).draw(controller(own)).row(3)).startsWith(" #" + card.id() + " D ✎1").doesNotContain("0/1");
    }

    // -- wrapped titles ---------------------------------------------------------------------------

    @Test
    void longTitlesWrapToASecondRowByDisplayWidth() {
        // 33-column lanes: 31 columns of title. Wide characters count two, a combining mark none.
        Card wide = add("看板 看板 看板 看板 看板 看板 看板 看板 end", "", 0, null);
        Card accents = add("cafe\u0301 cafe\u0301 cafe\u0301 cafe\u0301 cafe\u0301 cafe\u0301 tail", "", 0, null);
        Card shortOne = add("short", "", 0, null);
        BoardController controller = controller(settings().wrapping(true));
        Vt vt = new Vt(100, 30).draw(controller);
        assertThat(vt.row(2)).startsWith(" 看板 看板 看板 看板 看板 看板  │"); // 29 columns; one more 看板 would be 34
        assertThat(vt.row(3)).startsWith(" 看板 看板 end ");
        assertThat(vt.row(4)).startsWith(" #" + wide.id() + " ");
        assertThat(vt.row(5)).startsWith(" café café café café café café");
        assertThat(vt.row(6)).startsWith(" tail ");
        assertThat(vt.row(7)).startsWith(" #" + accents.id());
        assertThat(vt.row(8)).startsWith(" short ");
        assertThat(vt.row(9).substring(0, 32).isBlank()).isTrue();
        assertThat(vt.row(10)).startsWith(" #" + shortOne.id());
        // the selection covers the whole card, three rows
        for (int y = 2; y <= 4; y++) {
            assertThat(vt.cell(30, y).isReversed()).as("row %d", y).isTrue();
        }
        assertThat(vt.cell(30, 5).isReversed()).isFalse();
        // without the setting the same title is cut on one row
        Vt cut = new Vt(100, 30).draw(controller(settings()));
        assertThat(cut.row(2).substring(0, 32)).contains("…");
        assertThat(cut.row(3)).startsWith(" #" + wide.id());
    }

    @Test
    void wrappedCardsScrollByWholeCardsAndClicksFindTheirCard() {
        for (int i = 1; i <= 12; i++) {
            add("card number " + i + " with a title long enough to need a second row", "", 0, null);
        }
        BoardController controller = controller(settings().wrapping(true));
        Vt vt = new Vt(100, 30).draw(controller);
        // 30 rows: 26 body rows, 8 cards of 3 rows
        assertThat(controller.model().slots()).isEqualTo(8);
        assertThat(vt.row(1)).contains("▼4");
        keys(controller, key(KeyType.End));
        vt.draw(controller);
        assertThat(controller.model().selectedCard()).map(Card::title).hasValueSatisfying(t -> assertThat(t).startsWith("card number 12 "));
        assertThat(vt.row(1)).contains("▲4");
        assertThat(vt.row(2)).startsWith(" card number 5 with a title");
        assertThat(vt.row(23)).startsWith(" card number 12 with a title");
        assertThat(vt.cell(30, 25).isReversed()).isTrue();
        // a click on the second row of a card's title selects that card
        controller.perform(new Action.Press(5, 6));
        controller.perform(new Action.Release(5, 6));
        assertThat(controller.model().selectedCard()).map(Card::title).hasValueSatisfying(t -> assertThat(t).startsWith("card number 6 "));
    }

    // -- sorting ----------------------------------------------------------------------------------

    @Test
    void theSortKeyCyclesTheSelectedColumnsViewAndTheHeaderSaysSo() {
        LocalDate today = LocalDate.now();
        add("low later", "", 0, today.plusDays(9));
        add("urgent", "", 3, today.plusDays(5));
        add("no due", "", 1, null);
        add("soon", "", 2, today.plusDays(1));
        Card edited = Fixture.add(board, "in Doing", "Doing");
        BoardController controller = controller(settings());
        List<String> boardOrder = titles(controller, 0);
        assertThat(boardOrder).containsExactly("low later", "urgent", "no due", "soon");

        keys(controller, key('s'));
        assertThat(titles(controller, 0)).containsExactly("urgent", "soon", "no due", "low later");
        Vt vt = new Vt(100, 30).draw(controller);
        assertThat(vt.row(1)).startsWith("Todo ↓prio 4").contains("Doing 1");
        assertThat(vt.cell(5, 1).getModifiers()).contains(SGR.ITALIC);
        assertThat(vt.row(28)).contains("Todo: priority, highest first");
        assertThat(controller.model().selectedCard()).map(Card::title).contains("low later"); // the selection followed its card

        keys(controller, key('s'));
        assertThat(titles(controller, 0)).containsExactly("soon", "urgent", "low later", "no due");
        assertThat(new Vt(100, 30).draw(controller).row(1)).startsWith("Todo ↑due 4");
        keys(controller, key('s'));
        assertThat(titles(controller, 0)).containsExactly("low later", "urgent", "no due", "soon"); // age: oldest first
        assertThat(new Vt(100, 30).draw(controller).row(1)).startsWith("Todo ↓age 4");
        keys(controller, key('s'));
        assertThat(new Vt(100, 30).draw(controller).row(1)).startsWith("Todo ↓changed 4");
        keys(controller, key('s'));
        assertThat(titles(controller, 0)).isEqualTo(boardOrder);
        assertThat(new Vt(100, 30).draw(controller).row(1)).startsWith("Todo 4");
        // the board's own order was never written
        assertThat(new Queries(board).board(dev.tack.board.CardFilter.ALL).lanes().get(0).cards()).extracting(Card::title)
                .isEqualTo(boardOrder);
        assertThat(titles(controller, 1)).containsExactly(edited.title());
    }

    @Test
    void lastChangeSortPutsTheCardJustEditedFirstAndTheSortSurvivesReloads() {
        Card a = add("a", "", 0, null);
        add("b", "", 0, null);
        add("c", "", 0, null);
        BoardController controller = controller(settings());
        keys(controller, key('s'), key('s'), key('s'), key('s'));
        assertThat(controller.model().currentSort()).isEqualTo(ColumnSort.CHANGED);
        new Cards(board).edit(a.id(), new dev.tack.board.CardEdit("a, edited", null, null, null, null, null, null), null);
        controller.reload();
        assertThat(titles(controller, 0).get(0)).isEqualTo("a, edited");
    }

    @Test
    void movingACardWithinASortedViewIsRefusedAndWritesNothing() {
        add("one", "", 1, null);
        add("two", "", 3, null);
        BoardController controller = controller(settings());
        keys(controller, key('s'), shift(KeyType.ArrowDown));
        assertThat(controller.message()).contains("sorted by prio: press s until the board's order is back");
        assertThat(controller.messageIsError()).isTrue();
        assertThat(new Queries(board).board(dev.tack.board.CardFilter.ALL).lanes().get(0).cards()).extracting(Card::title)
                .containsExactly("one", "two");
        // to another column is fine: the card lands as the board orders it there
        keys(controller, key('L'));
        assertThat(titles(controller, 1)).containsExactly("one");
    }

    @Test
    void theSortKeyIsRebindableAndTheHelpAndHintsShowIt() {
        ScreenSettings rebound = new ScreenSettings("auto", Map.of("sort", List.of("o")), null, Duration.ofMillis(40),
                ScreenSettings.DEFAULT.cardFields());
        assertThat(rebound.keyProblems()).isEmpty();
        add("x", "", 2, null);
        add("y", "", 0, null);
        BoardController controller = controller(rebound);
        keys(controller, key('s'));
        assertThat(controller.model().currentSort()).isEqualTo(ColumnSort.BOARD);
        keys(controller, key('o'));
        assertThat(controller.model().currentSort()).isEqualTo(ColumnSort.PRIORITY);
        assertThat(controller.keyMap().hints()).extracting(KeyMap.Hint::text).contains("o sort");
        assertThat(java.util.Arrays.stream(controller.keyMap().help()).map(row -> String.join(" ", row)))
                .anySatisfy(row -> assertThat(row).startsWith("o sort this column"));
        assertThat(KeyMap.HINTS).extracting(KeyMap.Hint::text).contains("s sort");
    }
}
