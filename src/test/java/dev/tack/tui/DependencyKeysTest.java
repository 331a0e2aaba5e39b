package dev.tack.tui;

import static dev.tack.tui.Fixture.key;
import static dev.tack.tui.Fixture.keys;
import static dev.tack.tui.Fixture.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.Checklists;
import dev.tack.board.Columns;
import dev.tack.board.Links;
import dev.tack.board.Queries;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import dev.tack.model.ChecklistItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screen's side of issue 12: marks on cards, the link picker, details, checklist keys, gates, archiving, the filter. */
class DependencyKeysTest {

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

    private String screen() {
        return new Vt(100, 30).draw(controller).text();
    }

    private List<String> shown() {
        return controller.model().lanes().stream().flatMap(l -> l.cards().stream()).map(Card::title).toList();
    }

    @Test
    void aWaitingCardShowsTheFirstCardItWaitsForAndAChecklistItsProgress() {
        Card migrate = Fixture.add(board, "migrate", "Todo");
        Card deploy = Fixture.add(board, "deploy", "Todo");
        new Links(board).link(deploy.id(), migrate.id());
        Checklists checklists = new Checklists(board);
        checklists.add(migrate.id(), "write it", null);
        checklists.add(migrate.id(), "test it", null);
        checklists.done(migrate.id(), 1, true);
        controller = Fixture.controller(board);
        String screen = screen();
        assertThat(screen).contains("#" + deploy.id() + " ⧗ #" + migrate.id());
        assertThat(screen).contains("#" + migrate.id() + " ☑ 1/2");
    }

    @Test
    void wLinksTheSelectedCardToOneTypedByNumberOrPickedOnTheBoard() {
        Card a = Fixture.add(board, "a", "Todo");
        Card b = Fixture.add(board, "b", "Todo");
        Card c = Fixture.add(board, "c", "Doing");
        controller = Fixture.controller(board);
        keys(controller, key('j'), key('w')); // b selected
        assertThat(screen()).contains("#" + b.id() + " waits for");
        type(controller, String.valueOf(a.id()));
        keys(controller, key(KeyType.Enter));
        assertThat(new Links(board).status(b.id()).waitingFor()).containsExactly(a.id());
        assertThat(controller.message()).isEqualTo("#" + b.id() + " now waits for #" + a.id());

        keys(controller, key('w'), key('l'), key(KeyType.Enter)); // pick c in Doing
        assertThat(new Links(board).status(b.id()).waitingFor()).containsExactly(a.id(), c.id());
        assertThat(controller.model().selectedCard()).map(Card::id).contains(c.id());

        keys(controller, key('k'), key('w')); // c waits for b: a cycle
        type(controller, String.valueOf(b.id()));
        keys(controller, key(KeyType.Enter));
        assertThat(controller.messageIsError()).isTrue();
        assertThat(controller.message()).contains("#" + b.id() + " → #" + c.id() + " → #" + b.id());
        keys(controller, key('w'), key(KeyType.Escape));
        assertThat(controller.topDialog()).isEmpty();
    }

    @Test
    void detailsListBothDirectionsAndTheChecklistWhoseItemsDigitsTick() {
        Card a = Fixture.add(board, "prerequisite", "Todo");
        Card b = Fixture.add(board, "waiting", "Todo");
        new Links(board).link(b.id(), a.id());
        new Checklists(board).add(b.id(), "write the test", null);
        new Checklists(board).add(b.id(), "make it pass", null);
        controller = Fixture.controller(board);
        keys(controller, key('j'), key(KeyType.Enter));
        String details = screen();
        assertThat(details).contains("Waits for (1)", "⧗ #" + a.id() + " prerequisite  (Todo)", "Checklist ☑ 0/2",
                "1. [ ] write the test", "2. [ ] make it pass");
        keys(controller, key('2'));
        assertThat(new Checklists(board).of(b.id())).extracting(ChecklistItem::done).containsExactly(false, true);
        assertThat(screen()).contains("Checklist ☑ 1/2", "2. [x] make it pass");
        keys(controller, key('2'));
        assertThat(new Checklists(board).of(b.id())).noneMatch(ChecklistItem::done);
        keys(controller, key(KeyType.Escape), key('k'), key(KeyType.Enter));
        assertThat(screen()).contains("Blocks (1)", "#" + b.id() + " waiting");
    }

