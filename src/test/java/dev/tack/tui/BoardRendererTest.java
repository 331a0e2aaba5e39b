package dev.tack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.BasicTextImage;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.CardEdit;
import dev.tack.board.Cards;
import dev.tack.board.Columns;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board as drawn on Lanterna's virtual terminal, read back cell by cell. */
class BoardRendererTest {

    @TempDir
    Path dir;
    Workspace board;

    @BeforeEach
    void open() {
        board = Fixture.create(dir, "alice");
    }

    @AfterEach
    void close() {
        board.close();
    }

    /** 100 columns, 3 lanes: x = 0, 33 and 66, separators at 32 and 65. */
    private Vt draw(BoardController controller) {
        return new Vt(100, 30).draw(controller);
    }

    @Test
    void smallBoardShowsTitleHeadersCardsAndStatus() {
        Fixture.add(board, "Alpha", "Todo");
        new Cards(board).add(new NewCard("Beta", "Doing", "", List.of("ui"), 2, null, "bob", null));
        BoardController controller = Fixture.controller(board);
        Vt vt = draw(controller);

        assertThat(vt.row(0)).startsWith(" tack ▸ main").endsWith("2 cards ");
        assertThat(vt.cell(0, 0).isReversed()).isTrue();
        assertThat(vt.row(1)).startsWith("Todo 1").contains("Doing 1").contains("Done 0");
        assertThat(vt.columnOf("Doing 1", 1)).isEqualTo(33);
        assertThat(vt.columnOf("Done 0", 1)).isEqualTo(66);
        for (int y = 1; y < 28; y++) {
            assertThat(vt.cell(32, y).getCharacterString()).as("separator on row %d", y).isEqualTo("│");
            assertThat(vt.cell(65, y).getCharacterString()).isEqualTo("│");
        }
        assertThat(vt.row(2)).startsWith(" Alpha").contains("│ !! Beta");
        assertThat(vt.row(3)).startsWith(" #1 ").contains("│ #2 #ui @bob");
        assertThat(vt.row(2).substring(66)).startsWith(" (empty)");
        // the selection (first card of the first column) is reversed, the rest is not
        assertThat(vt.cell(1, 2).isReversed()).isTrue();
        assertThat(vt.cell(31, 3).isReversed()).isTrue();
        assertThat(vt.cell(37, 2).isReversed()).isFalse();
        assertThat(vt.cell(34, 2).getForegroundColor()).isEqualTo(TextColor.ANSI.RED_BRIGHT); // priority mark, red as the dark 16-colour theme draws it
        assertThat(vt.row(28)).startsWith("main · ").contains("/tack.db").contains("last: you added #2 to Doing");
        assertThat(vt.row(29)).startsWith("h/j/k/l move");
    }

    @Test
    void exceededWipLimitIsHighlighted() {
        new Columns(board).limit("Doing", 1, false);
        new Columns(board).limit("Todo", 5, false);
        Fixture.add(board, "one", "Doing");
        Fixture.add(board, "two", "Doing");
        Fixture.add(board, "three", "Todo");
        Vt vt = draw(Fixture.controller(board));

        int at = vt.columnOf("2/1", 1);
        assertThat(vt.row(1)).contains("Doing 2/1").contains("Todo 1/5");
        assertThat(at).isGreaterThan(33);
        for (int x = at; x < at + 3; x++) {
            assertThat(vt.cell(x, 1).getBackgroundColor()).isEqualTo(TextColor.ANSI.RED);
        }
        int under = vt.columnOf("1/5", 1);
        assertThat(vt.cell(under, 1).getBackgroundColor()).isNotEqualTo(TextColor.ANSI.RED);
    }

