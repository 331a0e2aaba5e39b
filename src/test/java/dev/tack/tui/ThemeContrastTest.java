package dev.tack.tui;

import static dev.tack.tui.Fixture.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.CardEdit;
import dev.tack.board.Cards;
import dev.tack.board.Claims;
import dev.tack.board.Columns;
import dev.tack.board.NewCard;
import dev.tack.board.Presence;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import dev.tack.model.Heartbeat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every theme, drawn on Lanterna's virtual terminal in every state the screen has (each card
 * selected in turn, every kind of field on a card, the limits, the status row's messages, the
 * filter line, a drop target, each dialog, the too-small notice), and every cell's text colour
 * measured against its background as xterm shows them ({@link TerminalColours}): at least 4.5:1
 * (WCAG 2.x AA), and 7:1 (AAA) for the high-contrast theme on a pure black or white terminal; the
 * 16-colour theme for a background nobody named, on both.
 * The 256-colour themes are also measured on a second, tinted background of their kind (gruvbox's,
 * as the pictures are drawn), since few terminals are pure black or white.
 */
class ThemeContrastTest {

    private static final TerminalColours DARK = new TerminalColours(0x000000, 0xffffff);
    private static final TerminalColours DARK_TINTED = new TerminalColours(0x1d2021, 0xd5c4a1);
    private static final TerminalColours LIGHT = new TerminalColours(0xffffff, 0x000000);
    private static final TerminalColours LIGHT_TINTED = new TerminalColours(0xfbf1c7, 0x3c3836);

    @TempDir
    Path dir;
    Workspace board;

    @BeforeEach
    void fill() {
        board = Fixture.create(dir, "alice");
        Cards cards = new Cards(board);
        LocalDate today = LocalDate.now();
        List<String> tags = oneTagPerColour();
        cards.add(new NewCard("Every tag colour", "Todo", "", tags.subList(0, 4), 0, null, null, null));
        cards.add(new NewCard("More tag colours", "Todo", "", tags.subList(4, tags.size()), 1, today.plusDays(9), "bob", null));
        cards.add(new NewCard("Due tomorrow", "Todo", "a description", List.of("io"), 2, today.plusDays(1), "carol", null));
        cards.add(new NewCard("Due today", "Todo", "", List.of("worker"), 3, today, null, null));
        cards.add(new NewCard("Overdue", "Todo", "", List.of(), 3, today.minusDays(2), "bob", null));
        cards.add(new NewCard("Runs and fails", "Doing", "", List.of(), 0, null, null, null));
        cards.add(new NewCard("Held by a worker", "Doing", "", List.of(), 0, null, null, null));
        cards.add(new NewCard("Over the limit", "Doing", "", List.of("x"), 0, null, null, null));
        cards.add(new NewCard("Finished", "Done", "", List.of(), 0, null, null, null));
        new Columns(board).limit("Doing", 2, false);
        new Columns(board).limit("Done", 1, true);
        Workspace worker = Fixture.as(board, "ci-bot");
        Claims claims = new Claims(worker);
        Claims.Lanes lanes = new Claims.Lanes("Doing", "Done", "Doing", null);
        Claims.Claimed failing = claims.claim(lanes, "ci-bot", 60_000, null).orElseThrow();
        claims.finish(lanes, failing.card().id(), failing.run().id(), "ci-bot", Claims.Outcome.FAILED, 1, "boom", 1, 0);
        Claims.Claimed held = claims.claim(lanes, "ci-bot", 60_000, null).orElseThrow();
        claims.heartbeat(held.card().id(), held.run().id(), "ci-bot", 60_000, "compiling\nrunning tests: 12/40");
    }

    @Test
    void everyThemeReadsOnItsBackgroundInEveryCell() {
        Map<String, List<String>> failures = new LinkedHashMap<>();
        for (Theme theme : themes()) {
            List<Vt> scenes = scenes(theme);
            boolean dark = theme.background() == Theme.Background.DARK;
            boolean high = theme.name().startsWith("high-contrast");
            check(failures, theme, scenes, dark ? DARK : LIGHT, high ? 7.0 : 4.5);
            if (theme.eitherBackground()) {
                check(failures, theme, scenes, LIGHT, 4.5);
            }
            if (theme.manyColours()) {
                check(failures, theme, scenes, dark ? DARK_TINTED : LIGHT_TINTED, 4.5);
            }
        }
        assertThat(failures).as("cells under the contrast ratio, by theme and backdrop").isEmpty();
    }

    @Test
    void theScenesCoverWhatTheScreenDraws() {
        // Not a contrast check: a guard that the scenes above still show each thing measured.
        String all = String.join("\n", scenes(Theme.of(ThemeChoice.LIGHT, Theme.Background.LIGHT, true)).stream().map(Vt::text).toList());
        assertThat(all).contains("!!! Overdue", "overdue ", "due today", "due tomorrow", "@bob", "⚙ ci-bot", "✗ failed",
                "Doing 3/2", "Done 1/1 full", "also here", "saved", "refused", "board file gone", "/Due", "Keys · any other key closes",
                "Changed meanwhile", "Boards", "Columns of main", "Title");
        Set<TextColor> tagColours = new LinkedHashSet<>();
        oneTagPerColour().forEach(tag -> tagColours.add(BoardRenderer.tagColour(tag)));
        assertThat(tagColours).hasSize(8);
    }

