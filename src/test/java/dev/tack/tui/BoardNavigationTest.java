package dev.tack.tui;

import static dev.tack.tui.Fixture.key;
import static dev.tack.tui.Fixture.keys;
import static dev.tack.tui.Fixture.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.Boards;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Queries;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import dev.tack.testing.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14's ways around the database on the screen, on Lanterna's virtual terminal and on both
 * engines: go to a card by number ({@code :}), find on every board ({@code F}), move a card to
 * another board ({@code M}), the overdue count in the top row, and the archive view ({@code A}).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class BoardNavigationTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;
    Workspace board;
    Cards cards;
    /** 2030-01-02, moved only by the test. */
    final Fixture.ManualClock clock = new Fixture.ManualClock();

    @BeforeEach
    void open() {
        board = Fixture.create(engine, dir, "alice");
        cards = new Cards(board);
        new Boards(board).add("ops", List.of("Inbox", "Fixing", "Fixed"));
    }

    @AfterEach
    void close() {
        board.close();
    }

    private BoardController controller() {
        BoardController controller = new BoardController(board, new Fixture.Host(), clock, name -> null);
        controller.reload();
        controller.layout(new com.googlecode.lanterna.TerminalSize(100, 30));
        return controller;
    }

    private Card addTo(String boardName, String title, String column, LocalDate due) {
        return new Cards(board.onBoard(boardName)).add(new NewCard(title, column, "", List.of(), 0, due, null, null));
    }

    private static String statusRow(Vt vt) {
        return vt.row(vt.rows() - 2);
    }

    @Test
    void colonAndANumberGoesToTheCardOnWhicheverBoardItIs() {
        Fixture.add(board, "here", "Todo");
        Card there = addTo("ops", "the pager is down", "Fixing", null);
        BoardController controller = controller();
        Vt vt = new Vt(100, 30);

        keys(controller, key(':'));
        type(controller, String.valueOf(there.id()));
        assertThat(vt.draw(controller).text()).contains("Go to card").contains(":" + there.id());
        keys(controller, key(KeyType.Enter));

        assertThat(controller.boardName()).isEqualTo("ops");
        assertThat(controller.model().selectedCard()).map(Card::id).contains(there.id());
        vt.draw(controller);
        assertThat(vt.row(0)).contains("tack ▸ ops");
        assertThat(statusRow(vt)).contains("#" + there.id() + " on board ops in Fixing");

        keys(controller, key(':'));
        type(controller, "999");
        keys(controller, key(KeyType.Enter));
        assertThat(statusRow(vt.draw(controller))).contains("no card #999 in this database");
        assertThat(controller.boardName()).isEqualTo("ops");
    }

    @Test
    void goingToACardTheFilterHidesClearsTheFilter() {
        Fixture.add(board, "alpha", "Todo");
        Card beta = Fixture.add(board, "beta", "Doing");
        BoardController controller = controller();
        controller.model().filter("alpha");
        keys(controller, key(':'));
        type(controller, String.valueOf(beta.id()));
        keys(controller, key(KeyType.Enter));
        assertThat(controller.model().filtered()).isFalse();
        assertThat(controller.model().selectedCard()).map(Card::id).contains(beta.id());
        assertThat(controller.message()).contains("filter cleared to show it");
    }

    @Test
    void goingToAnArchivedCardOpensTheArchiveOnIt() {
        Card gone = addTo("ops", "old outage", "Fixed", null);
        new Cards(board.onBoard("ops")).archive(gone.id(), null);
        BoardController controller = controller();
        keys(controller, key(':'));
        type(controller, String.valueOf(gone.id()));
        keys(controller, key(KeyType.Enter));

        String screen = new Vt(100, 30).draw(controller).text();
        assertThat(controller.boardName()).isEqualTo("ops");
        assertThat(screen).contains("Archived on ops").contains("#" + gone.id() + " old outage  (from Fixed)")
                .contains("#" + gone.id() + " is archived (board ops): r restores it");
    }

    @Test
    void findListsMatchesOfEveryBoardAsYouTypeAndEnterGoesToOne() {
        Fixture.add(board, "deploy the api", "Todo");
        Card ops = addTo("ops", "deploy dashboards", "Inbox", null);
        Fixture.add(board, "write docs", "Doing");
        Card archived = Fixture.add(board, "deploy scripts (old)", "Done");
        cards.archive(archived.id(), null);
        BoardController controller = controller();
        Vt vt = new Vt(100, 30);

        keys(controller, key('F'));
        type(controller, "depl");
        String screen = vt.draw(controller).text();
        assertThat(screen).contains("Find on every board").contains("deploy the api").contains("main / Todo")
                .contains("deploy dashboards").contains("ops / Inbox").contains("main / archived").doesNotContain("write docs")
                .contains("3 cards");
        type(controller, "oy da");
        screen = vt.draw(controller).text();
        assertThat(screen).contains("deploy dashboards").doesNotContain("deploy the api").contains("1 card ");

        keys(controller, key(KeyType.Enter));
        assertThat(controller.topDialog()).isEmpty();
        assertThat(controller.boardName()).isEqualTo("ops");
        assertThat(controller.model().selectedCard()).map(Card::id).contains(ops.id());
    }

    @Test
    void findAndTheArchiveShowNothingRawFromTheDatabase() {
        Card evil = Fixture.add(board, "evil \u001b]0;pwned\u0007 title", "Todo");
        Card gone = Fixture.add(board, "gone \u001b[2J\u009b31m title", "Todo");
        cards.archive(gone.id(), null);
        BoardController controller = controller();
        keys(controller, key('F'));
        type(controller, "title");
        String screen = new Vt(100, 30).draw(controller).text();
        assertThat(screen).contains("#" + evil.id() + " evil").contains("#" + gone.id() + " gone")
                .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b");
        keys(controller, key(KeyType.Escape), key('A'));
        screen = new Vt(100, 30).draw(controller).text();
        assertThat(screen).contains("#" + gone.id() + " gone").doesNotContain("\u001b").doesNotContain("\u009b");
    }

    @Test
    void shiftMMovesTheCardToAColumnOfAnotherBoardAndSaysItIsNotUndoable() {
        Card card = Fixture.add(board, "belongs to ops", "Todo");
        BoardController controller = controller();
        Vt vt = new Vt(100, 30);

        keys(controller, key('M'));
        assertThat(vt.draw(controller).text()).contains("Move #" + card.id() + " to another board").contains("Which board? (from main)")
                .contains("ops");
        keys(controller, key(KeyType.Enter));
        assertThat(vt.draw(controller).text()).contains("Which column of ops?").contains("Inbox").contains("Fixing");
        keys(controller, key('j'), key(KeyType.Enter));

        Card moved = new Queries(board).card(card.id());
        assertThat(new Queries(board.onBoard("ops")).board(dev.tack.board.CardFilter.ALL).lanes().get(1).cards())
                .extracting(Card::id).containsExactly(card.id());
        assertThat(moved.column()).isEqualTo("Fixing");
        assertThat(statusRow(vt.draw(controller))).contains("moved #" + card.id() + " to ops / Fixing").contains("not undoable");
        assertThat(controller.model().shows(card.id())).isFalse();
        assertThat(new Queries(board).details(card.id()).history()).extracting(dev.tack.model.Event::kind)
                .contains("card.added", Cards.MOVED_BOARD);
    }

    @Test
    void shiftMWithNoOtherBoardSaysSo() {
        new Boards(board).remove("ops", true);
        Fixture.add(board, "alone", "Todo");
        BoardController controller = controller();
        keys(controller, key('M'));
        assertThat(controller.topDialog()).isEmpty();
        assertThat(controller.message()).contains("no other board");
    }

    @Test
    void theTopRowCountsOverdueCardsHereAndOnOtherBoardsByTheScreensClock() {
        addTo("main", "late here", "Todo", LocalDate.of(2030, 1, 1));
        addTo("main", "late but done", "Done", LocalDate.of(2029, 12, 1));
        addTo("main", "due today", "Doing", LocalDate.of(2030, 1, 2));
        addTo("ops", "late there", "Inbox", LocalDate.of(2029, 12, 31));
        Card archived = addTo("ops", "late but archived", "Inbox", LocalDate.of(2029, 11, 1));
        new Cards(board.onBoard("ops")).archive(archived.id(), null);
        addTo("ops", "due next year", "Inbox", LocalDate.of(2031, 1, 1));
        BoardController controller = controller();
        Vt vt = new Vt(100, 30);
        assertThat(vt.draw(controller).row(0)).contains("1 overdue (+1 on other boards) · 3 cards");

        clock.advance(java.time.Duration.ofDays(1)); // the next day: "due today" is late now
        assertThat(vt.draw(controller).row(0)).contains("2 overdue (+1 on other boards)");

        keys(controller, key(':'));
        type(controller, "4");
        keys(controller, key(KeyType.Enter));
        assertThat(vt.draw(controller).row(0)).contains("tack ▸ ops").contains("1 overdue (+2 on other boards)");
    }

    @Test
    void noOverdueCardsNoCount() {
        addTo("main", "in time", "Todo", LocalDate.of(2030, 6, 1));
        assertThat(new Vt(100, 30).draw(controller()).row(0)).doesNotContain("overdue").contains("1 card");
    }

    @Test
    void theArchiveViewFiltersAndRestores() {
        Card one = Fixture.add(board, "old report", "Doing");
        Card two = Fixture.add(board, "old invoice", "Todo");
        Fixture.add(board, "live", "Todo");
        cards.archive(one.id(), null);
        cards.archive(two.id(), null);
        addTo("ops", "ops archive", "Inbox", null);
        BoardController controller = controller();
        Vt vt = new Vt(100, 30);

        keys(controller, key('A'));
        String screen = vt.draw(controller).text();
        assertThat(screen).contains("Archived on main").contains("2 archived cards").contains("#" + one.id() + " old report  (from Doing)")
                .contains("#" + two.id() + " old invoice  (from Todo)").doesNotContain("ops archive");

        keys(controller, key('/'));
        type(controller, "invoice");
        keys(controller, key(KeyType.Enter));
        screen = vt.draw(controller).text();
        assertThat(screen).contains("old invoice").doesNotContain("old report");

        keys(controller, key('r'));
        assertThat(new Queries(board).card(two.id()).archived()).isFalse();
        screen = vt.draw(controller).text();
        assertThat(screen).contains("restored #" + two.id() + " to Todo").contains("(none match)");

        keys(controller, key(KeyType.Escape)); // clears the view's filter first
        assertThat(vt.draw(controller).text()).contains("old report");
        keys(controller, key(KeyType.Escape));
        assertThat(controller.topDialog()).isEmpty();
        assertThat(controller.model().selectedCard()).map(Card::id).contains(two.id());
    }
}
