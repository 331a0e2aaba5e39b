package dev.tack.tui;

import static dev.tack.tui.Fixture.alt;
import static dev.tack.tui.Fixture.ctrl;
import static dev.tack.tui.Fixture.key;
import static dev.tack.tui.Fixture.keys;
import static dev.tack.tui.Fixture.shift;
import static dev.tack.tui.Fixture.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import dev.tack.board.Boards;
import dev.tack.board.CardEdit;
import dev.tack.board.CardFilter;
import dev.tack.board.Cards;
import dev.tack.board.Columns;
import dev.tack.board.Queries;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import dev.tack.model.Column;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys fed to the controller, checked on the model, the screen and the database. */
class KeyHandlingTest {

    @TempDir
    Path dir;
    Workspace board;
    Queries queries;
    BoardController controller;
    Fixture.Host host;

    @BeforeEach
    void open() {
        board = Fixture.create(dir, "alice");
        queries = new Queries(board);
    }

    @AfterEach
    void close() {
        board.close();
    }

    private void start() {
        host = new Fixture.Host();
        controller = new BoardController(board, host);
        controller.reload();
        controller.layout(new TerminalSize(100, 30));
    }

    private Card selected() {
        return controller.model().selectedCard().orElseThrow();
    }

    private Card fresh(long id) {
        return queries.card(id);
    }

    private List<String> column(String name) {
        return queries.board(CardFilter.ALL).lanes().stream().filter(l -> l.column().name().equals(name)).findFirst()
                .orElseThrow().cards().stream().map(Card::title).toList();
    }

    @Test
    void vimKeysAndArrowsMoveTheSelection() {
        Fixture.add(board, "a", "Todo");
        Fixture.add(board, "b", "Todo");
        Fixture.add(board, "c", "Todo");
        Fixture.add(board, "x", "Doing");
        start();
        assertThat(selected().title()).isEqualTo("a");
        keys(controller, key('j'), key(KeyType.ArrowDown));
        assertThat(selected().title()).isEqualTo("c");
        keys(controller, key('k'));
        assertThat(selected().title()).isEqualTo("b");
        keys(controller, key('l'));
        assertThat(selected().title()).isEqualTo("x");
        keys(controller, key(KeyType.ArrowLeft), key('G'));
        assertThat(selected().title()).isEqualTo("c");
        keys(controller, key(KeyType.Home));
        assertThat(selected().title()).isEqualTo("a");
        keys(controller, key(KeyType.PageDown));
        assertThat(selected().title()).isEqualTo("c");
        keys(controller, key(KeyType.ArrowRight), key(KeyType.ArrowRight));
        assertThat(controller.model().selectedCard()).isEmpty();
        assertThat(controller.model().laneIndex()).isEqualTo(2);
    }

    @Test
    void shiftedKeysMoveTheCardAcrossAndWithinColumns() {
        Card a = Fixture.add(board, "a", "Todo");
        Fixture.add(board, "b", "Todo");
        start();
        keys(controller, key('L'));
        assertThat(fresh(a.id()).column()).isEqualTo("Doing");
        assertThat(selected().id()).isEqualTo(a.id());
        keys(controller, shift(KeyType.ArrowRight));
        assertThat(fresh(a.id()).column()).isEqualTo("Done");
        keys(controller, key('L'));
        assertThat(controller.message()).contains("already in the last column");
        keys(controller, key('H'), shift(KeyType.ArrowLeft));
        assertThat(column("Todo")).containsExactly("b", "a");
        assertThat(selected().id()).isEqualTo(a.id());
        keys(controller, key('K'));
        assertThat(column("Todo")).containsExactly("a", "b");
        keys(controller, shift(KeyType.ArrowDown));
        assertThat(column("Todo")).containsExactly("b", "a");
        keys(controller, key('J')); // at the bottom already: stays
        assertThat(column("Todo")).containsExactly("b", "a");
        assertThat(selected().id()).isEqualTo(a.id());
    }

    @Test
    void uUndoesAndCapitalURedoesTheLastMoveKeepingTheSelection() {
        Card a = Fixture.add(board, "a", "Todo");
        Fixture.add(board, "b", "Todo");
        start();
        keys(controller, key('L'));
        assertThat(fresh(a.id()).column()).isEqualTo("Doing");
        keys(controller, key('u'));
        assertThat(fresh(a.id()).column()).isEqualTo("Todo");
        assertThat(column("Todo")).containsExactly("a", "b");
        assertThat(selected().id()).isEqualTo(a.id());
        assertThat(controller.message()).contains("undid: moved #" + a.id() + " from Todo to Doing");
        keys(controller, key('U'));
        assertThat(fresh(a.id()).column()).isEqualTo("Doing");
        assertThat(selected().id()).isEqualTo(a.id());
        keys(controller, key('U'));
        assertThat(controller.message()).contains("nothing to redo");
    }

