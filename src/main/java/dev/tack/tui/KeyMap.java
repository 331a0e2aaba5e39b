package dev.tack.tui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;

/**
 * The board's keys as data: one table of rows, each with the keys as the help names them, what
 * they do, a short hint for the bottom row (if any) and the keystrokes it binds. The table feeds
 * the lookup, the help overlay and the hint row, so a key cannot be bound without being listed.
 * Dialogs read their own keys; their help is the text rows at the end of {@link #HELP}.
 */
final class KeyMap {

    /** A keystroke bound to what it asks for. */
    record Binding(KeyStroke key, Action action) {
    }

    /** One row of the help; {@code hint} (or null) is its entry in the hint row, which {@code always} keeps on screen. */
    record Row(String keys, String what, String hint, boolean always, List<Binding> bindings) {
    }

    /** An entry of the hint row; those marked {@code always} are never cut for want of room. */
    record Hint(String text, boolean always) {
    }

    private KeyMap() {
    }

    static final List<Row> BOARD = List.of(
        row("h j k l, ← ↓ ↑ →", "move the selection", "h/j/k/l move",
            bind(new Action.Sideways(-1), ch('h'), key(KeyType.ArrowLeft)),
            bind(new Action.Vertical(1), ch('j'), key(KeyType.ArrowDown)),
            bind(new Action.Vertical(-1), ch('k'), key(KeyType.ArrowUp)),
            bind(new Action.Sideways(1), ch('l'), key(KeyType.ArrowRight))),
        row("g / G, Home / End", "first / last card of the column", null,
            bind(new Action.Jump(true), ch('g'), key(KeyType.Home)),
            bind(new Action.Jump(false), ch('G'), key(KeyType.End))),
        row("PgUp / PgDn, Ctrl+U / Ctrl+D", "a screenful up / down", null,
            bind(new Action.Page(-1), key(KeyType.PageUp), ctrl('u')),
            bind(new Action.Page(1), key(KeyType.PageDown), ctrl('d'))),
        row("Ctrl+B / Ctrl+F", "the same (as in less and vim)", null,
            bind(new Action.Page(-1), ctrl('b')),
            bind(new Action.Page(1), ctrl('f'))),
        row("H / L, Shift+← / Shift+→", "move the card to the previous / next column", "H/L/J/K move card",
            bind(new Action.StepCard(-1), ch('H'), shift(KeyType.ArrowLeft)),
            bind(new Action.StepCard(1), ch('L'), shift(KeyType.ArrowRight))),
        row("K / J, Shift+↑ / Shift+↓", "move the card up / down in its column", null,
            bind(new Action.ShiftCard(-1), ch('K'), shift(KeyType.ArrowUp)),
            bind(new Action.ShiftCard(1), ch('J'), shift(KeyType.ArrowDown))),
        row("n", "new card in this column (title, then optional fields)", "n new", bind(new Action.NewCard(), ch('n'))),
        row("e", "edit the card: title, description, tags, priority, due, assignee", "e edit", bind(new Action.Edit(), ch('e'))),
        row("E", "edit the description in $EDITOR", null, bind(new Action.EditInEditor(), ch('E'))),
        row("c", "comment on the card", "c comment", bind(new Action.Comment(), ch('c'))),
        row("d, Delete", "archive the card (asks first)", "d archive", bind(new Action.Archive(), ch('d'), key(KeyType.Delete))),
        row("w", "the card waits for another: type its number or pick it, then Enter", null, bind(new Action.Link(), ch('w'))),
        row("u / U, Ctrl+R", "undo / redo your last card change (from any process)", "u undo",
            bind(new Action.History(false), ch('u')),
            bind(new Action.History(true), ch('U'), ctrl('r'))),
        row("Enter, Space", "details: description, links, checklist, comments, history, runs", "⏎ details",
            bind(new Action.Details(), key(KeyType.Enter), ch(' '))),
        row("/", "filter as you type: words, #4 (card 4, or tag 4), tag:x or #x, @who, p:2, is:ready, is:blocked", "/ filter",
            bind(new Action.StartFilter(), ch('/'))),
        row("Backspace", "edit the filter again (after Enter kept it)", null, bind(new Action.EditFilter(), key(KeyType.Backspace))),
        row("Esc", "clear the filter", null, bind(new Action.ClearFilter(), key(KeyType.Escape))),
        row("b", "switch board (a: add, r: rename)", "b boards", bind(new Action.SwitchBoard(), ch('b'))),
        row("C", "manage columns: add, rename, reorder, WIP limit, remove", "C columns", bind(new Action.ManageColumns(), ch('C'))),
        always(row("?, F1", "this help", "? help", bind(new Action.Help(), ch('?'), key(KeyType.F1)))),
        row("Ctrl+L", "re-read the board and repaint", null, bind(new Action.Redraw(), ctrl('l'))),
        row("Ctrl+Z", "suspend to the shell; fg brings the board back", null, bind(new Action.Suspend(), ctrl('z'))),
        always(row("q, Ctrl+C, Ctrl+Q", "quit", "q quit", bind(new Action.Quit(), ch('q'), ctrl('c'), ctrl('q')))));

    /** Every key, for the help overlay (README.md lists the same keys): {keys, what they do}; a single-element row is a heading. */
    static final String[][] HELP = help();

    /** The hint row, most useful first. */
    static final List<Hint> HINTS = BOARD.stream().filter(r -> r.hint() != null).map(r -> new Hint(r.hint(), r.always())).toList();

    private static final Map<Stroke, Action> LOOKUP = lookup();

