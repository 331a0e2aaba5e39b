package dev.tack.tui;

import static dev.tack.tui.Fixture.ctrl;
import static dev.tack.tui.Fixture.key;
import static dev.tack.tui.Fixture.shift;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import org.junit.jupiter.api.Test;

/** Vim keys and arrows both, and the mouse, as the board reads them. */
class KeyMapTest {

    private static void maps(Action expected, KeyStroke... keys) {
        for (KeyStroke key : keys) {
            assertThat(KeyMap.board(key)).as(key.toString()).isEqualTo(expected);
        }
    }

    @Test
    void movingTheSelection() {
        maps(new Action.Vertical(1), key('j'), key(KeyType.ArrowDown));
        maps(new Action.Vertical(-1), key('k'), key(KeyType.ArrowUp));
        maps(new Action.Sideways(-1), key('h'), key(KeyType.ArrowLeft));
        maps(new Action.Sideways(1), key('l'), key(KeyType.ArrowRight));
        maps(new Action.Jump(true), key('g'), key(KeyType.Home));
        maps(new Action.Jump(false), key('G'), key(KeyType.End));
        maps(new Action.Page(1), key(KeyType.PageDown), ctrl('d'), ctrl('f'));
        maps(new Action.Page(-1), key(KeyType.PageUp), ctrl('u'), ctrl('b'));
    }

    @Test
    void movingTheCard() {
        maps(new Action.StepCard(-1), key('H'), shift(KeyType.ArrowLeft));
        maps(new Action.StepCard(1), key('L'), shift(KeyType.ArrowRight));
        maps(new Action.ShiftCard(1), key('J'), shift(KeyType.ArrowDown));
        maps(new Action.ShiftCard(-1), key('K'), shift(KeyType.ArrowUp));
    }

    @Test
    void everythingElse() {
        maps(new Action.NewCard(), key('n'));
        maps(new Action.Edit(), key('e'));
        maps(new Action.EditInEditor(), key('E'));
        maps(new Action.Comment(), key('c'));
        maps(new Action.Link(), key('w'));
        maps(new Action.Archive(), key('d'), key(KeyType.Delete));
        maps(new Action.Details(), key(KeyType.Enter), key(' '));
        maps(new Action.StartFilter(), key('/'));
        maps(new Action.ClearFilter(), key(KeyType.Escape));
        maps(new Action.SwitchBoard(), key('b'));
        maps(new Action.ManageColumns(), key('C'));
        maps(new Action.Help(), key('?'), key(KeyType.F1));
        maps(new Action.Redraw(), ctrl('l'));
        maps(new Action.Quit(), key('q'), ctrl('c'), key(KeyType.EOF));
        maps(new Action.None(), key('z'), key(KeyType.F5), new KeyStroke('j', false, true));
    }

    @Test
    void theMouse() {
        TerminalPosition at = new TerminalPosition(7, 3);
        maps(new Action.Press(7, 3), new MouseAction(MouseActionType.CLICK_DOWN, 1, at));
        maps(new Action.Drag(7, 3), new MouseAction(MouseActionType.DRAG, 1, at));
        maps(new Action.Release(7, 3), new MouseAction(MouseActionType.CLICK_RELEASE, 1, at));
        maps(new Action.Wheel(7, 3, -1), new MouseAction(MouseActionType.SCROLL_UP, 4, at));
        maps(new Action.Wheel(7, 3, 1), new MouseAction(MouseActionType.SCROLL_DOWN, 5, at));
    }

    @Test
    void everyKeyThatDoesSomethingOnTheBoardIsInTheHelp() {
        Set<String> named = new HashSet<>();
        for (KeyMap.Row row : KeyMap.BOARD) {
            named.addAll(KeyMap.names(row.keys()));
        }
        List<KeyStroke> probes = new ArrayList<>();
        for (char c = ' '; c < 0x7f; c++) {
            probes.add(key(c));
            probes.add(new KeyStroke(c, false, true));
        }
        for (char c = 'a'; c <= 'z'; c++) {
            probes.add(ctrl(c));
        }
        for (KeyType type : KeyType.values()) {
            if (type != KeyType.Character && type != KeyType.EOF && type != KeyType.MouseEvent && type != KeyType.CursorLocation) {
                probes.add(key(type));
                probes.add(shift(type));
            }
        }
        for (KeyStroke probe : probes) {
            if (!(KeyMap.board(probe) instanceof Action.None)) {
                assertThat(named).as("%s does %s but the help does not name it", KeyMap.name(probe), KeyMap.board(probe))
                        .contains(KeyMap.name(probe));
            }
        }
    }

    @Test
    void everyHelpRowNamesTheKeysItBinds() {
        for (KeyMap.Row row : KeyMap.BOARD) {
            assertThat(row.bindings()).as(row.keys()).isNotEmpty();
            for (KeyMap.Binding binding : row.bindings()) {
                assertThat(KeyMap.names(row.keys())).as("the help row \"%s\"", row.keys()).contains(KeyMap.name(binding.key()));
                assertThat(KeyMap.board(binding.key())).isEqualTo(binding.action());
            }
        }
        assertThat(KeyMap.board(ctrl('q'))).isEqualTo(new Action.Quit());
    }

    @Test
    void theHelpOverlayShowsEveryRow() {
        for (KeyMap.Row row : KeyMap.BOARD) {
            assertThat(List.of(KeyMap.HELP)).anySatisfy(r -> assertThat(r).containsExactly(row.keys(), row.what()));
        }
    }

    @Test
    void theReadmesKeyTableListsEveryBindingOfTheTable() throws java.io.IOException {
        // README.md's "Keys on the board" table, its keys column: every `name` in back-quotes ("arrows" for the four).
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("README.md"));
        int at = lines.indexOf("### Keys on the board");
        assertThat(at).as("README.md has the section \"Keys on the board\"").isNotNegative();
        Set<String> listed = new HashSet<>();
        for (String line : lines.subList(at + 1, lines.size())) {
            if (line.startsWith("### ")) {
                break;
            }
            if (!line.startsWith("| ") || line.startsWith("| Keys ")) {
                continue;
            }
            String keys = line.substring(2, line.indexOf(" | "));
            java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("`([^`]+)`").matcher(keys);
            while (quoted.find()) {
                listed.add(quoted.group(1));
            }
            if (keys.contains("arrows")) {
                listed.addAll(List.of("←", "↓", "↑", "→"));
            }
        }
        for (KeyMap.Row row : KeyMap.BOARD) {
            assertThat(row.what()).as("the help for %s", row.keys()).isNotBlank();
            for (KeyMap.Binding binding : row.bindings()) {
                assertThat(listed).as("%s (%s) is bound but README.md's key table does not list it", KeyMap.name(binding.key()),
                        row.what()).contains(KeyMap.name(binding.key()));
            }
        }
    }
}