    @Test
    void aHardWipLimitRefusesTheMoveAndSaysWhy() {
        new Columns(board).limit("Doing", 1, true);
        Fixture.add(board, "busy", "Doing");
        Card a = Fixture.add(board, "a", "Todo");
        start();
        keys(controller, key('L'));
        assertThat(controller.message()).isEqualTo("Doing is at its hard WIP limit (1/1)");
        assertThat(controller.messageIsError()).isTrue();
        assertThat(fresh(a.id()).column()).isEqualTo("Todo");
        assertThat(fresh(a.id()).version()).isEqualTo(a.version());
        keys(controller, key('j')); // the next key clears the message
        assertThat(controller.message()).isNull();
    }

    @Test
    void nOpensAFormAndEnterAddsTheCardToTheSelectedColumn() {
        start();
        keys(controller, key('l'), key('n'));
        assertThat(controller.topDialog()).containsInstanceOf(Form.class);
        type(controller, "Write tests");
        keys(controller, key(KeyType.Enter));
        assertThat(controller.topDialog()).isEmpty();
        assertThat(column("Doing")).containsExactly("Write tests");
        assertThat(selected().title()).isEqualTo("Write tests");
        assertThat(controller.message()).startsWith("added #");
    }

    @Test
    void theNewCardFormTakesOptionalFields() {
        start();
        keys(controller, key('n'));
        type(controller, "Full card");
        keys(controller, key(KeyType.Tab));
        type(controller, "line one");
        keys(controller, key(KeyType.Enter)); // a new line in the description
        type(controller, "line two");
        keys(controller, key(KeyType.Tab));
        type(controller, "ui #backend");
        keys(controller, key(KeyType.Tab), ctrl('u'));
        type(controller, "2");
        keys(controller, key(KeyType.Tab));
        type(controller, "2030-01-02");
        keys(controller, key(KeyType.Tab));
        type(controller, "@bob");
        keys(controller, alt(KeyType.Enter));
        Card card = selected();
        assertThat(card.title()).isEqualTo("Full card");
        assertThat(card.description()).isEqualTo("line one\nline two");
        assertThat(card.tags()).containsExactlyInAnyOrder("ui", "backend");
        assertThat(card.priority()).isEqualTo(2);
        assertThat(card.due()).isEqualTo(LocalDate.of(2030, 1, 2));
        assertThat(card.assignee()).isEqualTo("bob");
    }

    @Test
    void aRefusedFormStaysOpenWithWhatWasTyped() {
        start();
        keys(controller, key('n'), key(KeyType.Tab), key(KeyType.Tab), key(KeyType.Tab), ctrl('u'));
        type(controller, "7");
        keys(controller, key(KeyType.ReverseTab), key(KeyType.ReverseTab), key(KeyType.ReverseTab));
        type(controller, "x");
        keys(controller, key(KeyType.Enter));
        Form form = (Form) controller.topDialog().orElseThrow();
        assertThat(form.message()).contains("priority is 0, 1, 2 or 3");
        assertThat(form.value(CardForm.TITLE)).isEqualTo("x");
        keys(controller, key(KeyType.Escape));
        assertThat(controller.topDialog()).isEmpty();
        assertThat(queries.board(CardFilter.ALL).cardCount()).isZero();
    }

    @Test
    void eEditsTheFieldsThatChanged() {
        Card card = new Cards(board).add(new dev.tack.board.NewCard("old", null, "desc", List.of("a", "b"), 1, null, "bob", null));
        start();
        keys(controller, key('e'), ctrl('u'));
        type(controller, "new title");
        keys(controller, key(KeyType.Tab), key(KeyType.Tab), key(KeyType.End), key(KeyType.Backspace));
        type(controller, "c"); // tags "a b" -> "a c"
        keys(controller, key(KeyType.Enter));
        Card after = fresh(card.id());
        assertThat(after.title()).isEqualTo("new title");
        assertThat(after.tags()).containsExactlyInAnyOrder("a", "c");
        assertThat(after.description()).isEqualTo("desc");
        assertThat(after.assignee()).isEqualTo("bob");
        assertThat(after.version()).isEqualTo(card.version() + 1);
    }

