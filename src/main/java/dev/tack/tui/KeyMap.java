package dev.tack.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;

/** The board's keys: vim letters and arrows both, and the mouse. Dialogs read their own keys. */
final class KeyMap {

    private KeyMap() {
    }

    static Action board(KeyStroke key) {
        if (key instanceof MouseAction mouse) {
            return mouse(mouse);
        }
        KeyType type = key.getKeyType();
        boolean shift = key.isShiftDown();
        switch (type) {
            case ArrowDown:
                return shift ? new Action.ShiftCard(1) : new Action.Vertical(1);
            case ArrowUp:
                return shift ? new Action.ShiftCard(-1) : new Action.Vertical(-1);
            case ArrowLeft:
                return shift ? new Action.StepCard(-1) : new Action.Sideways(-1);
            case ArrowRight:
                return shift ? new Action.StepCard(1) : new Action.Sideways(1);
            case Home:
                return new Action.Jump(true);
            case End:
                return new Action.Jump(false);
            case PageDown:
                return new Action.Page(1);
            case PageUp:
                return new Action.Page(-1);
            case Enter:
                return new Action.Details();
            case Escape:
                return new Action.ClearFilter();
            case Delete:
                return new Action.Archive();
            case F1:
                return new Action.Help();
            case EOF:
                return new Action.Quit();
            case Character:
                return character(key);
            default:
                return new Action.None();
        }
    }

    private static Action character(KeyStroke key) {
        char c = key.getCharacter();
        if (key.isCtrlDown()) {
            return switch (Character.toLowerCase(c)) {
                case 'c', 'q' -> new Action.Quit();
                case 'l' -> new Action.Redraw();
                case 'd' -> new Action.Page(1);
                case 'u' -> new Action.Page(-1);
                case 'f' -> new Action.Page(1);
                case 'b' -> new Action.Page(-1);
                case 'r' -> new Action.History(true);
                default -> new Action.None();
            };
        }
        if (key.isAltDown()) {
            return new Action.None();
        }
        return switch (c) {
            case 'j' -> new Action.Vertical(1);
            case 'k' -> new Action.Vertical(-1);
            case 'h' -> new Action.Sideways(-1);
            case 'l' -> new Action.Sideways(1);
            case 'g' -> new Action.Jump(true);
            case 'G' -> new Action.Jump(false);
            case 'H' -> new Action.StepCard(-1);
            case 'L' -> new Action.StepCard(1);
            case 'J' -> new Action.ShiftCard(1);
            case 'K' -> new Action.ShiftCard(-1);
            case 'n' -> new Action.NewCard();
            case 'e' -> new Action.Edit();
            case 'E' -> new Action.EditInEditor();
            case 'c' -> new Action.Comment();
            case 'd' -> new Action.Archive();
            case '/' -> new Action.StartFilter();
            case 'b' -> new Action.SwitchBoard();
            case 'C' -> new Action.ManageColumns();
            case '?' -> new Action.Help();
            case 'u' -> new Action.History(false);
            case 'U' -> new Action.History(true);
            case 'q' -> new Action.Quit();
            case ' ' -> new Action.Details();
            default -> new Action.None();
        };
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

    /** Every key, for the help overlay (README.md lists the same keys): {keys, what they do}; a single-element row is a heading. */
    static final String[][] HELP = {
        {"On the board"},
        {"h j k l, arrows", "move the selection"},
        {"g / G, Home / End", "first / last card of the column"},
        {"PgUp / PgDn, Ctrl+U / Ctrl+D", "a screenful up / down"},
        {"H / L, Shift+← / Shift+→", "move the card to the previous / next column"},
        {"K / J, Shift+↑ / Shift+↓", "move the card up / down in its column"},
        {"n", "new card in this column (title, then optional fields)"},
        {"e", "edit the card: title, description, tags, priority, due, assignee"},
        {"E", "edit the description in $EDITOR"},
        {"c", "comment on the card"},
        {"d, Delete", "archive the card (asks first)"},
        {"u / U, Ctrl+R", "undo / redo your last card change (from any process)"},
        {"Enter, Space", "details: description, comments, history, runs"},
        {"/", "filter as you type: words, tag:x or #x, @who, p:2"},
        {"Esc", "clear the filter"},
        {"b", "switch board (a: add, r: rename)"},
        {"C", "manage columns: add, rename, reorder, WIP limit, remove"},
        {"?, F1", "this help"},
        {"Ctrl+L", "re-read the board and repaint"},
        {"q, Ctrl+C", "quit"},
        {"Mouse"},
        {"click", "select a card"},
        {"wheel", "scroll a column"},
        {"drag", "drag a card to another column (or place in its own)"},
        {"In forms"},
        {"Tab / Shift+Tab, ↑ / ↓", "next / previous field"},
        {"Enter", "save (in the description: new line)"},
        {"Alt+Enter", "save from any field"},
        {"Esc", "cancel"},
        {"Ctrl+A / Ctrl+E, Home / End", "start / end of the line"},
        {"Ctrl+U / Ctrl+K / Ctrl+W", "delete to start / to end / the word before"},
        {"In details"},
        {"j / k, PgUp / PgDn, g / G", "scroll"},
        {"e / E / c", "edit / edit description / comment"},
        {"Esc, q, Enter", "back to the board"},
    };
}
