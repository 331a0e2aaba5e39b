package dev.tack.tui;

import java.util.List;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** A yes/no question: {@code y} runs the action, {@code n} or Esc does nothing (Enter too: no reflex archiving). */
final class Confirm implements Dialog {

    private final String title;
    private final String question;
    private final Runnable onYes;

    Confirm(String title, String question, Runnable onYes) {
        this.title = title;
        this.question = question;
        this.onYes = onYes;
    }

    @Override
    public boolean handle(KeyStroke key) {
        if (key.getKeyType() == KeyType.Character && !key.isCtrlDown() && Character.toLowerCase(key.getCharacter()) == 'y') {
            onYes.run();
            return false;
        }
        if (key.getKeyType() == KeyType.Escape || key.getKeyType() == KeyType.Enter
                || key.getKeyType() == KeyType.Character && Character.toLowerCase(key.getCharacter()) == 'n') {
            return false;
        }
        return true;
    }

    @Override
    public void render(Canvas canvas, Layout layout) {
        List<String> lines = Wrap.lines(question, Math.min(60, layout.width() - 8));
        int[] box = Dialog.centred(layout, Math.min(64, layout.width() - 4), lines.size() + 4);
        canvas.box(box[0], box[1], box[2], box[3], title, Form.BORDER, Pen.PLAIN);
        for (int i = 0; i < lines.size() && i < box[3] - 3; i++) {
            canvas.text(box[0] + 2, box[1] + 1 + i, lines.get(i), box[2] - 4, Pen.PLAIN.bold());
        }
        canvas.line(box[0] + 2, box[1] + box[3] - 2, "y: yes · n / Esc: no", box[2] - 4, BoardRenderer.DIM);
    }
}