    @Test
    void aConflictingEditShowsBothVersionsAndOverwritesOnlyWhenAsked() {
        Card card = Fixture.add(board, "original", "Todo");
        start();
        keys(controller, key('e'), ctrl('u'));
        type(controller, "mine");
        new Cards(Fixture.as(board, "bob")).edit(card.id(), CardEdit.none().withTitle("theirs"), null);
        keys(controller, key(KeyType.Enter));
        ConflictChooser chooser = (ConflictChooser) controller.topDialog().orElseThrow();
        assertThat(chooser.who()).isEqualTo("bob");
        Vt vt = new Vt(100, 30).draw(controller);
        assertThat(vt.text()).contains("theirs: theirs").contains("yours:  mine").contains("bob changed #" + card.id());
        assertThat(fresh(card.id()).title()).isEqualTo("theirs"); // nothing written yet

        keys(controller, key('y'));
        assertThat(fresh(card.id()).title()).isEqualTo("mine");
        assertThat(controller.topDialog()).isEmpty();

        keys(controller, key('e'), ctrl('u'));
        type(controller, "mine again");
        new Cards(Fixture.as(board, "bob")).edit(card.id(), CardEdit.none().withTitle("bob again"), null);
        keys(controller, key(KeyType.Enter), key('t'));
        assertThat(fresh(card.id()).title()).isEqualTo("bob again");
        assertThat(controller.message()).contains("kept bob's version");
    }

    @Test
    void editAgainAfterAConflictStartsFromBothVersions() {
        Card card = Fixture.add(board, "original", "Todo");
        start();
        keys(controller, key('e'), ctrl('u'));
        type(controller, "mine");
        new Cards(Fixture.as(board, "bob")).edit(card.id(), CardEdit.none().withTitle("theirs"), null);
        keys(controller, key(KeyType.Enter), key('e'));
        Form form = (Form) controller.topDialog().orElseThrow();
        assertThat(form.value(CardForm.TITLE)).isEqualTo("mine");
        type(controller, " + theirs");
        keys(controller, key(KeyType.Enter));
        assertThat(fresh(card.id()).title()).isEqualTo("mine + theirs");
    }

    @Test
    void aChangeToOtherFieldsMeanwhileIsKeptWithoutAsking() {
        Card card = Fixture.add(board, "original", "Todo");
        start();
        keys(controller, key('e'), ctrl('u'));
        type(controller, "mine");
        Workspace bob = Fixture.as(board, "bob");
        new Cards(bob).edit(card.id(), new CardEdit(null, null, null, null, null, null, java.util.Optional.of("bob")), null);
        new Cards(bob).move(card.id(), "Doing", null, null);
        keys(controller, key(KeyType.Enter));
        assertThat(controller.topDialog()).isEmpty();
        Card after = fresh(card.id());
        assertThat(after.title()).isEqualTo("mine");
        assertThat(after.assignee()).isEqualTo("bob");
        assertThat(after.column()).isEqualTo("Doing");
        assertThat(controller.message()).contains("on top of bob's change");
    }

    @Test
    void capitalEEditsTheDescriptionInTheEditor() {
        Card card = Fixture.add(board, "card", "Todo");
        start();
        host.edited = "written in the editor\n";
        keys(controller, key('E'));
        assertThat(fresh(card.id()).description()).isEqualTo("written in the editor");
        assertThat(host.lastEditorText).isEmpty();
        assertThat(controller.message()).isEqualTo("saved #" + card.id());

        // someone edits the description while the editor is open: the person chooses
        host.edited = "mine";
        host.whileEditing = () -> new Cards(Fixture.as(board, "bob")).edit(card.id(), CardEdit.none().withDescription("bob's"), null);
        keys(controller, key('E'));
        assertThat(controller.topDialog()).containsInstanceOf(ConflictChooser.class);
        assertThat(fresh(card.id()).description()).isEqualTo("bob's");
        keys(controller, key('y'));
        assertThat(fresh(card.id()).description()).isEqualTo("mine");
    }

