package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import dev.tack.model.Actor;
import dev.tack.model.Card;
import dev.tack.store.sqlite.Database;
import dev.tack.store.sqlite.Integrity;
import dev.tack.model.TackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    @TempDir
    Path folder;

    private Database database;
    private Workspace alice;
    private Workspace bob;

    @BeforeEach
    void open() {
        Actor seed = new Actor("seed", "host", 1);
        database = Database.open(folder.resolve("t.db"), Database.Options.defaults().creating(true),
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
        assertThat(database.read(Integrity::problems)).isEmpty();
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
}