    static Action board(KeyStroke key) {
        if (key instanceof MouseAction mouse) {
            return mouse(mouse);
        }
        if (key.getKeyType() == KeyType.EOF) {
            return new Action.Quit(); // the terminal went away: not a key anyone presses
        }
        return LOOKUP.getOrDefault(Stroke.of(key), new Action.None());
    }

    /** A keystroke as the help writes it: {@code q}, {@code Ctrl+Q}, {@code Shift+←}, {@code PgDn}. */
    static String name(KeyStroke key) {
        String shift = key.isShiftDown() && key.getKeyType() != KeyType.Character ? "Shift+" : "";
        String alt = key.isAltDown() ? "Alt+" : "";
        return alt + shift + switch (key.getKeyType()) {
            case Character -> key.getCharacter() == ' ' ? "Space"
                    : key.isCtrlDown() ? "Ctrl+" + Character.toUpperCase(key.getCharacter()) : String.valueOf(key.getCharacter());
            case ArrowLeft -> "←";
            case ArrowRight -> "→";
            case ArrowUp -> "↑";
            case ArrowDown -> "↓";
            case PageUp -> "PgUp";
            case PageDown -> "PgDn";
            case Escape -> "Esc";
            default -> key.getKeyType().name();
        };
    }

    /** The names a help row's keys column lists ({@code "g / G, Home / End"}: g, G, Home, End). */
    static List<String> names(String keys) {
        return List.of(keys.replace(", ", " ").replace(" / ", " ").split(" "));
    }

    private static Action mouse(MouseAction mouse) {
        TerminalPosition at = mouse.getPosition();
        int x = at.getColumn();
        int y = at.getRow();
        return switch (mouse.getActionType()) {
            case CLICK_DOWN -> new Action.Press(x, y);
            case DRAG -> new Action.Drag(x, y);
            case CLICK_RELEASE -> new Action.Release(x, y);
            case SCROLL_UP -> new Action.Wheel(x, y, -1);
            case SCROLL_DOWN -> new Action.Wheel(x, y, 1);
            default -> new Action.None();
        };
    }

    private static String[][] help() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"On the board"});
        BOARD.forEach(r -> rows.add(new String[] {r.keys(), r.what()}));
        String[][] dialogs = {
            {"Mouse"},
            {"click", "select a card"},
            {"wheel", "scroll a column"},
            {"drag", "drag a card to another column (or place in its own)"},
            {"In the filter line"},
            {"Enter, Tab", "keep the filter (Backspace on the board edits it again)"},
            {"Backspace, Ctrl+U", "delete a character / the whole filter"},
            {"Esc", "clear the filter"},
            {"In forms"},
            {"Tab / Shift+Tab, ↑ / ↓", "next / previous field"},
            {"Enter", "save (in the description: new line)"},
            {"Alt+Enter", "save from any field (in a comment: new line)"},
            {"Esc", "cancel"},
            {"Ctrl+A / Ctrl+E, Home / End", "start / end of the line"},
            {"Ctrl+U / Ctrl+K / Ctrl+W", "delete to start / to end / the word before"},
            {"In details"},
            {"j / k, PgUp / PgDn, g / G", "scroll"},
            {"e / E / c", "edit / edit description / comment, then back here"},
            {"1 … 9", "tick or untick that checklist item"},
            {"In the link picker (w)"},
            {"digits, Backspace", "type the number of the card it waits for"},
            {"h j k l, arrows", "or pick that card on the board"},
            {"Enter / Esc", "link / cancel"},
            {"Esc, q, Enter", "back to the board"},
        };
        rows.addAll(List.of(dialogs));
        return rows.toArray(String[][]::new);
    }

    private static Map<Stroke, Action> lookup() {
        Map<Stroke, Action> map = new HashMap<>();
        for (Row row : BOARD) {
            for (Binding binding : row.bindings()) {
                if (map.put(Stroke.of(binding.key()), binding.action()) != null) {
                    throw new IllegalStateException(name(binding.key()) + " is bound twice");
                }
            }
        }
        return Map.copyOf(map);
    }

    /** A row whose hint stays on screen however narrow the terminal: how to get help, and how to leave. */
    private static Row always(Row row) {
        return new Row(row.keys(), row.what(), row.hint(), true, row.bindings());
    }

    @SafeVarargs
    private static Row row(String keys, String what, String hint, List<Binding>... groups) {
        List<Binding> all = new ArrayList<>();
        for (List<Binding> group : groups) {
            all.addAll(group);
        }
        return new Row(keys, what, hint, false, List.copyOf(all));
    }

    private static List<Binding> bind(Action action, KeyStroke... keys) {
        return Arrays.stream(keys).map(k -> new Binding(k, action)).toList();
    }

    private static KeyStroke ch(char c) {
        return new KeyStroke(c, false, false);
    }

    private static KeyStroke ctrl(char c) {
        return new KeyStroke(c, true, false);
    }

    private static KeyStroke key(KeyType type) {
        return new KeyStroke(type);
    }

    private static KeyStroke shift(KeyType type) {
        return new KeyStroke(type, false, false, true);
    }

    /**
     * What identifies a keystroke for the lookup. A character's shift is in the character itself
     * ({@code G}); with Ctrl the terminal cannot tell case apart, so it is taken in lower case.
     */
    record Stroke(KeyType type, char c, boolean ctrl, boolean alt, boolean shift) {
        static Stroke of(KeyStroke key) {
            if (key.getKeyType() == KeyType.Character) {
                char c = key.getCharacter();
                return new Stroke(KeyType.Character, key.isCtrlDown() ? Character.toLowerCase(c) : c, key.isCtrlDown(), key.isAltDown(), false);
            }
            return new Stroke(key.getKeyType(), '\0', key.isCtrlDown(), key.isAltDown(), key.isShiftDown());
        }
    }
}
