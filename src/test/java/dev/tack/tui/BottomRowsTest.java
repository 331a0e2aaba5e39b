package dev.tack.tui;

import static dev.tack.tui.Fixture.key;
import static dev.tack.tui.Fixture.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import dev.tack.board.Cards;
import dev.tack.board.Columns;
import dev.tack.board.NewCard;
import dev.tack.board.Presence;
import dev.tack.board.Workspace;
import dev.tack.model.Heartbeat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status row and the hint row on Lanterna's virtual terminal; time on a clock the test moves, the environment the test sets. */
class BottomRowsTest {

    @TempDir
    Path dir;
    Workspace board;
    final Fixture.ManualClock clock = new Fixture.ManualClock();

    @BeforeEach
    void open() {
        board = Fixture.create(dir, "alice");
    }

    @AfterEach
    void close() {
        board.close();
    }

    private BoardController controller(Map<String, String> environment) {
        BoardController controller = new BoardController(board, new Fixture.Host(), clock, environment::get);
        controller.reload();
        controller.layout(new TerminalSize(100, 30));
        return controller;
    }

    @Test
    void helpAndQuitAreOnTheHintRowAtEveryWidth() {
        BoardController controller = controller(Map.of());
        for (int width : new int[] {50, 60, 80, 100, 120, 160}) {
            Vt vt = new Vt(width, 24).draw(controller);
            String hints = vt.row(23).stripTrailing();
            assertThat(hints).as("%d columns", width).endsWith("? help · q quit").doesNotContain("…");
            assertThat(hints.length()).isLessThanOrEqualTo(width);
        }
        assertThat(new Vt(80, 24).draw(controller).row(23)).startsWith("h/j/k/l move · H/L/J/K move card · n new");
        assertThat(new Vt(160, 24).draw(controller).row(23)).contains("C columns");
    }

    @Test
    void aMessageGivesTheStatusRowBackAfterAFewSeconds() {
        new Columns(board).limit("Doing", 1, true);
        Fixture.add(board, "busy", "Doing");
        Fixture.add(board, "a", "Todo");
        Workspace bob = Fixture.as(board, "bob");
        new Presence(bob, Heartbeat.SCREEN).beat();
        BoardController controller = controller(Map.of());
        controller.presence(new Presence(board, Heartbeat.SCREEN).others());
        Vt vt = new Vt(100, 30).draw(controller);
        assertThat(vt.row(28)).contains("also here: bob").contains("last: ");

        keys(controller, key('L'));
        assertThat(vt.draw(controller).row(28)).startsWith("Doing is at its hard WIP limit (1/1)").doesNotContain("also here");
        clock.advance(Duration.ofSeconds(3));
        assertThat(controller.expireMessage()).isFalse();
        assertThat(vt.draw(controller).row(28)).startsWith("Doing is at its hard WIP limit");
        clock.advance(StatusMessage.ERROR_SHOWN);
        assertThat(controller.expireMessage()).as("the loop is told to draw again").isTrue();
        assertThat(controller.message()).isNull();
        assertThat(vt.draw(controller).row(28)).contains("also here: bob").contains("last: ");

        keys(controller, key('n')); // a confirmation goes sooner than a refusal
        Fixture.type(controller, "new");
        keys(controller, key(com.googlecode.lanterna.input.KeyType.Enter));
        assertThat(controller.message()).startsWith("added #");
        clock.advance(StatusMessage.INFO_SHOWN.minusMillis(1));
        assertThat(controller.message()).startsWith("added #");
        clock.advance(Duration.ofMillis(1));
        assertThat(controller.message()).isNull();
    }

    @Test
    void noColorDrawsNoColourButKeepsTheSelectionAndHeadingsVisible() {
        new Columns(board).limit("Doing", 1, false);
        new Cards(board).add(new NewCard("tagged", null, null, List.of("ui"), 3, null, "bob", null));
        Fixture.add(board, "one", "Doing");
        Fixture.add(board, "two", "Doing");
        Vt coloured = new Vt(100, 30).draw(controller(Map.of("NO_COLOR", "")));
        assertThat(colours(coloured)).as("an empty NO_COLOR is not set").isNotEmpty();

        BoardController controller = controller(Map.of("NO_COLOR", "1"));
        Vt vt = new Vt(100, 30).draw(controller);
        assertThat(colours(vt)).isEmpty();
        assertThat(vt.text()).contains("!!! tagged").contains("#ui").contains("Doing 2/1");
        assertThat(vt.cell(2, 2).isReversed()).as("the selected card").isTrue();
        assertThat(vt.cell(0, 0).isReversed()).as("the title bar").isTrue();
        assertThat(vt.cell(vt.columnOf("Doing", 1), 1).isBold()).as("a column header").isTrue();
        assertThat(vt.cell(vt.columnOf("2/1", 1), 1).getModifiers()).as("the exceeded limit, red before")
                .contains(SGR.BOLD, SGR.UNDERLINE);

        keys(controller, key('e')); // a form: its fields are underlined instead of shaded
        vt.draw(controller);
        assertThat(colours(vt)).isEmpty();
        int y = vt.rowsText().indexOf(vt.rowsText().stream().filter(r -> r.contains("Title")).findFirst().orElseThrow());
        int x = vt.columnOf("tagged", y);
        assertThat(vt.cell(x, y).getModifiers()).contains(SGR.UNDERLINE);
    }

    /** Every cell drawn with a colour other than the terminal's own. */
    private static List<String> colours(Vt vt) {
        List<String> found = new java.util.ArrayList<>();
        for (int y = 0; y < vt.rows(); y++) {
            for (int x = 0; x < vt.columns(); x++) {
                TextCharacter cell = vt.cell(x, y);
                if (cell.getForegroundColor() != TextColor.ANSI.DEFAULT || cell.getBackgroundColor() != TextColor.ANSI.DEFAULT) {
                    found.add(x + "," + y + " " + cell);
                }
            }
        }
        return found;
    }
}
