package dev.tack.tui;

import static dev.tack.tui.Fixture.key;
import static dev.tack.tui.Fixture.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
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

/** A person's config on the screen: re-bound keys (moves, help, hints, conflicts), what a card shows, the date pattern. */
class KeyRebindingTest {

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

    private BoardController screen(Map<String, List<String>> keys) {
        return screen(new ScreenSettings("auto", keys, null, Duration.ofMillis(40), ScreenSettings.DEFAULT.cardFields()));
    }

    private BoardController screen(ScreenSettings settings) {
        BoardController controller = new BoardController(board, new Fixture.Host(), new Fixture.ManualClock(), name -> null, settings);
        controller.reload();
        controller.layout(new TerminalSize(120, 30));
        return controller;
    }

    private String columnOf(Card card) {
        return new Queries(board).card(card.id()).column();
    }

    @Test
    void theReboundKeyMovesTheCardAndTheOldOneNoLongerDoes() {
        Card card = Fixture.add(board, "ship it", "Todo");
        BoardController controller = screen(Map.of("move_right", List.of("m", "ctrl+n")));
        keys(controller, key('L'));
        assertThat(columnOf(card)).as("L is not move_right any more").isEqualTo("Todo");
        keys(controller, key('m'));
        assertThat(columnOf(card)).isEqualTo("Doing");
        keys(controller, new KeyStroke('n', true, false));
        assertThat(columnOf(card)).isEqualTo("Done");
        keys(controller, key('H'));
        assertThat(columnOf(card)).as("move_left keeps its own key").isEqualTo("Doing");
    }

    @Test
    void helpAndHintsShowThePersonsKeys() {
        BoardController controller = screen(Map.of("move_right", List.of("m"), "help", List.of("f2")));
        Vt vt = new Vt(160, 60).draw(controller);
        assertThat(vt.row(59)).contains("H/m/J/K move card").contains("F2 help").doesNotContain("? help");
        keys(controller, key(KeyType.F2));
        String help = String.join("\n", vt.draw(controller).rowsText());
        assertThat(help).containsPattern("H / m, Shift\\+← +move the card to the previous / next column")
                .doesNotContain("H / L, Shift+← / Shift+→");
        keys(controller, key('x'));
        keys(controller, key('?'));
        assertThat(controller.topDialog()).as("? is no longer help").isEmpty();
    }

    @Test
    void aKeyThatAnotherActionHasStaysWithItAndTheConflictIsReported() {
        Card card = Fixture.add(board, "a", "Todo");
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("move_right", List.of("l", "m"));
        keys.put("undo", List.of("m"));
        ScreenSettings settings = new ScreenSettings("auto", keys, null, Duration.ofMillis(40), ScreenSettings.DEFAULT.cardFields());
        assertThat(settings.keyProblems()).containsExactly(
                Map.entry("move_right", "l is already select_right's key; left out (re-bind select_right too)"),
                Map.entry("undo", "m is already move_right's key; left out (re-bind move_right too)"));
        BoardController controller = screen(settings);
        assertThat(controller.message()).isEqualTo("config: keys.move_right: l is already select_right's key; left out"
                + " (re-bind select_right too) (and 1 more)");
        keys(controller, key('l'));
        assertThat(columnOf(card)).isEqualTo("Todo");
        assertThat(controller.model().selectedCard()).as("l still moves the selection to Doing, which is empty").isEmpty();
        keys(controller, key('h'), key('m'));
        assertThat(columnOf(card)).isEqualTo("Doing");
    }

    @Test
    void unknownActionsAndKeysAreReportedByName() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("fly", List.of("f"));
        keys.put("undo", List.of("ctrl+shift+", "hyper+z"));
        keys.put("quit", List.of("ctrl+c"));
        Map<String, String> problems = new ScreenSettings("auto", keys, null, Duration.ofMillis(40), Set.of()).keyProblems();
        assertThat(problems.get("fly")).startsWith("unknown action (known: select_left, select_down,");
        assertThat(problems.get("undo")).contains("'hyper+z': unknown modifier 'hyper'");
        assertThat(problems.get("quit")).isEqualTo("'ctrl+c': Ctrl+C always quits");
    }

    @Test
    void keyNamesAsAConfigWritesThem() {
        assertThat(KeyMap.parse("a")).isEqualTo(new KeyStroke('a', false, false));
        assertThat(KeyMap.parse("shift+a")).isEqualTo(new KeyStroke('A', false, false));
        assertThat(KeyMap.parse("Ctrl+N")).isEqualTo(new KeyStroke('n', true, false));
        assertThat(KeyMap.parse("alt+x")).isEqualTo(new KeyStroke('x', false, true));
        assertThat(KeyMap.parse("shift+left")).isEqualTo(new KeyStroke(KeyType.ArrowLeft, false, false, true));
        assertThat(KeyMap.parse("←")).isEqualTo(new KeyStroke(KeyType.ArrowLeft));
        assertThat(KeyMap.parse("PgDn")).isEqualTo(new KeyStroke(KeyType.PageDown));
        assertThat(KeyMap.parse("space")).isEqualTo(new KeyStroke(' ', false, false));
        assertThat(KeyMap.parse("+")).isEqualTo(new KeyStroke('+', false, false));
        assertThat(KeyMap.parse("F12")).isEqualTo(new KeyStroke(KeyType.F12));
        assertThatThrownBy(() -> KeyMap.parse("banana")).hasMessageStartingWith("'banana' is not a key");
    }

    @Test
    void theDefaultTableIsUnchangedByAnEmptyConfig() {
        assertThat(ScreenSettings.DEFAULT.keyMap()).isSameAs(KeyMap.DEFAULT);
        assertThat(KeyMap.rebound(Map.of()).hints()).isEqualTo(KeyMap.HINTS);
        assertThat(KeyMap.HINTS.stream().map(KeyMap.Hint::text)).containsExactly("h/j/k/l move", "H/L/J/K move card", "n new",
                "e edit", "c comment", "d archive", "u undo", "⏎ details", "/ filter", "s sort", "b boards", "C columns", "? help", "q quit");
    }

    @Test
    void aCardShowsTheFieldsTheConfigNamesAndDueDatesInItsPattern() {
        Card card = new Cards(board).add(new NewCard("report", "Todo", null, List.of("ops"), 0, LocalDate.of(2030, 3, 9), "bob", null));
        BoardController all = screen(new ScreenSettings("auto", Map.of(), "dd/MM/yyyy", Duration.ofMillis(40),
                ScreenSettings.DEFAULT.cardFields()));
        String shown = new Vt(120, 30).draw(all).row(3); // the card's second line
        assertThat(shown).contains("#" + card.id()).contains("#ops").contains("@bob").contains("due 09/03/2030");
        BoardController some = screen(new ScreenSettings("auto", Map.of(), null, Duration.ofMillis(40), Set.of("assignee")));
        String fewer = new Vt(120, 30).draw(some).row(3);
        assertThat(fewer).contains("@bob").doesNotContain("#ops").doesNotContain("due ").doesNotContain("#" + card.id());
    }
}
