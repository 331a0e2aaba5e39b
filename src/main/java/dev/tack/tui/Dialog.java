package dev.tack.tui;

import com.googlecode.lanterna.input.KeyStroke;

/** Something drawn over the board that takes the keys while it is open. */
interface Dialog {

    /** Handles a key; returns false when the dialog is finished and closes. */
    boolean handle(KeyStroke key);

    void render(Canvas canvas, Layout layout);

    /** The board was read again (another process changed it, or an action here did): refresh what is shown. */
    default void boardChanged() {
    }

    /** A centred box of at most {@code w} × {@code h} cells that fits the terminal. */
    static int[] centred(Layout layout, int w, int h) {
        int width = Math.max(10, Math.min(w, layout.width() - 2));
        int height = Math.max(3, Math.min(h, layout.height() - 2));
        return new int[] {Math.max(0, (layout.width() - width) / 2), Math.max(0, (layout.height() - height) / 2), width, height};
    }
}
