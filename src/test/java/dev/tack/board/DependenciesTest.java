package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import dev.tack.model.Card;
import dev.tack.model.ChecklistItem;
import dev.tack.model.Event;
import dev.tack.model.TackException;
import dev.tack.model.TackException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.tack.testing.Engine;

/** Cards that wait for cards (issue 12): links, cycles, readiness, done and gate columns, archiving, undo. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class DependenciesTest {

    @Parameter
    Engine engine;

    @TempDir
    Path folder;

    private BoardFixture board;
    private Links links;

    @BeforeEach
    void open() {
        board = BoardFixture.create(engine, folder);
        links = new Links(board.workspace);
    }

    @AfterEach
    void close() {
        board.close();
    }

    private Readiness.Status status(long id) {
        return links.status(id);
    }

    @Test
    void aCardIsReadyOnceEverythingItWaitsForIsInTheLastColumn() {
        Card migrate = board.add("migrate");
        Card write = board.add("write the migration");
        Card deploy = board.add("deploy");
        links.link(deploy.id(), migrate.id());
        links.link(migrate.id(), write.id());
        assertThat(status(deploy.id()).waitingFor()).containsExactly(migrate.id());
        assertThat(status(deploy.id()).reason()).isEqualTo("waiting for #" + migrate.id());
        assertThat(status(write.id()).ready()).isTrue();

        board.cards.move(migrate.id(), "Done", null, null);
        assertThat(status(deploy.id()).ready()).isTrue();
        board.cards.move(migrate.id(), "Doing", null, null);
        assertThat(status(deploy.id()).ready()).isFalse();
    }

    @Test
    void aMarkedDoneColumnReplacesTheLastColumnAndAnArchivedPrerequisiteCountsAsDone() {
        Card a = board.add("a");
        Card b = board.add("b");
        links.link(b.id(), a.id());
        board.columns.markDone("Doing", true);
        board.cards.move(a.id(), "Done", null, null);
        assertThat(status(b.id()).ready()).as("Done is no longer the done column").isFalse();
        board.cards.move(a.id(), "Doing", null, null);
        assertThat(status(b.id()).ready()).isTrue();
        board.columns.markDone("Doing", false);
        assertThat(status(b.id()).ready()).isFalse();
        board.cards.archive(a.id(), null, true);
        assertThat(status(b.id()).ready()).isTrue();
    }

    @Test
    void aLinkThatClosesACycleIsRefusedNamingIt() {
        Card five = board.add("five");
        Card seven = board.add("seven");
        Card nine = board.add("nine");
        links.link(five.id(), seven.id()); // 5 waits for 7
        long events = board.eventCount();
        assertThatThrownBy(() -> links.link(seven.id(), five.id()))
                .isInstanceOfSatisfying(TackException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT))
                .hasMessageContaining("#" + five.id() + " → #" + seven.id() + " → #" + five.id());
        links.link(nine.id(), five.id()); // 9 waits for 5 waits for 7
        assertThatThrownBy(() -> links.link(seven.id(), nine.id()))
                .hasMessageContaining("#" + nine.id() + " → #" + seven.id() + " → #" + five.id() + " → #" + nine.id());
        assertThat(board.eventCount()).isEqualTo(events + 1);
    }

    @Test
    void badLinksAreRefusedWithTheirKindsAndASecondLinkIsANoOp() {
        Card a = board.add("a");
        Card b = board.add("b");
        assertThatThrownBy(() -> links.link(a.id(), a.id())).isInstanceOfSatisfying(TackException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.USAGE));
        assertThatThrownBy(() -> links.link(a.id(), 999)).isInstanceOfSatisfying(TackException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
        assertThat(links.link(a.id(), b.id()).changed()).isTrue();
        long events = board.eventCount();
        Links.Result again = links.link(a.id(), b.id());
        assertThat(again.changed()).isFalse();
        assertThat(board.eventCount()).isEqualTo(events);
        assertThat(links.unlink(a.id(), b.id()).changed()).isTrue();
        assertThat(links.unlink(a.id(), b.id()).changed()).isFalse();
    }

    @Test
    void linksCrossBoardsAndShowTheOtherBoardsName() {
        board.boards.add("ops", List.of("Todo", "Done"));
        BoardFixture ops = board.on("ops");
        Card release = ops.add("release");
        Card notes = board.add("write release notes");
        links.link(notes.id(), release.id());
        Links.Neighbours neighbours = links.of(notes.id());
        assertThat(neighbours.waitsFor()).singleElement().satisfies(n -> {
            assertThat(n.otherBoard()).isEqualTo("ops");
            assertThat(n.done()).isFalse();
        });
        assertThat(links.of(release.id()).blocks()).singleElement().satisfies(n -> assertThat(n.otherBoard()).isEqualTo("main"));
        ops.cards.move(release.id(), "Done", null, null);
        assertThat(status(notes.id()).ready()).isTrue();
    }

    @Test
    void aGateColumnRefusesAWaitingCardWithTheReason() {
        Card a = board.add("a");
        Card b = board.add("b");
        links.link(b.id(), a.id());
        board.columns.markGate("Doing", true);
        assertThatThrownBy(() -> board.cards.move(b.id(), "Doing", null, null))
                .isInstanceOfSatisfying(TackException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT))
                .hasMessage("Doing takes only ready cards: #" + b.id() + " is waiting for #" + a.id());
        assertThat(board.card(b.id()).column()).isEqualTo("Todo");
        board.cards.move(b.id(), "Done", null, null); // no gate there: allowed
        board.cards.move(a.id(), "Done", null, null);
        board.cards.move(b.id(), "Doing", null, null);
        assertThat(board.card(b.id()).column()).isEqualTo("Doing");
    }

    @Test
    void archivingACardOthersWaitForNeedsForceAndSaysWhatItUnblocks() {
        Card a = board.add("a");
        Card b = board.add("b");
        Card c = board.add("c");
        Card d = board.add("d");
        links.link(b.id(), a.id());
        links.link(c.id(), a.id());
        links.link(c.id(), d.id());
        assertThatThrownBy(() -> board.cards.archive(a.id(), null))
                .isInstanceOfSatisfying(TackException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT))
                .hasMessageContaining("#" + b.id() + ", #" + c.id() + " wait").hasMessageContaining("unblocks #" + b.id() + " (")
                .hasMessageContaining("--force");
        assertThat(board.card(a.id()).archived()).isFalse();
        Cards.Archived archived = board.cards.archive(a.id(), null, true);
        assertThat(archived.unblocked()).containsExactly(b.id());
        assertThat(status(b.id()).ready()).isTrue();
        board.cards.archive(d.id(), null, true);
        board.cards.move(b.id(), "Done", null, null);
        assertThat(board.cards.archive(b.id(), null).archived()).as("nobody waits for b").isTrue();
    }

    @Test
    void addingACardAfterOthersLinksItInTheSameWrite() {
        Card a = board.add("a");
        Card b = board.add("b");
        Card c = board.cards.add(NewCard.titled("c"), List.of(a.id(), b.id()));
        assertThat(status(c.id()).waitingFor()).containsExactly(a.id(), b.id());
        assertThatThrownBy(() -> board.cards.add(NewCard.titled("d"), List.of(999L))).isInstanceOf(TackException.class);
        assertThat(board.layout().get(0)).containsExactly(a.id(), b.id(), c.id());
    }

    @Test
    void linksAndUnlinksAreEventsThatUndoAndRedo() {
        Card a = board.add("a");
        Card b = board.add("b");
        links.link(b.id(), a.id());
        Event event = board.workspace.read(tx -> tx.events().lastOfCard(b.id())).orElseThrow();
        assertThat(event.kind()).isEqualTo("card.linked");
        assertThat(board.card(b.id()).version()).isEqualTo(b.version() + 1);
        History history = new History(board.workspace);
        history.undo();
        assertThat(status(b.id()).ready()).isTrue();
        history.redo();
        assertThat(status(b.id()).waitingFor()).containsExactly(a.id());
        links.unlink(b.id(), a.id());
        history.undo();
        assertThat(status(b.id()).waitingFor()).containsExactly(a.id());
        assertThat(board.problems()).isEmpty();
    }

    @Test
    void theBoardViewCarriesMarksAndTheFilterTakesReadiness() {
        Card a = board.add("a");
        Card b = board.add("b");
        links.link(b.id(), a.id());
        new Checklists(board.workspace).add(a.id(), "one", null);
        BoardView view = board.queries.board(CardFilter.ALL);
        assertThat(view.marks().waitingFor(b.id())).containsExactly(a.id());
        assertThat(view.marks().blocks(a.id())).containsExactly(b.id());
        assertThat(view.marks().checklist(a.id())).hasValue(new dev.tack.model.ChecklistProgress(0, 1));
        assertThat(ids(board.queries.board(CardFilter.parse("is:blocked")))).containsExactly(b.id());
        assertThat(ids(board.queries.board(CardFilter.parse("is:ready")))).containsExactly(a.id());

        long last = view.lastEventId();
        board.cards.move(a.id(), "Done", null, null);
        List<Event> events = board.queries.eventsAfter(last, 100);
        BoardView refreshed = board.queries.refresh(view, events);
        assertThat(refreshed.marks().waitingFor(b.id())).as("refreshed from a's move alone").isEmpty();
        assertThat(refreshed.marks()).isEqualTo(board.queries.board(CardFilter.ALL).marks());
    }

    @Test
    void checklistItemsAreAddedTickedMovedRemovedAndUndone() {
        Checklists checklists = new Checklists(board.workspace);
        Card card = board.add("card");
        checklists.add(card.id(), "write the test", null);
        checklists.add(card.id(), "make it pass", null);
        checklists.add(card.id(), "first", 1);
        assertThat(texts(checklists.of(card.id()))).containsExactly("first", "write the test", "make it pass");
        checklists.done(card.id(), 2, true);
        checklists.move(card.id(), 2, 3);
        assertThat(texts(checklists.of(card.id()))).containsExactly("first", "make it pass", "write the test");
        assertThat(checklists.of(card.id()).get(2).done()).isTrue();
        checklists.remove(card.id(), 1);
        assertThatThrownBy(() -> checklists.done(card.id(), 3, true)).isInstanceOfSatisfying(TackException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
        History history = new History(board.workspace);
        history.undo(); // the remove
        assertThat(texts(checklists.of(card.id()))).containsExactly("first", "make it pass", "write the test");
        history.undo(); // the move
        assertThat(texts(checklists.of(card.id()))).containsExactly("first", "write the test", "make it pass");
        history.undo(); // the tick
        assertThat(checklists.of(card.id())).noneMatch(ChecklistItem::done);
        history.redo();
        assertThat(checklists.of(card.id()).get(1).done()).isTrue();
        assertThat(board.card(card.id()).version()).isGreaterThan(6);
        assertThat(board.problems()).isEmpty();
    }

    private static List<Long> ids(BoardView view) {
        return view.lanes().stream().flatMap(l -> l.cards().stream()).map(Card::id).toList();
    }

    private static List<String> texts(List<ChecklistItem> items) {
        return items.stream().map(ChecklistItem::text).toList();
    }
}