    @Test
    void wideCharactersStayAligned() {
        Fixture.add(board, "中文标题", "Todo");
        Fixture.add(board, "🎉 party", "Todo");
        Fixture.add(board, "done 🚀 한국어", "Doing");
        Fixture.add(board, "很长的标题".repeat(10), "Done");
        Vt vt = draw(Fixture.controller(board));

        // CJK: each character two cells
        assertThat(vt.cell(1, 2).getCharacterString()).isEqualTo("中");
        assertThat(vt.cell(3, 2).getCharacterString()).isEqualTo("文");
        assertThat(vt.cell(7, 2).getCharacterString()).isEqualTo("题");
        // emoji: two cells, then the rest of the title right after
        assertThat(vt.cell(1, 4).getCharacterString()).isEqualTo("🎉");
        assertThat(vt.cell(3, 4).getCharacterString()).isEqualTo(" ");
        assertThat(vt.cell(4, 4).getCharacterString()).isEqualTo("p");
        assertThat(vt.row(2)).contains("│ done 🚀 한국어");
        assertThat(vt.columnOf("국", 2)).isEqualTo(34 + "done ".length() + 2 + 1 + 2);
        // a long wide title is cut with an ellipsis inside its lane; the separators do not move
        assertThat(vt.row(2).substring(vt.row(2).lastIndexOf('│') + 1)).startsWith(" 很长的标题").contains("…");
        for (int y = 1; y < 28; y++) {
            assertThat(vt.cell(32, y).getCharacterString()).isEqualTo("│");
            assertThat(vt.cell(65, y).getCharacterString()).isEqualTo("│");
        }
        assertThat(vt.cell(99, 2).isDoubleWidth() && vt.cell(98, 2).getCharacterString().equals(vt.cell(99, 2).getCharacterString())
                || !vt.cell(99, 2).isDoubleWidth()).isTrue();
    }

    @Test
    void formatCharactersAndSeparatorsInTitlesKeepTheLayout() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        Fixture.add(board, "line\u2028break\u2029here", "Todo");
        Fixture.add(board, "zero\u200Bwidth\u2060joined\u00ADsoft", "Todo");
        // in the last lane: Lanterna's virtual terminal (unlike tmux) splits the cluster when it is written
        Fixture.add(board, family + " family", "Done");
        Vt vt = draw(Fixture.controller(board));

