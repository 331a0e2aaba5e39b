package dev.tack.tui;

import java.util.function.Consumer;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * The filter line: while it is being typed it takes the keys (characters narrow the board as they
 * come, Enter or Tab keeps the filter, Esc clears it, Backspace past the start leaves the line);
 * an arrow leaves it and moves on the board at once.
 */
final class FilterLine {

    private final BoardModel model;
    /** Where an arrow typed in the line goes: to the board, as the board's key (which the person may have re-bound). */
    private final Consumer<KeyStroke> board;
    private boolean editing;

    FilterLine(BoardModel model, Consumer<KeyStroke> board) {
        this.model = model;
        this.board = board;
    }

    boolean editing() {
        return editing;
    }

    void start() {
        editing = true;
    }

    /** Back into a kept filter, from its last character. */
    void editAgain() {
        String text = model.filterText();
        if (!text.isEmpty()) {
            editing = true;
            model.filter(dropLast(text));
        }
    }

    void key(KeyStroke key) {
        KeyType type = key.getKeyType();
        String text = model.filterText();
        if (type == KeyType.Escape) {
            editing = false;
            model.filter("");
        } else if (type == KeyType.Enter || type == KeyType.Tab) {
            editing = false;
        } else if (type == KeyType.Backspace) {
            if (!text.isEmpty()) {
                model.filter(dropLast(text));
            } else {
                editing = false;
            }
        } else if (type == KeyType.Character && key.isCtrlDown() && Character.toLowerCase(key.getCharacter()) == 'u') {
            model.filter("");
        } else if (type == KeyType.Character && !key.isCtrlDown() && !key.isAltDown() && !Character.isISOControl(key.getCharacter())) {
            model.filter(text + key.getCharacter());
        } else if (type == KeyType.ArrowDown || type == KeyType.ArrowUp || type == KeyType.ArrowLeft || type == KeyType.ArrowRight) {
            editing = false;
            board.accept(key);
        }
    }

    private static String dropLast(String text) {
        return text.substring(0, text.offsetByCodePoints(text.length(), -1));
    }
}
