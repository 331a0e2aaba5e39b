package dev.tack.tui;

import java.util.ArrayList;
import java.util.List;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** A box of text lines that scrolls: the body of the details view and the help overlay. */
final class Pager {

    /**
     * One paragraph, wrapped at render time, drawn with a pen, indented by {@code indent} columns;
     * lines after the first are indented {@code hang} columns more (the help's second column).
     */
    record Para(String text, Pen pen, int indent, int hang) {
        Para(String text, Pen pen, int indent) {
            this(text, pen, indent, 0);
        }
    }

    private List<Para> paras = List.of();
    private int top;
    private int lastPage = 10;

    void content(List<Para> newParas) {
        paras = List.copyOf(newParas);
    }

    /** Scroll keys; returns false when the key is not one of them. */
    boolean scrollKey(KeyStroke key) {
        KeyType type = key.getKeyType();
        char c = type == KeyType.Character ? key.getCharacter() : 0;
        if (type == KeyType.ArrowDown || c == 'j') {
            top++;
        } else if (type == KeyType.ArrowUp || c == 'k') {
            top--;
        } else if (type == KeyType.PageDown || c == ' ' || key.isCtrlDown() && (c == 'd' || c == 'f')) {
            top += lastPage;
        } else if (type == KeyType.PageUp || key.isCtrlDown() && (c == 'u' || c == 'b')) {
            top -= lastPage;
        } else if (type == KeyType.Home || c == 'g') {
            top = 0;
        } else if (type == KeyType.End || c == 'G') {
            top = Integer.MAX_VALUE / 2;
        } else {
            return false;
        }
        top = Math.max(0, top);
        return true;
    }

    void render(Canvas canvas, int x, int y, int w, int h) {
        List<String> lines = new ArrayList<>();
        List<Pen> pens = new ArrayList<>();
        List<Integer> indents = new ArrayList<>();
        for (Para para : paras) {
            List<String> wrapped = Wrap.lines(para.text(), Math.max(1, w - para.indent()));
            if (para.hang() > 0 && wrapped.size() > 1) {
                List<String> first = Wrap.line(wrapped.get(0), w - para.indent());
                String rest = String.join(" ", wrapped.subList(1, wrapped.size()));
                wrapped = new ArrayList<>(first);
                wrapped.addAll(Wrap.line(rest, Math.max(1, w - para.indent() - para.hang())));
            }
            for (int i = 0; i < wrapped.size(); i++) {
                lines.add(wrapped.get(i));
                pens.add(para.pen());
                indents.add(para.indent() + (i > 0 ? para.hang() : 0));
            }
        }
        lastPage = Math.max(1, h - 1);
        top = Math.max(0, Math.min(top, Math.max(0, lines.size() - h)));
        for (int i = 0; i < h && top + i < lines.size(); i++) {
            int indent = indents.get(top + i);
            canvas.text(x + indent, y + i, lines.get(top + i), w - indent, pens.get(top + i));
        }
        if (lines.size() > h) {
            String where = (top + 1) + "-" + Math.min(lines.size(), top + h) + "/" + lines.size();
            canvas.rightAligned(x + w, y - 1, " " + where + " ", w, BoardRenderer.DIM);
        }
    }
}