    /** Each theme once: forced or automatic, 16 or 256 colours, on either background. */
    private static Set<Theme> themes() {
        Map<String, Theme> byName = new LinkedHashMap<>();
        for (ThemeChoice choice : ThemeChoice.values()) {
            for (Theme.Background background : Theme.Background.values()) {
                for (boolean many : new boolean[] {false, true}) {
                    Theme theme = Theme.of(choice, background, many);
                    byName.putIfAbsent(theme.name(), theme);
                }
            }
        }
        Theme unknown = Theme.choose(ThemeChoice.AUTO, java.util.Optional.empty(), Map.of("TERM", "xterm")::get);
        assertThat(unknown.eitherBackground()).as("16 colours, background unknown").isTrue();
        byName.put(unknown.name(), unknown);
        assertThat(byName.keySet()).hasSize(9);
        return new LinkedHashSet<>(byName.values());
    }

    private static void check(Map<String, List<String>> failures, Theme theme, List<Vt> scenes, TerminalColours terminal, double minimum) {
        Set<String> seen = new LinkedHashSet<>();
        for (Vt vt : scenes) {
            for (int y = 0; y < vt.rows(); y++) {
                for (int x = 0; x < vt.columns(); x++) {
                    TextCharacter cell = vt.cell(x, y);
                    int[] pair = terminal.of(cell);
                    double ratio = TerminalColours.contrast(pair[0], pair[1]);
                    if (ratio < minimum) {
                        seen.add(String.format("%06x on %06x (%.2f) %s%s%s", pair[0], pair[1], ratio, cell.getForegroundColor(),
                                cell.getBackgroundColor(), cell.getModifiers()) + " at '" + cell.getCharacterString() + "' in: " + vt.row(y).strip());
                    }
                }
            }
        }
        if (!seen.isEmpty()) {
            failures.put(theme.name() + String.format(" on %06x", terminal.background()), new ArrayList<>(seen).subList(0, Math.min(8, seen.size())));
        }
    }

    /** Everything the screen draws, in one theme. */
    private List<Vt> scenes(Theme theme) {
        List<Vt> scenes = new ArrayList<>();
        BoardController controller = Fixture.controller(board);
        controller.theme(theme);
        new Presence(Fixture.as(board, "bob"), Heartbeat.SCREEN).beat();
        controller.presence(new Presence(board, Heartbeat.SCREEN).others());
        // every card selected in turn, in every lane
        for (int lane = 0; lane < controller.model().lanes().size(); lane++) {
            for (int i = 0; i < controller.model().lanes().get(lane).cards().size(); i++) {
                scenes.add(new Vt(100, 30).draw(controller));
                controller.handle(key('j'));
            }
            controller.handle(key('l'));
        }
        controller.handle(key('h'));
        controller.handle(key('h'));
        controller.info("saved");
        scenes.add(new Vt(100, 30).draw(controller));
        controller.error("refused");
        scenes.add(new Vt(100, 30).draw(controller));
        Fixture.keys(controller, key('/'));
        Fixture.type(controller, "Due");
        scenes.add(new Vt(100, 30).draw(controller));
        Fixture.keys(controller, key(KeyType.Enter));
        scenes.add(new Vt(100, 30).draw(controller));
        Fixture.keys(controller, key(KeyType.Escape));
        for (char dialog : new char[] {'e', 'n', '?', 'd', 'b', 'C', 'c'}) {
            Fixture.keys(controller, key(dialog));
            scenes.add(new Vt(100, 30).draw(controller));
            Fixture.keys(controller, key(KeyType.Escape));
        }
        Fixture.keys(controller, key(KeyType.Enter)); // the details view
        scenes.add(new Vt(100, 30).draw(controller));
        Fixture.keys(controller, key(KeyType.Escape));
        Card seen = controller.model().selectedCard().orElseThrow();
        Card theirs = new Card(seen.id(), seen.boardId(), seen.columnId(), seen.column(), seen.position(), "their title", "their words",
                List.of("theirs"), 1, null, "bob", false, seen.version() + 1, seen.createdAt(), seen.updatedAt(), seen.claim(),
                seen.attempts(), seen.failed());
        controller.push(new ConflictChooser(seen, theirs, CardEdit.none().withTitle("my title").withDescription("my words"), "bob",
                new ConflictChooser.Choice() {
                    @Override
                    public void keepTheirs() {
                    }

                    @Override
                    public void overwrite() {
                    }

                    @Override
                    public void editAgain() {
                    }
                }));
        scenes.add(new Vt(100, 30).draw(controller));
        scenes.add(new Vt(30, 8).draw(controller)); // too small
        // the problem row and a drop target, drawn by the renderer itself
        Vt direct = new Vt(100, 30);
        Canvas canvas = new Canvas(direct.screen.newTextGraphics(), theme);
        Layout layout = Layout.of(new TerminalSize(100, 30), controller.model().lanes().size());
        Status status = new Status("main · tack.db", "bob", "", null, false, false, "board file gone", List.of());
        new BoardRenderer(ZonedDateTime.now(ZoneOffset.UTC)).render(canvas, layout, controller.model(), status, 1);
        try {
            direct.screen.refresh();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        scenes.add(direct);
        return scenes;
    }

    /** Tag names that between them take each of the renderer's tag colours. */
    private static List<String> oneTagPerColour() {
        Map<TextColor, String> byColour = new LinkedHashMap<>();
        for (int i = 0; byColour.size() < 8 && i < 1000; i++) {
            byColour.putIfAbsent(BoardRenderer.tagColour("t" + i), "t" + i);
        }
        return List.copyOf(byColour.values());
    }
}
