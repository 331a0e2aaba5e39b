package dev.tack.tui;

import static dev.tack.tui.Fixture.key;
import static dev.tack.tui.Fixture.keys;
import static dev.tack.tui.Fixture.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.Cards;
import dev.tack.board.CardEdit;
import dev.tack.board.Columns;
import dev.tack.board.Queries;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forms driven by the keys a terminal really sends: Alt+Enter as decoded from its bytes, and fields holding a value. */
class FormsTest {

    @TempDir
    Path dir;
    Workspace board;
    Queries queries;
    BoardController controller;

    @BeforeEach
    void open() {
        board = Fixture.create(dir, "alice");
        queries = new Queries(board);
    }

    @AfterEach
    void close() {
        board.close();
    }

    /** The keys the terminal session decodes from the bytes it reads (Enter is LF after the tty's translation). */
    private void bytes(String sent) throws Exception {
        for (KeyStroke key : AltEnterPatternTest.decode(sent)) {
            controller.handle(key);
        }
    }

    private Card selected() {
        return controller.model().selectedCard().orElseThrow();
    }

    @Test
    void altEnterSavesTheCardFormFromTheDescription() throws Exception {
        controller = Fixture.controller(board);
        keys(controller, key('n'));
        type(controller, "From the description");
        keys(controller, key(KeyType.Tab));
        bytes("first line\nsecond line\u001b\n"); // Enter makes a new line; Alt+Enter saves
        assertThat(controller.topDialog()).isEmpty();
        assertThat(selected().title()).isEqualTo("From the description");
        assertThat(selected().description()).isEqualTo("first line\nsecond line");
    }

    @Test
    void altEnterSavesTheCardFormFromAnyOtherField() throws Exception {
        controller = Fixture.controller(board);
        keys(controller, key('n'));
        type(controller, "From the tags");
        keys(controller, key(KeyType.Tab), key(KeyType.Tab));
        bytes("ui\u001b\r"); // as the terminal sends it, on a tty that does not translate CR
        assertThat(controller.topDialog()).isEmpty();
        assertThat(selected().tags()).containsExactly("ui");
    }

    @Test
    void altEnterInACommentStartsANewLine() throws Exception {
        Card card = Fixture.add(board, "card", "Todo");
        controller = Fixture.controller(board);
        keys(controller, key('c'));
        bytes("line1\u001b\nline2\n");
        assertThat(controller.topDialog()).isEmpty();
        assertThat(queries.details(card.id()).comments()).extracting(c -> c.body()).containsExactly("line1\nline2");
    }

    @Test
    void typingAPriorityReplacesTheZeroItStartsWith() {
        controller = Fixture.controller(board);
        keys(controller, key('n'));
        type(controller, "urgent");
        keys(controller, key(KeyType.Tab), key(KeyType.Tab), key(KeyType.Tab));
        Form form = (Form) controller.topDialog().orElseThrow();
        assertThat(form.value(CardForm.PRIORITY)).isEqualTo("0");
        type(controller, "2");
        assertThat(form.value(CardForm.PRIORITY)).isEqualTo("2");
        keys(controller, key(KeyType.Enter));
        assertThat(controller.topDialog()).isEmpty();
        assertThat(selected().priority()).isEqualTo(2);
    }

    @Test
    void editingAPriorityReplacesItAndArrowsKeepItForEditing() {
        Card card = new Cards(board).add(new dev.tack.board.NewCard("card", null, null, List.of(), 1, null, null, null));
        controller = Fixture.controller(board);
        keys(controller, key('e'), key(KeyType.Tab), key(KeyType.Tab), key(KeyType.Tab));
        type(controller, "3");
        keys(controller, key(KeyType.Enter));
        assertThat(queries.card(card.id()).priority()).isEqualTo(3);

        new Cards(board).edit(card.id(), CardEdit.none().withTitle("card"), null);
        keys(controller, key('e'), key(KeyType.ReverseTab), key(KeyType.ReverseTab), key(KeyType.ReverseTab));
        keys(controller, key(KeyType.End)); // a key that moves the cursor keeps the text: typing then appends
        type(controller, "!");
        Form form = (Form) controller.topDialog().orElseThrow();
        assertThat(form.value(CardForm.PRIORITY)).isEqualTo("3!");
        keys(controller, key(KeyType.Escape));
    }

    @Test
    void backspaceInAnEnteredValueClearsIt() {
        controller = Fixture.controller(board);
        keys(controller, key('n'));
        type(controller, "t");
        keys(controller, key(KeyType.Tab), key(KeyType.Tab), key(KeyType.Tab), key(KeyType.Backspace));
        Form form = (Form) controller.topDialog().orElseThrow();
        assertThat(form.value(CardForm.PRIORITY)).isEmpty();
        keys(controller, key(KeyType.Enter));
        assertThat(selected().priority()).isZero();
    }

    @Test
    void typingAWipLimitReplacesTheOneShown() {
        new Columns(board).limit("Todo", 3, false);
        controller = Fixture.controller(board);
        keys(controller, key('C'), key('w'));
        type(controller, "5");
        keys(controller, key(KeyType.Enter));
        assertThat(new Columns(board).list().get(0).column().wipLimit()).isEqualTo(5);
    }
}
