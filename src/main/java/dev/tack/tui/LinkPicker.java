package dev.tack.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.model.Card;

/**
 * {@code w}: makes card {@code waiting} wait for another, typed by its number or picked on the
 * board. While it is open the movement keys move the board's selection (the box sits low, so the
 * board stays in view), digits type a number, Enter links (the typed number, else the selected
 * card) and Esc cancels.
 */
final class LinkPicker implements Dialog {

    /** What Enter does with the chosen card. */
    interface Target {
        void link(long waiting, long prerequisite);
    }

    private final long waiting;
    private final BoardController controller;
    private final Target target;
    private final StringBuilder typed = new StringBuilder();

    LinkPicker(long waiting, BoardController controller, Target target) {
        this.waiting = waiting;
        this.controller = controller;
        this.target = target;
    }

    @Override
    public boolean handle(KeyStroke key) {
        KeyType type = key.getKeyType();
        if (type == KeyType.Escape) {
            controller.info("not linked");
            return false;
        }
        if (type == KeyType.Enter) {
            Long chosen = chosen();
            if (chosen == null) {
                controller.error("type the number of the card #" + waiting + " waits for, or pick it");
                return true;
            }
            target.link(waiting, chosen);
            return false;
        }
        if (type == KeyType.Backspace) {
            if (!typed.isEmpty()) {
                typed.setLength(typed.length() - 1);
            }
            return true;
        }
        if (type == KeyType.Character && !key.isCtrlDown() && !key.isAltDown() && Character.isDigit(key.getCharacter())) {
            if (typed.length() < 18) {
                typed.append(key.getCharacter());
            }
            return true;
        }
        Action action = KeyMap.board(key);
        if (action instanceof Action.Vertical || action instanceof Action.Sideways || action instanceof Action.Jump
                || action instanceof Action.Page) {
            typed.setLength(0); // picking on the board replaces a typed number
            controller.perform(action);
            return true;
        }
        if (action instanceof Action.Quit && type != KeyType.Character) {
            controller.perform(action);
            return false;
        }
        return true;
    }

    /** The typed number, else the selected card unless it is the waiting one. */
    private Long chosen() {
        if (!typed.isEmpty()) {
            return Long.parseLong(typed.toString());
        }
        return controller.model().selectedCard().map(Card::id).filter(id -> id != waiting).orElse(null);
    }

    @Override
    public void render(Canvas canvas, Layout layout) {
        int w = Math.max(10, Math.min(64, layout.width() - 4));
        int x = Math.max(0, (layout.width() - w) / 2);
        int y = Math.max(0, layout.height() - 7);
        canvas.box(x, y, w, 4, "Link #" + waiting, Form.BORDER, Pen.PLAIN);
        Long chosen = chosen();
        String what = "#" + waiting + " waits for " + (chosen == null ? "…" : "#" + chosen)
                + (typed.isEmpty() && chosen != null ? " (selected)" : "");
        canvas.line(x + 2, y + 1, what, w - 4, Pen.PLAIN.bold());
        canvas.line(x + 2, y + 2, "type a number or pick a card · Enter link · Esc cancel", w - 4, BoardRenderer.DIM);
    }
}
