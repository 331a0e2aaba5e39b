package dev.tack.tui;

import java.util.ArrayList;
import java.util.List;
import com.googlecode.lanterna.input.KeyStroke;
import dev.tack.text.Width;

/** Every key, from the screen's {@link KeyMap} (the person's keys). Scrolls when the terminal is short; any other key closes it. */
final class HelpOverlay implements Dialog {

    private final Pager pager = new Pager();

    HelpOverlay() {
        this(KeyMap.DEFAULT);
    }

    HelpOverlay(KeyMap keys) {
        String[][] help = keys.help();
        int keyWidth = 0;
        for (String[] row : help) {
            if (row.length == 2) {
                keyWidth = Math.max(keyWidth, Width.of(row[0]));
            }
        }
        List<Pager.Para> paras = new ArrayList<>();
        for (String[] row : help) {
            if (row.length == 1) {
                if (!paras.isEmpty()) {
                    paras.add(new Pager.Para("", Pen.PLAIN, 0));
                }
                paras.add(new Pager.Para(row[0], Pen.PLAIN.bold(), 0));
            } else {
                paras.add(new Pager.Para(Width.pad(row[0], keyWidth) + "  " + row[1], Pen.PLAIN, 2, keyWidth + 2));
            }
        }
        pager.content(paras);
    }

    @Override
    public boolean handle(KeyStroke key) {
        return pager.scrollKey(key);
    }

    @Override
    public void render(Canvas canvas, Layout layout) {
        int[] box = Dialog.centred(layout, 84, layout.height() - 2);
        canvas.box(box[0], box[1], box[2], box[3], "Keys · any other key closes", Form.BORDER, Pen.PLAIN);
        pager.render(canvas, box[0] + 2, box[1] + 1, box[2] - 4, box[3] - 2);
    }
}