    @Test
    void cCommentsAndDArchivesAfterAsking() {
        Card a = Fixture.add(board, "a", "Todo");
        Card b = Fixture.add(board, "b", "Todo");
        start();
        keys(controller, key('c'));
        type(controller, "looks good");
        keys(controller, key(KeyType.Enter));
        assertThat(queries.details(a.id()).comments()).extracting(c -> c.body()).containsExactly("looks good");

        keys(controller, key('d'), key('n'));
        assertThat(fresh(a.id()).archived()).isFalse();
        keys(controller, key('d'), key(KeyType.Enter)); // Enter is not yes
        assertThat(fresh(a.id()).archived()).isFalse();
        keys(controller, key('d'), key('y'));
        assertThat(fresh(a.id()).archived()).isTrue();
        assertThat(selected().id()).isEqualTo(b.id());
    }

    @Test
    void enterShowsDetailsThatFollowTheCard() {
        Card a = Fixture.add(board, "a", "Todo");
        new Cards(board).comment(a.id(), "first comment");
        start();
        keys(controller, key(KeyType.Enter));
        assertThat(controller.topDialog()).containsInstanceOf(DetailsView.class);
        Vt vt = new Vt(100, 30).draw(controller);
        assertThat(vt.text()).contains("#" + a.id() + " a").contains("first comment").contains("History (2)")
                .contains("alice@").contains("added #" + a.id() + " to Todo");
        new Cards(Fixture.as(board, "bob")).comment(a.id(), "second comment");
        controller.reload();
        vt.draw(controller);
        assertThat(vt.text()).contains("second comment").contains("Comments (2)");
        keys(controller, key(KeyType.Escape));
        assertThat(controller.topDialog()).isEmpty();
    }

    @Test
    void slashFiltersAsYouTypeAndEscClears() {
        new Cards(board).add(new dev.tack.board.NewCard("fix bug", null, null, List.of("bug"), 0, null, null, null));
        new Cards(board).add(new dev.tack.board.NewCard("docs", null, null, List.of(), 0, null, "bob", null));
        start();
        keys(controller, key('/'));
        type(controller, "tag:bu");
        assertThat(controller.model().shownCount()).isZero();
        type(controller, "g");
        assertThat(controller.model().shownCount()).isEqualTo(1);
        Vt vt = new Vt(100, 30).draw(controller);
        assertThat(vt.row(28)).startsWith("/tag:bug");
        assertThat(vt.row(0)).contains("filter: tag:bug  (1 of 2 cards)");
        keys(controller, key(KeyType.Enter));
        assertThat(controller.filterEditing()).isFalse();
        assertThat(controller.model().shownCount()).isEqualTo(1);
        keys(controller, key('j')); // board keys work with the filter on
        keys(controller, key(KeyType.Escape));
        assertThat(controller.model().shownCount()).isEqualTo(2);
        keys(controller, key('/'));
        type(controller, "@bob");
        assertThat(controller.model().selectedCard()).map(Card::title).contains("docs");
        keys(controller, key(KeyType.Escape));
        assertThat(controller.model().filtered()).isFalse();
    }

    @Test
    void capitalCManagesColumns() {
        start();
        keys(controller, key('C'), key('a'));
        type(controller, "Review");
        keys(controller, key(KeyType.Tab));
        type(controller, "2!");
        keys(controller, key(KeyType.Enter));
        List<Column> columns = new Columns(board).list().stream().map(Columns.ColumnCount::column).toList();
        assertThat(columns).extracting(Column::name).containsExactly("Todo", "Review", "Doing", "Done");
        assertThat(columns.get(1).wipLimit()).isEqualTo(2);
        assertThat(columns.get(1).wipHard()).isTrue();

        keys(controller, key('J')); // Review moves down, past Doing
        keys(controller, key('r'), ctrl('u'));
        type(controller, "QA");
        keys(controller, key(KeyType.Enter));
        keys(controller, key('w'), ctrl('u'), key(KeyType.Enter)); // clears the limit
        columns = new Columns(board).list().stream().map(Columns.ColumnCount::column).toList();
        assertThat(columns).extracting(Column::name).containsExactly("Todo", "Doing", "QA", "Done");
        assertThat(columns.get(2).wipLimit()).isNull();

        keys(controller, key('x'), key('y'));
        assertThat(new Columns(board).list()).hasSize(3);
        keys(controller, key(KeyType.Escape));
        assertThat(controller.topDialog()).isEmpty();
        assertThat(controller.model().lanes()).hasSize(3);
    }