    @Test
    void aGateRefusesAWaitingCardWithTheReasonAndWithoutOneTheStatusRowWarns() {
        Card a = Fixture.add(board, "a", "Todo");
        Card b = Fixture.add(board, "b", "Todo");
        new Links(board).link(b.id(), a.id());
        new Columns(board).markGate("Doing", true);
        controller = Fixture.controller(board);
        keys(controller, key('j'), key('L'));
        assertThat(new Queries(board).card(b.id()).column()).isEqualTo("Todo");
        assertThat(controller.message()).isEqualTo("Doing takes only ready cards: #" + b.id() + " is waiting for #" + a.id());
        new Columns(board).markGate("Doing", false);
        keys(controller, key('L'));
        assertThat(new Queries(board).card(b.id()).column()).isEqualTo("Doing");
        assertThat(controller.message()).isEqualTo("#" + b.id() + " moved to Doing but still waits for #" + a.id());
    }

    @Test
    void archivingACardOthersWaitForAsksAndSaysWhatItUnblocks() {
        Card a = Fixture.add(board, "a", "Todo");
        Card b = Fixture.add(board, "b", "Todo");
        new Links(board).link(b.id(), a.id());
        controller = Fixture.controller(board);
        keys(controller, key('d'));
        assertThat(screen()).contains("#" + b.id() + " waits for it", "unblocks #" + b.id());
        keys(controller, key('y'));
        assertThat(new Queries(board).card(a.id()).archived()).isTrue();
        assertThat(controller.message()).contains("#" + b.id() + " ready now");
        assertThat(new Links(board).status(b.id()).ready()).isTrue();
    }

    @Test
    void uUndoesAndURedoesALinkAndATickMadeOnTheScreen() {
        Card a = Fixture.add(board, "a", "Todo");
        Card b = Fixture.add(board, "b", "Todo");
        new Checklists(board).add(b.id(), "item", null);
        controller = Fixture.controller(board);
        keys(controller, key('j'), key('w'));
        type(controller, String.valueOf(a.id()));
        keys(controller, key(KeyType.Enter));
        keys(controller, key(KeyType.Enter), key('1'), key(KeyType.Escape)); // tick in the details
        assertThat(new Checklists(board).of(b.id())).extracting(ChecklistItem::done).containsExactly(true);

        keys(controller, key('u'));
        assertThat(new Checklists(board).of(b.id())).extracting(ChecklistItem::done).containsExactly(false);
        keys(controller, key('u'));
        assertThat(new Links(board).status(b.id()).waitingFor()).isEmpty();
        assertThat(screen()).doesNotContain("⧗");
        keys(controller, key('U'));
        assertThat(new Links(board).status(b.id()).waitingFor()).containsExactly(a.id());
        assertThat(screen()).contains("#" + b.id() + " ⧗ #" + a.id());
        keys(controller, key('U'));
        assertThat(new Checklists(board).of(b.id())).extracting(ChecklistItem::done).containsExactly(true);
        assertThat(screen()).contains("☑ 1/1");
    }

    @Test
    void theFilterTakesIsReadyAndIsBlocked() {
        Card a = Fixture.add(board, "a", "Todo");
        Card b = Fixture.add(board, "b", "Todo");
        new Links(board).link(b.id(), a.id());
        controller = Fixture.controller(board);
        keys(controller, key('/'));
        type(controller, "is:blocked");
        assertThat(shown()).containsExactly("b");
        keys(controller, key(KeyType.Escape), key('/'));
        type(controller, "is:ready");
        assertThat(shown()).containsExactly("a");
    }
}
