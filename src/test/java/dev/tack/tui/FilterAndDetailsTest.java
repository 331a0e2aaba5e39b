package dev.tack.tui;

import static dev.tack.tui.Fixture.key;
import static dev.tack.tui.Fixture.keys;
import static dev.tack.tui.Fixture.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Queries;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filter line as README describes it, and the details view over the board. */
class FilterAndDetailsTest {

    @TempDir
    Path dir;
    Workspace board;
    BoardController controller;

    @BeforeEach
    void open() {
        board = Fixture.create(dir, "alice");
    }

    @AfterEach
    void close() {
        board.close();
    }

    private List<String> shown() {
        return controller.model().lanes().stream().flatMap(l -> l.cards().stream()).map(Card::title).toList();
    }

    @Test
    void hashAndANumberFindsThatCard() {
        for (int i = 1; i <= 5; i++) {
            Fixture.add(board, "card " + i, "Todo");
        }
        new Cards(board).add(new NewCard("tagged", null, null, List.of("ui"), 0, null, null, null));
        controller = Fixture.controller(board);
        keys(controller, key('/'));
        type(controller, "#4");
        assertThat(shown()).containsExactly("card 4");
        keys(controller, key(KeyType.Enter));
        assertThat(controller.model().selectedCard()).map(Card::id).contains(4L);
        keys(controller, key(KeyType.Escape), key('/'));
        type(controller, "#ui");
        assertThat(shown()).containsExactly("tagged");
    }

    @Test
    void backspaceAfterEnterEditsTheKeptFilter() {
        Fixture.add(board, "alpha", "Todo");
        Fixture.add(board, "alps", "Todo");
        Fixture.add(board, "beta", "Todo");
        controller = Fixture.controller(board);
        keys(controller, key('/'));
        type(controller, "alph");
        keys(controller, key(KeyType.Enter));
        assertThat(controller.filterEditing()).isFalse();
        assertThat(shown()).containsExactly("alpha");

        keys(controller, key(KeyType.Backspace));
        assertThat(controller.filterEditing()).isTrue();
        assertThat(controller.model().filterText()).isEqualTo("alp");
        assertThat(shown()).containsExactly("alpha", "alps");
        Vt vt = new Vt(100, 30).draw(controller);
        assertThat(vt.row(28)).startsWith("/alp");
        type(controller, "s");
        keys(controller, key(KeyType.Enter));
        assertThat(shown()).containsExactly("alps");

        keys(controller, key(KeyType.Escape), key(KeyType.Backspace)); // no filter: Backspace does nothing
        assertThat(controller.filterEditing()).isFalse();
        assertThat(shown()).hasSize(3);
    }

    @Test
    void theDetailsShowALongTitleInFull() {
        String title = "A title much longer than the box around the details can hold in its top border, so that only its"
                + " beginning fits there and the rest has to wrap onto more lines below, ending with the word zebra";
        Fixture.add(board, title, "Todo");
        controller = Fixture.controller(board);
        keys(controller, key(KeyType.Enter));
        Vt vt = new Vt(80, 24).draw(controller);
        String body = String.join(" ", vt.rowsText().stream().map(r -> r.replace("│", " ").strip()).toList()).replaceAll(" +", " ");
        assertThat(body).contains(title);
    }

    @Test
    void aCommentMadeFromTheDetailsComesBackToThemShowingIt() {
        Card card = Fixture.add(board, "card", "Todo");
        controller = Fixture.controller(board);
        keys(controller, key(KeyType.Enter), key('c'));
        assertThat(controller.topDialog()).containsInstanceOf(Form.class);
        type(controller, "seen from the details");
        keys(controller, key(KeyType.Enter));
        assertThat(controller.topDialog()).containsInstanceOf(DetailsView.class);
        Vt vt = new Vt(100, 30).draw(controller);
        assertThat(vt.text()).contains("Comments (1)").contains("seen from the details");
        assertThat(new Queries(board).details(card.id()).comments()).hasSize(1);

        keys(controller, key('e'), Fixture.ctrl('u'));
        type(controller, "renamed");
        keys(controller, key(KeyType.Enter));
        assertThat(controller.topDialog()).containsInstanceOf(DetailsView.class);
        assertThat(vt.draw(controller).text()).contains("#" + card.id() + " renamed");
        keys(controller, key(KeyType.Escape));
        assertThat(controller.topDialog()).isEmpty();
    }
}
