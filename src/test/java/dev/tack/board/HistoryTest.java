package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import dev.tack.model.Actor;
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

@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class HistoryTest {

    @Parameter
    Engine engine;

    @TempDir
    Path folder;

    private dev.tack.store.Storage database;
    private Workspace alice;
    private Workspace bob;

    @BeforeEach
    void open() {
        Actor seed = new Actor("seed", "host", 1);
        database = dev.tack.store.Storages.open(engine.newLocation(folder), dev.tack.store.Storage.Options.defaults().creating(true),
                tx -> Boards.create(tx, seed, "main", Boards.DEFAULT_COLUMNS));
        alice = new Workspace(database, new Actor("alice", "host", 2), null);
        bob = new Workspace(database, new Actor("bob", "host", 3), null);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void undoesAndRedoesMovesAndEditsInOrder() {
        Cards cards = new Cards(alice);
        Card card = cards.add(NewCard.titled("write docs"));
        cards.move(card.id(), "Doing", null, null);
        cards.edit(card.id(), CardEdit.none().withTitle("write the docs"), null);
        History history = new History(alice);

        Card afterFirstUndo = history.undo();
        assertThat(afterFirstUndo.title()).isEqualTo("write docs");
        assertThat(afterFirstUndo.column()).isEqualTo("Doing");

        Card afterSecondUndo = history.undo();
        assertThat(afterSecondUndo.column()).isEqualTo("Todo");
        assertThat(afterSecondUndo.position()).isZero();

        Card redone = history.redo();
        assertThat(redone.column()).isEqualTo("Doing");

        assertThat(history.undo().column()).isEqualTo("Todo");
        Card unAdded = history.undo();
        assertThat(unAdded.archived()).isTrue();
        assertThatThrownBy(history::undo).isInstanceOf(TackException.class)
                .extracting(e -> ((TackException) e).kind()).isEqualTo(TackException.Kind.NOT_FOUND);
        assertThat(database.integrityProblems()).isEmpty();
    }

    @Test
    void refusesToUndoOverSomeoneElsesChange() {
        Card card = new Cards(alice).add(NewCard.titled("shared"));
        new Cards(alice).move(card.id(), "Doing", null, null);
        new Cards(bob).edit(card.id(), new CardEdit(null, null, List.of("urgent"), List.of(), null, null, null), null);

        assertThatThrownBy(() -> new History(alice).undo()).isInstanceOf(TackException.class)
                .hasMessageContaining("bob")
                .extracting(e -> ((TackException) e).kind()).isEqualTo(TackException.Kind.CONFLICT);
        Card now = new Queries(alice).card(card.id());
        assertThat(now.column()).isEqualTo("Doing");
        assertThat(now.tags()).containsExactly("urgent");
    }

    @Test
    void aNewChangeClearsTheRedoStack() {
        Cards cards = new Cards(alice);
        Card card = cards.add(NewCard.titled("x"));
        cards.move(card.id(), "Done", null, null);
        History history = new History(alice);
        history.undo();
        cards.move(card.id(), "Doing", null, null);
        assertThatThrownBy(history::redo).isInstanceOf(TackException.class).hasMessageContaining("nothing to redo");
    }

    @Test
    void undoFindsTheColumnItMovedFromAfterARename() {
        Cards cards = new Cards(alice);
        Card card = cards.add(NewCard.titled("x"));
        cards.move(card.id(), "Doing", null, null);
        cards.move(card.id(), "Done", null, null);
        new Columns(alice).rename("Doing", "In progress");

        Card undone = new History(alice).undo();

        assertThat(undone.column()).isEqualTo("In progress");
        assertThat(new History(alice).redo().column()).isEqualTo("Done");
        assertThat(new History(alice).undo().column()).isEqualTo("In progress");
        assertThat(new History(alice).undo().column()).isEqualTo("Todo");
    }

    @Test
    void undoStaysOnItsBoard() {
        new Boards(alice).add("side", null);
        Workspace aliceOnSide = alice.onBoard("side");
        Card here = new Cards(alice).add(NewCard.titled("on main"));
        new Cards(alice).move(here.id(), "Doing", null, null);
        Card there = new Cards(aliceOnSide).add(NewCard.titled("on side"));
        new Cards(aliceOnSide).move(there.id(), "Done", null, null);

        // the latest change is on side, but undo on main undoes main's
        assertThat(new History(alice).undo().id()).isEqualTo(here.id());
        assertThat(new Queries(alice).card(there.id()).column()).isEqualTo("Done");
        assertThat(new History(aliceOnSide).undo().id()).isEqualTo(there.id());
        assertThat(new Queries(alice).card(there.id()).column()).isEqualTo("Todo");
        // a change on side leaves main's redo alone
        new Cards(aliceOnSide).edit(there.id(), CardEdit.none().withTitle("side, renamed"), null);
        assertThat(new History(alice).redo().column()).isEqualTo("Doing");
        assertThatThrownBy(new History(aliceOnSide)::redo).hasMessageContaining("nothing to redo");
    }

    @Test
    void longRunsOfUndoAndRedoWalkTheStacksBothWays() {
        Cards cards = new Cards(alice);
        Card card = cards.add(NewCard.titled("t0"));
        for (int i = 1; i <= 5; i++) {
            cards.edit(card.id(), CardEdit.none().withTitle("t" + i), null);
        }
        History history = new History(alice);
        for (int i = 4; i >= 0; i--) {
            assertThat(history.undo().title()).isEqualTo("t" + i);
        }
        assertThat(history.redo().title()).isEqualTo("t1");
        assertThat(history.redo().title()).isEqualTo("t2");
        assertThat(history.undo().title()).isEqualTo("t1");
        assertThat(history.undo().title()).isEqualTo("t0");
        assertThat(history.undo().archived()).isTrue(); // the add itself
        assertThatThrownBy(history::undo).hasMessageContaining("nothing to undo");
        for (int i = 0; i <= 5; i++) {
            Card redone = history.redo();
            assertThat(redone.archived()).isFalse();
            assertThat(redone.title()).isEqualTo("t" + i);
        }
        assertThatThrownBy(history::redo).hasMessageContaining("nothing to redo");
        assertThat(database.integrityProblems()).isEmpty();
    }

    @Test
    void undoPutsBackOnlyWhatTheChangeTouchedKeepingAnotherPersonsLaterEdit() {
        Cards cards = new Cards(alice);
        Card card = cards.add(NewCard.titled("x"));
        cards.move(card.id(), "Doing", null, null);
        new Cards(bob).edit(card.id(), CardEdit.none().withTitle("bob's title"), null);
        cards.edit(card.id(), new CardEdit(null, null, List.of("mine"), List.of(), null, null, null), null);
        History history = new History(alice);
        assertThat(history.undo().tags()).isEmpty(); // her tag edit, the card's latest change

        Card undone = history.undo(); // her move, made before bob's edit

        assertThat(undone.column()).isEqualTo("Todo");
        assertThat(undone.title()).isEqualTo("bob's title");
    }
}
