package dev.tack.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import dev.tack.board.BoardSnapshot;
import dev.tack.board.Boards;
import dev.tack.board.Cards;
import dev.tack.board.Checklists;
import dev.tack.board.Links;
import dev.tack.board.NewCard;
import dev.tack.board.Transfers;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.model.Card;
import dev.tack.model.ChecklistItem;
import dev.tack.model.TackException;
import dev.tack.store.sqlite.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links and checklists in and out (issue 12): JSON and CSV keep both, Markdown writes - [x], Trello brings checklists. */
class DependencyFormatsTest {

    @TempDir
    Path folder;

    private static BoardSnapshot.Item item(String title, List<BoardSnapshot.Check> checklist, List<Integer> after) {
        return new BoardSnapshot.Item(title, "", List.of(), 0, null, null, false, List.of(), checklist, after);
    }

    private static final BoardSnapshot SAMPLE = new BoardSnapshot("main", List.of(
            new BoardSnapshot.Lane("Todo", null, false, List.of(
                    item("write the migration", List.of(new BoardSnapshot.Check("draft", true), new BoardSnapshot.Check("review", false)),
                            List.of()),
                    item("migrate", List.of(), List.of(0)))),
            new BoardSnapshot.Lane("Doing", null, false, List.of(item("deploy", List.of(), List.of(0, 1))))));

    @Test
    void jsonAndCsvKeepChecklistsAndLinksByPlace() throws Exception {
        for (Format format : List.of(new JsonFormat(), new CsvFormat())) {
            StringWriter out = new StringWriter();
            format.write(SAMPLE, out);
            BoardSnapshot back = format.read(new StringReader(out.toString()));
            assertThat(back.items()).as(format.name()).extracting(BoardSnapshot.Item::checklist)
                    .containsExactly(SAMPLE.items().get(0).checklist(), List.of(), List.of());
            assertThat(back.items()).as(format.name()).extracting(BoardSnapshot.Item::after)
                    .containsExactly(List.of(), List.of(0), List.of(0, 1));
        }
    }

    @Test
    void csvRowsNamedInAfterFollowTheirCardsWhenColumnsAreInterleaved() throws Exception {
        String csv = "column,title,after,checklist\nTodo,a,,\nDoing,b,1,\"[x] one\n[ ] two\"\nTodo,c,2,\n";
        BoardSnapshot back = new CsvFormat().read(new StringReader(csv));
        // places: Todo a (0), Todo c (1), Doing b (2)
        assertThat(back.items()).extracting(BoardSnapshot.Item::title).containsExactly("a", "c", "b");
        assertThat(back.items()).extracting(BoardSnapshot.Item::after).containsExactly(List.of(), List.of(2), List.of(0));
        assertThat(back.items().get(2).checklist()).containsExactly(new BoardSnapshot.Check("one", true), new BoardSnapshot.Check("two", false));
    }

    @Test
    void markdownWritesChecklistItemsAsTaskListItems() throws Exception {
        StringWriter out = new StringWriter();
        new MarkdownFormat().write(SAMPLE, out);
        assertThat(out.toString()).contains("  - [x] draft\n", "  - [ ] review\n", "  after: write the migration, migrate\n");
    }

    @Test
    void trelloBringsChecklistsWithTheirState() throws Exception {
        String trello = """
                {"name": "t", "lists": [{"id": "L", "name": "Todo", "pos": 1}],
                 "cards": [{"id": "C", "idList": "L", "name": "card", "pos": 1}],
                 "checklists": [{"idCard": "C", "name": "Steps", "pos": 1, "checkItems": [
                     {"name": "second", "state": "incomplete", "pos": 2}, {"name": "first", "state": "complete", "pos": 1}]}]}
                """;
        BoardSnapshot read = new TrelloFormat().read(new StringReader(trello));
        assertThat(read.items().get(0).checklist())
                .containsExactly(new BoardSnapshot.Check("first", true), new BoardSnapshot.Check("second", false));
    }

    @Test
    void exportThenImportKeepsLinksBetweenTheNewCardsAndTheirChecklists() throws Exception {
        Database database = Database.open(folder.resolve("tack.db"), Database.Options.defaults().creating(true),
                tx -> Boards.create(tx, new Actor("seed", "host", 1), "main", Boards.DEFAULT_COLUMNS));
        try (Workspace main = new Workspace(database, new Actor("alice", "host", 2), "main")) {
            Cards cards = new Cards(main);
            Card a = cards.add(NewCard.titled("a"));
            Card b = cards.add(NewCard.titled("b"), List.of(a.id()));
            new Checklists(main).add(b.id(), "one", null);
            new Checklists(main).done(b.id(), 1, true);
            StringWriter out = new StringWriter();
            new JsonFormat().write(new Transfers(main).export(), out);

            Workspace copy = main.onBoard("copy");
            assertThat(new Transfers(copy).importSnapshot(new JsonFormat().read(new StringReader(out.toString())))).isEqualTo(2);
            List<Card> imported = copy.read(tx -> tx.cards().liveOfBoard(copy.board(tx).id()));
            Card newA = imported.get(0);
            Card newB = imported.get(1);
            assertThat(newB.id()).isNotEqualTo(b.id());
            assertThat(new Links(copy).status(newB.id()).waitingFor()).containsExactly(newA.id());
            assertThat(new Checklists(copy).of(newB.id())).extracting(ChecklistItem::text, ChecklistItem::done)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("one", true));
            assertThat(copy.integrityProblems()).isEmpty();
        }
    }

    @Test
    void aFileWhoseCardsWaitInACircleIsRefusedBeforeAnythingIsWritten() throws Exception {
        BoardSnapshot circle = new BoardSnapshot("main", List.of(new BoardSnapshot.Lane("Todo", null, false, List.of(
                item("a", List.of(), List.of(1)), item("b", List.of(), List.of(0))))));
        Database database = Database.open(folder.resolve("tack.db"), Database.Options.defaults().creating(true),
                tx -> Boards.create(tx, new Actor("seed", "host", 1), "main", Boards.DEFAULT_COLUMNS));
        try (Workspace main = new Workspace(database, new Actor("alice", "host", 2), "main")) {
            assertThatThrownBy(() -> new Transfers(main).importSnapshot(circle)).isInstanceOfSatisfying(TackException.class,
                    e -> assertThat(e.kind()).isEqualTo(TackException.Kind.USAGE)).hasMessageContaining("card 1 → card 2 → card 1")
                    .satisfies(e -> assertThat(e.getMessage()).contains("cycle"));
            BoardSnapshot pointsOut = new BoardSnapshot("main", List.of(new BoardSnapshot.Lane("Todo", null, false, List.of(
                    item("a", List.of(), List.of(5))))));
            assertThatThrownBy(() -> new Transfers(main).importSnapshot(pointsOut)).hasMessageContaining("waits for card 6");
            long cards = main.read(tx -> tx.cards().maxId());
            assertThat(cards).isZero();
        }
    }
}