        assertThat(vt.row(2)).contains(" line<U+2028>break<U+2029>here");
        assertThat(vt.text()).contains(" zerowidthjoinedsoft");
        for (int y = 1; y < 28; y++) {
            assertThat(vt.cell(32, y).getCharacterString()).as("row " + y).isEqualTo("│");
            assertThat(vt.cell(65, y).getCharacterString()).as("row " + y).isEqualTo("│");
        }
        // the family is one cluster in one double cell of the screen's buffer, the title goes on after it
        assertThat(vt.screen.getBackCharacter(67, 2).getCharacterString()).isEqualTo(family);
        assertThat(vt.screen.getBackCharacter(67, 2).isDoubleWidth()).isTrue();
        assertThat(vt.screen.getBackCharacter(70, 2).getCharacterString()).isEqualTo("f");
    }

    @Test
    void aWorkersStateShowsOnItsCard() {
        BoardController controller = Fixture.controller(board);
        dev.tack.board.BoardView real = new dev.tack.board.Queries(board).board(dev.tack.board.CardFilter.ALL);
        dev.tack.model.Column todo = real.lanes().get(0).column();
        Card running = new Card(7, 1, todo.id(), "Todo", 0, "build it", "", List.of(), 0, LocalDate.now().minusDays(2), null,
                false, 3, "", "", new Card.Claim("worker-1", "host", 42, System.currentTimeMillis() + 60_000), 1, false);
        Card failed = new Card(8, 1, todo.id(), "Todo", 1, "flaky", "", List.of(), 0, null, null, false, 5, "", "", null, 3, true);
        String started = java.time.Instant.now().minusSeconds(75).toString();
        dev.tack.model.Run run = new dev.tack.model.Run(1, 7, "worker-1", "host", 42, 1, started, null, "running", null,
                "compiling\nrunning tests \u001b[31m3/10", null);
        controller.model().reload(new dev.tack.board.BoardView(real.board(),
                List.of(new dev.tack.board.BoardView.Lane(todo, 2, List.of(running, failed))), real.lastEventId(),
                java.util.Map.of(7L, run)));
        Vt vt = draw(controller);
        // who has it, for how long, and the last line of its output (sanitised), in place of its other fields
        assertThat(vt.row(3)).startsWith(" #7 ⚙ worker-1 1m1").contains("› running tests ^[[31m3/10").doesNotContain("overdue");
        assertThat(vt.row(3)).doesNotContain("\u001b");
        assertThat(vt.row(5)).startsWith(" #8 ✗ failed ×3");
    }

    @Test
    void aWorkersElapsedTimeAndAStaleLeaseAreReadOffTheProgramsClock() {
        Fixture.ManualClock clock = new Fixture.ManualClock(); // 2030: far from the wall clock
        BoardController controller = new BoardController(board, new Fixture.Host(), clock, name -> null);
        controller.reload();
        dev.tack.board.BoardView real = new dev.tack.board.Queries(board).board(dev.tack.board.CardFilter.ALL);
        dev.tack.model.Column todo = real.lanes().get(0).column();
        Card running = new Card(7, 1, todo.id(), "Todo", 0, "build it", "", List.of(), 0, null, null,
                false, 3, "", "", new Card.Claim("worker-1", "host", 42, clock.millis() + 60_000), 1, false);
        dev.tack.model.Run run = new dev.tack.model.Run(1, 7, "worker-1", "host", 42, 1, clock.instant().minusSeconds(75).toString(),
                null, "running", null, "", null);
        controller.model().reload(new dev.tack.board.BoardView(real.board(),
                List.of(new dev.tack.board.BoardView.Lane(todo, 1, List.of(running))), real.lastEventId(), java.util.Map.of(7L, run)));
        assertThat(draw(controller).row(3)).startsWith(" #7 ⚙ worker-1 1m15s");
        assertThat(draw(controller).row(3)).as("the same model, size and instant draw the same cells").startsWith(" #7 ⚙ worker-1 1m15s");

        clock.advance(java.time.Duration.ofSeconds(61)); // past the lease: no sleeping
        assertThat(draw(controller).row(3)).startsWith(" #7 ⚙ worker-1 (stale)");
    }

    @Test
    void glyphsUseTacksWidthNotLanternas() {
        // Lanterna calls every character outside the BMP two cells wide; U+1D400 (bold A) is one.
        BasicTextImage image = new BasicTextImage(10, 1);
        Canvas canvas = new Canvas(image.newTextGraphics());
        int used = canvas.text(0, 0, "\uD835\uDC00b中c", 10, Pen.PLAIN);
        assertThat(used).isEqualTo(5);
        assertThat(image.getCharacterAt(0, 0).getCharacterString()).isEqualTo("\uD835\uDC00");
        assertThat(image.getCharacterAt(1, 0).getCharacterString()).isEqualTo("b");
        assertThat(image.getCharacterAt(2, 0).getCharacterString()).isEqualTo("中");
        assertThat(image.getCharacterAt(4, 0).getCharacterString()).isEqualTo("c");
        // composed: e + combining acute becomes é in one cell
        canvas.text(0, 0, "e\u0301x", 10, Pen.PLAIN);
        assertThat(image.getCharacterAt(0, 0).getCharacterString()).isEqualTo("é");
        assertThat(image.getCharacterAt(1, 0).getCharacterString()).isEqualTo("x");
    }

    @Test
    void columnsScrollSidewaysWhenTheyDoNotFit() {
        Columns columns = new Columns(board);
        for (String name : List.of("Four", "Five", "Six")) {
            columns.add(name, null, false, null);
        }
        Fixture.add(board, "in six", "Six");
        BoardController controller = Fixture.controller(board);
        Vt vt = new Vt(80, 24).draw(controller); // 80 columns hold three lanes of 26
        assertThat(vt.row(1)).startsWith("Todo 0").contains("Doing 0").contains("Done 0").endsWith("▶").doesNotContain("Four");

        for (int i = 0; i < 5; i++) {
            controller.handle(Fixture.key('l'));
        }
        vt.draw(controller);
        assertThat(vt.row(1)).startsWith("◀ Four 0").contains("Five 0").contains("Six 1").doesNotContain("Todo");
        assertThat(vt.row(2)).contains("│ in six");
        assertThat(controller.model().selectedCard()).map(Card::title).contains("in six");

        controller.handle(Fixture.key('h'));
        vt.draw(controller);
        assertThat(vt.row(1)).startsWith("◀ Four"); // moving back inside the view does not scroll
    }

    @Test
    void cardsScrollWithinAColumnAndTheHeaderCountsTheHidden() {
        Cards cards = new Cards(board);
        for (int i = 1; i <= 20; i++) {
            cards.add(NewCard.titled("card " + i));
        }
        BoardController controller = Fixture.controller(board);
        Vt vt = new Vt(80, 14); // 10 rows of cards: 5 cards
        vt.draw(controller);
        assertThat(vt.row(2)).startsWith(" card 1 ");
        assertThat(vt.row(1)).contains("▼15");

        for (int i = 0; i < 7; i++) {
            controller.handle(Fixture.key('j'));
        }
        vt.draw(controller);
        assertThat(controller.model().selectedCard()).map(Card::title).contains("card 8");
        assertThat(vt.row(2)).startsWith(" card 4 ");
        assertThat(vt.row(10)).startsWith(" card 8 ");
        assertThat(vt.cell(1, 10).isReversed()).isTrue();
        assertThat(vt.row(1)).contains("▲3▼12");

        controller.handle(Fixture.key('G'));
        vt.draw(controller);
        assertThat(vt.row(10)).startsWith(" card 20 ");
        controller.handle(Fixture.key(KeyType.PageUp));
        vt.draw(controller);
        assertThat(controller.model().selectedCard()).map(Card::title).contains("card 15");
        controller.handle(Fixture.key('g'));
        vt.draw(controller);
        assertThat(vt.row(2)).startsWith(" card 1 ");
    }

    @Test
    void aTinyTerminalShowsANoticeAndNothingElse() {
        Fixture.add(board, "Alpha", "Todo");
        BoardController controller = Fixture.controller(board);
        Vt vt = new Vt(80, 24).draw(controller);
        assertThat(vt.text()).contains("Alpha");

        vt.resize(40, 10);
        vt.draw(controller);
        String text = vt.text();
        assertThat(text).contains("Terminal too small").contains("40×10, needs 50×12");
        assertThat(text).doesNotContain("Alpha").doesNotContain("│").doesNotContain("Todo");
        for (String row : vt.rowsText()) {
            assertThat(row.strip()).isIn("", "Terminal too small", "40×10, needs 50×12", "enlarge it, or press q to quit");
        }
        controller.handle(Fixture.key('j')); // ignored while too small, no exception
        vt.resize(20, 3);
        vt.draw(controller);
        assertThat(vt.row(0)).contains("Terminal too small");

        vt.resize(80, 24);
        vt.draw(controller);
        assertThat(vt.text()).contains("Alpha").doesNotContain("too small");
    }

    @Test
    void hostileTextNeverReachesACell() {
        String evil = "t\u001b[2J\u001b]0;pwned\u0007x\u009b31m\u0000\r\n\t\u202eevil\u007f";
        Card card = new Cards(board).add(new NewCard(evil, null, evil, List.of("ok"), 1, LocalDate.now().minusDays(1), "eve", null));
        new Cards(board).comment(card.id(), evil);
        new Cards(board).edit(card.id(), CardEdit.none().withDescription(evil + "\nsecond line"), null);
        BoardController controller = Fixture.controller(board);
        Vt vt = new Vt(100, 30).draw(controller);
        assertNoControlCharacters(vt);
        assertThat(vt.row(2)).contains("t^[[2J^[]0;pwned^Gx<9B>31m^@^M^J <U+202E>evil^?".substring(0, 25));

        controller.handle(Fixture.key(KeyType.Enter)); // details: description, comment, history
        vt.draw(controller);
        assertThat(vt.text()).contains("second line").contains("Comments (1)");
        assertNoControlCharacters(vt);

        controller.handle(Fixture.key(KeyType.Escape));
        controller.handle(Fixture.key('e')); // the edit form shows the same text
        vt.draw(controller);
        assertNoControlCharacters(vt);
    }

    static void assertNoControlCharacters(Vt vt) {
        for (int y = 0; y < vt.rows(); y++) {
            for (int x = 0; x < vt.columns(); x++) {
                TextCharacter cell = vt.cell(x, y);
                cell.getCharacterString().codePoints().forEach(cp -> assertThat(cp < 0x20 || (cp >= 0x7f && cp < 0xa0)
                        || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
                        .as("cell %d,%d holds U+%04X", 0, 0, cp).isFalse());
            }
        }
    }
}