    @Test
    void bSwitchesBoards() {
        new Boards(board).add("second", List.of("One", "Two"));
        start();
        keys(controller, key('b'), key('j'), key(KeyType.Enter));
        assertThat(controller.boardName()).isEqualTo("second");
        assertThat(controller.model().lanes()).extracting(l -> l.column().name()).containsExactly("One", "Two");
        keys(controller, key('n'));
        type(controller, "on second");
        keys(controller, key(KeyType.Enter));
        assertThat(new Queries(board.onBoard("second")).board(CardFilter.ALL).cardCount()).isEqualTo(1);

        keys(controller, key('b'), key('a'));
        type(controller, "third");
        keys(controller, key(KeyType.Enter));
        assertThat(controller.boardName()).isEqualTo("third");
        keys(controller, key(KeyType.Escape));
        assertThat(controller.topDialog()).isEmpty();
    }

    @Test
    void helpListsEveryKeyAndAnyOtherKeyCloses() {
        start();
        keys(controller, key('?'));
        Vt vt = new Vt(100, 100).draw(controller);
        for (String[] row : KeyMap.HELP) {
            if (row.length == 2 && !row[0].startsWith("Ctrl+A")) {
                assertThat(vt.text()).contains(row[0]);
            }
        }
        keys(controller, key('x'));
        assertThat(controller.topDialog()).isEmpty();
    }

    @Test
    void qAndCtrlCQuit() {
        start();
        keys(controller, key('q'));
        assertThat(controller.quitRequested()).isTrue();
        start();
        keys(controller, key('n'), ctrl('c')); // even from a form
        assertThat(controller.quitRequested()).isTrue();
    }

    @Test
    void theMouseSelectsScrollsAndDragsCards() {
        for (int i = 0; i < 20; i++) {
            Fixture.add(board, "t" + i, "Todo");
        }
        Card x = Fixture.add(board, "x", "Doing");
        start(); // 100×30: lanes at 0, 33, 66; cards from row 2, two rows each
        controller.handle(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(40, 2)));
        controller.handle(new MouseAction(MouseActionType.CLICK_RELEASE, 1, new TerminalPosition(40, 2)));
        assertThat(selected().id()).isEqualTo(x.id());

        controller.handle(new MouseAction(MouseActionType.SCROLL_DOWN, 4, new TerminalPosition(5, 10)));
        controller.handle(new MouseAction(MouseActionType.SCROLL_DOWN, 4, new TerminalPosition(5, 10)));
        assertThat(controller.model().scroll(0)).isEqualTo(2);
        assertThat(selected().id()).isEqualTo(x.id()); // the wheel scrolls, it does not select

        controller.handle(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(40, 3)));
        controller.handle(new MouseAction(MouseActionType.DRAG, 1, new TerminalPosition(70, 5)));
        assertThat(controller.dropLane()).isEqualTo(2);
        controller.handle(new MouseAction(MouseActionType.CLICK_RELEASE, 1, new TerminalPosition(70, 5)));
        assertThat(fresh(x.id()).column()).isEqualTo("Done");
        assertThat(selected().id()).isEqualTo(x.id());

        // dropped on a card of another column: takes that card's place
        controller.handle(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(70, 2)));
        controller.handle(new MouseAction(MouseActionType.DRAG, 1, new TerminalPosition(10, 4)));
        controller.handle(new MouseAction(MouseActionType.CLICK_RELEASE, 1, new TerminalPosition(10, 4)));
        assertThat(column("Todo").indexOf("x")).isEqualTo(3); // scroll 2 + slot 1
    }

    @Test
    void twoPeopleShiftingInTheSameColumnBothSucceed() {
        Card a = Fixture.add(board, "a", "Todo");
        Card b = Fixture.add(board, "b", "Todo");
        Fixture.add(board, "c", "Todo");
        start();
        BoardController other = new BoardController(Fixture.as(board, "bob"), new Fixture.Host());
        other.reload();
        other.layout(new TerminalSize(100, 30));
        other.model().select(b.id());
        keys(controller, key('J'));   // alice: a down
        keys(other, key('J'));        // bob, from his (stale) view: b down
        controller.reload();
        other.reload();
        List<String> expected = column("Todo");
        assertThat(expected).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(Fixture.titles(controller.model().lanes().get(0))).isEqualTo(expected);
        assertThat(Fixture.titles(other.model().lanes().get(0))).isEqualTo(expected);
        assertThat(selected().id()).isEqualTo(a.id());
        assertThat(other.model().selectedCard()).map(Card::id).contains(b.id());
    }
}
