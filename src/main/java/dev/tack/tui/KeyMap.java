package dev.tack.tui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;

/**
 * The board's keys as data: one table of rows, each with the keys as the help names them, what
 * they do, a short hint for the bottom row (if any) and the keystrokes it binds. The table feeds
 * the lookup, the help overlay and the hint row, so a key cannot be bound without being listed.
 * Dialogs read their own keys; their help is the text rows at the end of {@link #HELP}.
 *
 * <p>The static table is tack's default. A person's config re-binds actions by name
 * ({@link #ACTIONS}: {@code move_left = ["a", "shift+left"]}); {@link #rebound} makes the table
 * they asked for, whose lookup, help and hints show their keys. A key that would then do two
 * things stays with the action that had it, and the re-binding is reported ({@link #problems}).
 */
final class KeyMap {

    /** A keystroke bound to what it asks for. */
    record Binding(KeyStroke key, Action action) {
    }

    /** One row of the help; {@code hint} (or null) is its entry in the hint row, which {@code always} keeps on screen. */
    record Row(String keys, String what, HintSpec hint, boolean always, List<Binding> bindings) {
    }

    /** A hint: the first key of each of {@code actions}, joined by {@code /}, then {@code label} ("h/j/k/l move"). */
    record HintSpec(String label, List<Action> actions) {
    }

    /** An entry of the hint row; those marked {@code always} are never cut for want of room. */
    record Hint(String text, boolean always) {
    }

    /** Every action a config may re-bind, by the name it uses there (README.md, "Configuration"). */
    static final Map<String, Action> ACTIONS = actions();

    private final List<Row> rows;
    private final Map<Stroke, Action> lookup;
    private final Map<String, String> problems;

    private KeyMap(List<Row> rows, Map<Stroke, Action> lookup, Map<String, String> problems) {
        this.rows = rows;
        this.lookup = lookup;
        this.problems = problems;
    }

