package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
class TransfersTest {

    @Parameter
    Engine engine;

    @TempDir
    Path folder;

    private BoardFixture board;
    private Workspace workspace;
    private dev.tack.store.Storage database;

    @BeforeEach
    void open() {
        board = BoardFixture.create(engine, folder);
        workspace = board.workspace;
        database = workspace.storage();
    }

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void exportThenImportIntoANewBoardReproducesIt() {
        Cards cards = new Cards(workspace);
        cards.add(new NewCard("one", "Doing", "body", List.of("x"), 1, LocalDate.of(2026, 1, 2), "bob", null));
        long archived = cards.add(NewCard.titled("old")).id();
        cards.archive(archived, null);
        cards.comment(archived, "why it went");

        BoardSnapshot exported = new Transfers(workspace).export();
        int imported = new Transfers(workspace.onBoard("copy")).importSnapshot(exported);

        assertThat(imported).isEqualTo(2);
        BoardSnapshot copy = new Transfers(workspace.onBoard("copy")).export();
        assertThat(copy.columns()).isEqualTo(exported.columns());
        assertThat(database.integrityProblems()).isEmpty();
    }

    @Test
    void textThatJsonMustEscapeComesBackAsItWasWritten() {
        // The SQLite engine hands a batch to SQLite as one JSON text: quotes, backslashes, line breaks,
        // astral characters and JSON-looking text must reach the rows unchanged.
        String title = "say \"hi\" \\ {\"not\": [json]} \u2603 \uD83D\uDE80 </script>";
        String description = "line one\nline\ttwo \\n \u00e9\u0301";
        new Cards(workspace).add(new NewCard(title, "Doing", description, List.of("t\"ag", "\u00fcber"), 2, null, "ann \"a\"", null));

        BoardSnapshot exported = new Transfers(workspace).export();
        new Transfers(workspace.onBoard("copy")).importSnapshot(exported);

        assertThat(new Transfers(workspace.onBoard("copy")).export().columns()).isEqualTo(exported.columns());
        assertThat(database.integrityProblems()).isEmpty();
    }

    @Test
    void aBadCardAnywhereImportsNothing() {
        long eventsBefore = database.<Long>readTransaction(tx -> tx.events().count());
        BoardSnapshot snapshot = new BoardSnapshot(null, List.of(new BoardSnapshot.Lane("New column", null, false, List.of(
                new BoardSnapshot.Item("fine", "", List.of(), 0, null, null, false, List.of()),
                new BoardSnapshot.Item("   ", "", List.of(), 0, null, null, false, List.of())))));

        assertThatThrownBy(() -> new Transfers(workspace).importSnapshot(snapshot)).isInstanceOf(TackException.class);

        assertThat(database.<Long>readTransaction(tx -> tx.events().count())).isEqualTo(eventsBefore);
        assertThat(new Columns(workspace).list()).extracting(c -> c.column().name()).containsExactly("Todo", "Doing", "Done");
    }

    @Test
    void importedCardsTakeFreshIdsAndReadBackAsTheirEventsSay() {
        Cards cards = new Cards(workspace);
        long removed = cards.add(NewCard.titled("before")).id();
        BoardSnapshot snapshot = new BoardSnapshot(null, List.of(new BoardSnapshot.Lane("Doing", null, false, List.of(
                new BoardSnapshot.Item("a", "", List.of("z", "b", "z"), 2, null, "ann", false, List.of()),
                new BoardSnapshot.Item("b", "", List.of(), 0, null, null, true, List.of())))));

        new Transfers(workspace).importSnapshot(snapshot);
        long next = cards.add(NewCard.titled("after")).id();

        assertThat(next).isEqualTo(removed + 3); // the import's ids count as issued
        dev.tack.model.Card first = database.readTransaction(tx -> Cards.load(tx, removed + 1));
        assertThat(first.tags()).containsExactly("b", "z");
        String event = database.readTransaction(tx -> tx.events().lastOfCard(removed + 1)).orElseThrow().after();
        assertThat(event).isEqualTo(Json.compact(Json.card(first)));
        assertThat(database.readTransaction(tx -> Cards.load(tx, removed + 2)).archived()).isTrue();
        assertThat(database.integrityProblems()).isEmpty();
    }
}
