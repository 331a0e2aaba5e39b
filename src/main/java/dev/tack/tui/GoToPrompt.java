package dev.tack.tui;

import java.util.function.LongConsumer;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * {@code :}: a card's number, typed in a small box low on the screen (as vim's command line);
 * Enter goes to it, wherever it is ({@link BoardController#goTo}), Esc cancels.
 */
final class GoToPrompt implements Dialog {

    private final LongConsumer go;
    private final BoardController controller;
    private final StringBuilder typed = new StringBuilder();

    GoToPrompt(BoardController controller, LongConsumer go) {
        this.controller = controller;
        this.go = go;
    }

    @Override
    public boolean handle(KeyStroke key) {
        KeyType type = key.getKeyType();
        if (type == KeyType.Escape) {
            return false;
        }
        if (type == KeyType.Enter) {
            if (typed.isEmpty()) {
                return false;
            }
            go.accept(Long.parseLong(typed.toString()));
            return false;
        }
        if (type == KeyType.Backspace) {
            if (typed.isEmpty()) {
                return false; // as vim's command line: Backspace on nothing leaves it
            }
            typed.setLength(typed.length() - 1);
            return true;
        }
        if (type == KeyType.Character && !key.isCtrlDown() && !key.isAltDown()) {
            char c = key.getCharacter();
            if (Character.isDigit(c) && typed.length() < 18) {
                typed.append(c);
            } else if (c != '#' || !typed.isEmpty()) {
                controller.error("a card's number: digits only");
            }
        }
        return true;
    }

    @Override
    public void render(Canvas canvas, Layout layout) {
        int w = Math.max(10, Math.min(40, layout.width() - 4));
        int x = Math.max(0, (layout.width() - w) / 2);
        int y = Math.max(0, layout.height() - 7);
        canvas.box(x, y, w, 4, "Go to card", Form.BORDER, Pen.PLAIN);
        canvas.line(x + 2, y + 1, ":" + typed + "▏", w - 4, Pen.PLAIN.bold());
        canvas.line(x + 2, y + 2, "number · Enter go · Esc cancel", w - 4, BoardRenderer.DIM);
    }
}