    static final List<Row> BOARD = List.of(
        row("h j k l, ← ↓ ↑ →", "move the selection", hint("move", new Action.Sideways(-1), new Action.Vertical(1), new Action.Vertical(-1), new Action.Sideways(1)),
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
        row("H / L, Shift+← / Shift+→", "move the card to the previous / next column", hint("move card", new Action.StepCard(-1), new Action.StepCard(1), new Action.ShiftCard(1), new Action.ShiftCard(-1)),
            bind(new Action.StepCard(-1), ch('H'), shift(KeyType.ArrowLeft)),
            bind(new Action.StepCard(1), ch('L'), shift(KeyType.ArrowRight))),
        row("K / J, Shift+↑ / Shift+↓", "move the card up / down in its column", null,
            bind(new Action.ShiftCard(-1), ch('K'), shift(KeyType.ArrowUp)),
            bind(new Action.ShiftCard(1), ch('J'), shift(KeyType.ArrowDown))),
        row("n", "new card in this column (title, then optional fields)", hint("new", new Action.NewCard()), bind(new Action.NewCard(), ch('n'))),
        row("e", "edit the card: title, description, tags, priority, due, assignee", hint("edit", new Action.Edit()), bind(new Action.Edit(), ch('e'))),
        row("E", "edit the description in $EDITOR", null, bind(new Action.EditInEditor(), ch('E'))),
        row("c", "comment on the card", hint("comment", new Action.Comment()), bind(new Action.Comment(), ch('c'))),
        row("d, Delete", "archive the card (asks first)", hint("archive", new Action.Archive()), bind(new Action.Archive(), ch('d'), key(KeyType.Delete))),
        row("w", "the card waits for another: type its number or pick it, then Enter", null, bind(new Action.Link(), ch('w'))),
        row("u / U, Ctrl+R", "undo / redo your last card change (from any process)", hint("undo", new Action.History(false)),
            bind(new Action.History(false), ch('u')),
            bind(new Action.History(true), ch('U'), ctrl('r'))),
        row("Enter, Space", "details: description, links, checklist, comments, history, runs", hint("details", new Action.Details()),
            bind(new Action.Details(), key(KeyType.Enter), ch(' '))),
        row("/", "filter as you type: words, #4 (card 4, or tag 4), tag:x or #x, @who, p:2, is:ready, is:blocked", hint("filter", new Action.StartFilter()),
            bind(new Action.StartFilter(), ch('/'))),
        row("s", "sort this column's view: priority, due date, age, last change, then the board's order (moves nothing)",
            hint("sort", new Action.CycleSort()), bind(new Action.CycleSort(), ch('s'))),
        row("Backspace", "edit the filter again (after Enter kept it)", null, bind(new Action.EditFilter(), key(KeyType.Backspace))),
        row("Esc", "clear the filter", null, bind(new Action.ClearFilter(), key(KeyType.Escape))),
        row("b", "switch board (a: add, r: rename)", hint("boards", new Action.SwitchBoard()), bind(new Action.SwitchBoard(), ch('b'))),
        row(":", "go to a card by number, on any board", null,
            bind(new Action.GoToCard(), ch(':'))),
        row("F", "find cards on every board as you type; Enter goes there", null,
            bind(new Action.SearchAll(), ch('F'))),
        row("M", "move the card to another board, then a column (not undoable)", null,
            bind(new Action.MoveToBoard(), ch('M'))),
        row("A", "archived cards: / filter, r restore, Esc back", null, bind(new Action.ArchiveView(), ch('A'))),
        row("C", "manage columns: add, rename, reorder, WIP limit, remove", hint("columns", new Action.ManageColumns()), bind(new Action.ManageColumns(), ch('C'))),
        always(row("?, F1", "this help", hint("help", new Action.Help()), bind(new Action.Help(), ch('?'), key(KeyType.F1)))),
        row("Ctrl+L", "re-read the board and repaint", null, bind(new Action.Redraw(), ctrl('l'))),
        row("Ctrl+Z", "suspend to the shell; fg brings the board back", null, bind(new Action.Suspend(), ctrl('z'))),
        always(row("q, Ctrl+C, Ctrl+Q", "quit", hint("quit", new Action.Quit()), bind(new Action.Quit(), ch('q'), ctrl('c'), ctrl('q')))));

    /** The dialogs' keys, which are not re-bound: the help's last rows. */
    private static final String[][] DIALOG_HELP = {
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
        {"In go to card (:)"},
        {"digits, Enter / Esc", "the card's number, go / cancel"},
        {"In find (F)"},
        {"type, ↑ / ↓, Enter", "words as in the filter; pick a card; go to it (switching board)"},
        {"In the archive (A)"},
        {"/, ↑ / ↓, r", "filter; pick a card; restore it to its column"},
    };

    /** tack's own keys. */
    static final KeyMap DEFAULT = new KeyMap(BOARD, lookup(BOARD), Map.of());

    /** Every key, for the help overlay (README.md lists the same keys): {keys, what they do}; a single-element row is a heading. */
    static final String[][] HELP = DEFAULT.help();

    /** The hint row, most useful first. */
    static final List<Hint> HINTS = DEFAULT.hints();

    /** What a key does with tack's own keys. */
    static Action board(KeyStroke key) {
        return DEFAULT.action(key);
    }

    /** What a key does on the board with this table. */
    Action action(KeyStroke key) {
        if (key instanceof MouseAction mouse) {
            return mouse(mouse);
        }
        if (key.getKeyType() == KeyType.EOF) {
            return new Action.Quit(); // the terminal went away: not a key anyone presses
        }
        return lookup.getOrDefault(Stroke.of(key), new Action.None());
    }

    /** The help's rows: {keys, what they do}; a single-element row is a heading. */
    String[][] help() {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"On the board"});
        rows.stream().filter(r -> !r.bindings().isEmpty()).forEach(r -> out.add(new String[] {r.keys(), r.what()}));
        out.addAll(List.of(DIALOG_HELP));
        return out.toArray(String[][]::new);
    }

    /** The hint row, most useful first: each hint names the first key of its actions, as bound here. */
    List<Hint> hints() {
        Map<Action, KeyStroke> first = new HashMap<>();
        for (Row row : rows) {
            for (Binding binding : row.bindings()) {
                first.putIfAbsent(binding.action(), binding.key());
            }
        }
        List<Hint> hints = new ArrayList<>();
        for (Row row : rows) {
            if (row.hint() == null) {
                continue;
            }
            List<String> keys = row.hint().actions().stream().filter(first::containsKey).map(a -> hintName(first.get(a))).toList();
            if (!keys.isEmpty()) {
                hints.add(new Hint(String.join("/", keys) + " " + row.hint().label(), row.always()));
            }
        }
        return List.copyOf(hints);
    }

    /** The first key bound to {@code action} here, as the hint row names it ("s"), if any. */
    java.util.Optional<String> firstKey(Action action) {
        for (Row row : rows) {
            for (Binding binding : row.bindings()) {
                if (binding.action().equals(action)) {
                    return java.util.Optional.of(hintName(binding.key()));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The rows of this table (the help's and the hints' source). */
    List<Row> rows() {
        return rows;
    }

    /**
     * What was wrong with the re-bindings, by action name (in the config's order): an unknown
     * action or key name, or a key that another action already has. Each is reported at start.
     */
    Map<String, String> problems() {
        return problems;
    }

    /**
     * The table with {@code keys} re-bound: each named action gets exactly the keys given (an empty
     * list unbinds it) instead of its own. A key another action keeps is not taken from it: that
     * key is left out and reported, so that no key ever does two things.
     */
    static KeyMap rebound(Map<String, List<String>> keys) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<Action, List<KeyStroke>> wanted = new LinkedHashMap<>();
        Map<Action, String> written = new HashMap<>(); // the action's name as the config spells it, for its problems
        for (Map.Entry<String, List<String>> entry : keys.entrySet()) {
            Action action = ACTIONS.get(entry.getKey().toLowerCase(Locale.ROOT).replace('-', '_'));
            if (action == null) {
                problems.put(entry.getKey(), "unknown action (known: " + String.join(", ", ACTIONS.keySet()) + ")");
                continue;
            }
            List<KeyStroke> strokes = new ArrayList<>();
            for (String name : entry.getValue()) {
                try {
                    strokes.add(parse(name));
                } catch (IllegalArgumentException e) {
                    problems.merge(entry.getKey(), e.getMessage(), (a, b) -> a + "; " + b);
                }
            }
            if (!problems.containsKey(entry.getKey())) {
                wanted.put(action, strokes);
                written.put(action, entry.getKey());
            }
        }
        if (wanted.isEmpty()) {
            return problems.isEmpty() ? DEFAULT : new KeyMap(BOARD, lookup(BOARD), java.util.Collections.unmodifiableMap(problems));
        }
        // The keys of the actions that keep theirs are taken first; then each re-bound action's, in the config's order.
        Map<Stroke, Action> owner = new HashMap<>();
        for (Row row : BOARD) {
            for (Binding binding : row.bindings()) {
                if (!wanted.containsKey(binding.action())) {
                    owner.put(Stroke.of(binding.key()), binding.action());
                }
            }
        }
        Map<Action, List<KeyStroke>> granted = new HashMap<>();
        for (Map.Entry<Action, List<KeyStroke>> entry : wanted.entrySet()) {
            List<KeyStroke> kept = new ArrayList<>();
            for (KeyStroke key : entry.getValue()) {
                Action other = owner.putIfAbsent(Stroke.of(key), entry.getKey());
                if (other != null && !other.equals(entry.getKey())) {
                    problems.merge(written.get(entry.getKey()), name(key) + " is already " + nameOf(other) + "'s key; left out"
                            + " (re-bind " + nameOf(other) + " too)", (a, b) -> a + "; " + b);
                } else if (other == null) {
                    kept.add(key);
                }
            }
            granted.put(entry.getKey(), kept);
        }
        List<Row> rows = new ArrayList<>();
        Set<Action> placed = new HashSet<>();
        for (Row row : BOARD) {
            List<Binding> bindings = new ArrayList<>();
            boolean changed = false;
            for (Binding binding : row.bindings()) {
                List<KeyStroke> instead = granted.get(binding.action());
                if (instead == null) {
                    bindings.add(binding);
                } else {
                    changed = true;
                    if (placed.add(binding.action())) {
                        instead.forEach(k -> bindings.add(new Binding(k, binding.action())));
                    }
                }
            }
            rows.add(changed ? new Row(keysText(bindings), row.what(), row.hint(), row.always(), List.copyOf(bindings)) : row);
        }
        return new KeyMap(List.copyOf(rows), lookup(rows), java.util.Collections.unmodifiableMap(problems));
    }

    /** A row's keys as the help writes them, from its bindings: each action's keys in turn, {@code "a / L, Shift+→"}. */
    private static String keysText(List<Binding> bindings) {
        Map<Action, List<String>> byAction = new LinkedHashMap<>();
        bindings.forEach(b -> byAction.computeIfAbsent(b.action(), a -> new ArrayList<>()).add(name(b.key())));
        List<String> positions = new ArrayList<>();
        int most = byAction.values().stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < most; i++) {
            List<String> at = new ArrayList<>();
            for (List<String> names : byAction.values()) {
                if (i < names.size()) {
                    at.add(names.get(i));
                }
            }
            positions.add(String.join(" / ", at));
        }
        return String.join(", ", positions);
    }

    /** The config's name of an action. */
    static String nameOf(Action action) {
        return ACTIONS.entrySet().stream().filter(e -> e.getValue().equals(action)).map(Map.Entry::getKey).findFirst()
                .orElse(action.getClass().getSimpleName());
    }

    /** How a hint writes a key: as the help does, but Enter is {@code ⏎}. */
    private static String hintName(KeyStroke key) {
        return key.getKeyType() == KeyType.Enter && !key.isAltDown() ? "⏎" : name(key);
    }

    /**
     * A key as a config names it: a character ({@code a}, {@code G}, {@code ?}), a key's name
     * ({@code enter}, {@code esc}, {@code space}, {@code left} or {@code ←}, {@code pgdn}, {@code f2}),
     * with {@code ctrl+}, {@code alt+} and {@code shift+} before it, in any case.
     */
    static KeyStroke parse(String text) {
        String rest = text.strip();
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("an empty key name");
        }
        boolean ctrl = false;
        boolean alt = false;
        boolean shift = false;
        while (rest.length() > 1 && rest.indexOf('+', 1) > 0) {
            int plus = rest.indexOf('+', 1);
            String modifier = rest.substring(0, plus).strip().toLowerCase(Locale.ROOT);
            switch (modifier) {
                case "ctrl", "control", "c" -> ctrl = true;
                case "alt", "meta", "m", "a" -> alt = true;
                case "shift", "s" -> shift = true;
                default -> throw new IllegalArgumentException("'" + text + "': unknown modifier '" + modifier + "' (ctrl, alt, shift)");
            }
            rest = rest.substring(plus + 1).strip();
        }
        KeyStroke key;
        if (rest.length() == 1 && !NAMED.containsKey(rest)) {
            char c = rest.charAt(0);
            if (ctrl && !Character.isLetter(c)) {
                throw new IllegalArgumentException("'" + text + "': Ctrl goes with a letter");
            }
            if (shift) {
                c = Character.toUpperCase(c); // a terminal sends Shift+a as A
            }
            if (ctrl && Character.toLowerCase(c) == 'c') {
                throw new IllegalArgumentException("'" + text + "': Ctrl+C always quits");
            }
            key = new KeyStroke(ctrl ? Character.toLowerCase(c) : c, ctrl, alt);
        } else {
            KeyType type = NAMED.get(rest.toLowerCase(Locale.ROOT));
            if (type == null) {
                throw new IllegalArgumentException("'" + text + "' is not a key (a character, or one of: enter, esc, space, tab,"
                        + " backspace, delete, insert, home, end, pgup, pgdn, left, right, up, down, f1 … f12)");
            }
            if (type == KeyType.Character) { // space
                key = new KeyStroke(' ', ctrl, alt);
            } else {
                key = new KeyStroke(type, ctrl, alt, shift);
            }
        }
        return key;
    }

    private static final Map<String, KeyType> NAMED = named();

    private static Map<String, KeyType> named() {
        Map<String, KeyType> map = new HashMap<>();
        map.put("enter", KeyType.Enter);
        map.put("return", KeyType.Enter);
        map.put("esc", KeyType.Escape);
        map.put("escape", KeyType.Escape);
        map.put("space", KeyType.Character);
        map.put("tab", KeyType.Tab);
        map.put("backspace", KeyType.Backspace);
        map.put("delete", KeyType.Delete);
        map.put("del", KeyType.Delete);
        map.put("insert", KeyType.Insert);
        map.put("ins", KeyType.Insert);
        map.put("home", KeyType.Home);
        map.put("end", KeyType.End);
        map.put("pgup", KeyType.PageUp);
        map.put("pageup", KeyType.PageUp);
        map.put("pgdn", KeyType.PageDown);
        map.put("pagedown", KeyType.PageDown);
        map.put("left", KeyType.ArrowLeft);
        map.put("←", KeyType.ArrowLeft);
        map.put("right", KeyType.ArrowRight);
        map.put("→", KeyType.ArrowRight);
        map.put("up", KeyType.ArrowUp);
        map.put("↑", KeyType.ArrowUp);
        map.put("down", KeyType.ArrowDown);
        map.put("↓", KeyType.ArrowDown);
        KeyType[] f = {KeyType.F1, KeyType.F2, KeyType.F3, KeyType.F4, KeyType.F5, KeyType.F6, KeyType.F7, KeyType.F8,
            KeyType.F9, KeyType.F10, KeyType.F11, KeyType.F12};
        for (int i = 0; i < f.length; i++) {
            map.put("f" + (i + 1), f[i]);
        }
        return Map.copyOf(map);
    }

    private static Map<String, Action> actions() {
        Map<String, Action> map = new LinkedHashMap<>();
        map.put("select_left", new Action.Sideways(-1));
        map.put("select_down", new Action.Vertical(1));
        map.put("select_up", new Action.Vertical(-1));
        map.put("select_right", new Action.Sideways(1));
        map.put("first_card", new Action.Jump(true));
        map.put("last_card", new Action.Jump(false));
        map.put("page_up", new Action.Page(-1));
        map.put("page_down", new Action.Page(1));
        map.put("move_left", new Action.StepCard(-1));
        map.put("move_right", new Action.StepCard(1));
        map.put("move_up", new Action.ShiftCard(-1));
        map.put("move_down", new Action.ShiftCard(1));
        map.put("new_card", new Action.NewCard());
        map.put("edit", new Action.Edit());
        map.put("edit_in_editor", new Action.EditInEditor());
        map.put("comment", new Action.Comment());
        map.put("archive", new Action.Archive());
        map.put("link", new Action.Link());
        map.put("undo", new Action.History(false));
        map.put("redo", new Action.History(true));
        map.put("details", new Action.Details());
        map.put("filter", new Action.StartFilter());
        map.put("edit_filter", new Action.EditFilter());
        map.put("sort", new Action.CycleSort());
        map.put("clear_filter", new Action.ClearFilter());
        map.put("boards", new Action.SwitchBoard());
        map.put("go_to_card", new Action.GoToCard());
        map.put("search", new Action.SearchAll());
        map.put("move_to_board", new Action.MoveToBoard());
        map.put("archive_view", new Action.ArchiveView());
        map.put("columns", new Action.ManageColumns());
        map.put("help", new Action.Help());
        map.put("redraw", new Action.Redraw());
        map.put("suspend", new Action.Suspend());
        map.put("quit", new Action.Quit());
        return java.util.Collections.unmodifiableMap(map);
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


    private static Map<Stroke, Action> lookup(List<Row> rows) {
        Map<Stroke, Action> map = new HashMap<>();
        for (Row row : rows) {
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
    private static Row row(String keys, String what, HintSpec hint, List<Binding>... groups) {
        List<Binding> all = new ArrayList<>();
        for (List<Binding> group : groups) {
            all.addAll(group);
        }
        return new Row(keys, what, hint, false, List.copyOf(all));
    }

    private static HintSpec hint(String label, Action... actions) {
        return new HintSpec(label, List.of(actions));
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
