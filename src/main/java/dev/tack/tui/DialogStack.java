package dev.tack.tui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.MouseAction;

/**
 * The dialogs open over the board, newest on top: the top one takes the keys, all are drawn
 * (oldest first, so the top one is drawn last), and all hear when the board was read again.
 */
final class DialogStack {

    private final Deque<Dialog> dialogs = new ArrayDeque<>();

    void push(Dialog dialog) {
        dialogs.push(dialog);
    }

    /** Closes {@code dialog}, wherever it is in the stack (a form whose save came back after another opened). */
    void remove(Dialog dialog) {
        dialogs.remove(dialog);
    }

    Optional<Dialog> top() {
        return Optional.ofNullable(dialogs.peek());
    }

    /**
     * Gives a key to the top dialog, which closes when it says it is finished. The mouse is not
     * for dialogs: a click there goes nowhere. Returns false when no dialog is open.
     */
    boolean handle(KeyStroke key) {
        Dialog top = dialogs.peek();
        if (top == null) {
            return false;
        }
        if (key instanceof MouseAction) {
            return true;
        }
        if (!top.handle(key)) {
            dialogs.remove(top);
        }
        return true;
    }

    void boardChanged() {
        dialogs.forEach(Dialog::boardChanged);
    }

    void render(Canvas canvas, Layout layout) {
        List<Dialog> stack = new ArrayList<>(dialogs);
        for (int i = stack.size() - 1; i >= 0; i--) {
            stack.get(i).render(canvas, layout);
        }
    }
}
