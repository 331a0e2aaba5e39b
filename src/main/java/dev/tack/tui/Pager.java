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
    record Para(String text, Pen pen, int indent, int hang, List<Span> spans) {
        Para(String text, Pen pen, int indent, int hang) {
            this(text, pen, indent, hang, null);
        }

        Para(String text, Pen pen, int indent) {
            this(text, pen, indent, 0);
        }

        /** One line of styled runs (the details' Markdown), each already made displayable; wrapped as one text. */
        static Para styled(List<Span> spans, int indent, int hang) {
            StringBuilder text = new StringBuilder();
            spans.forEach(span -> text.append(span.text()));
            return new Para(text.toString(), Pen.PLAIN, indent, hang, List.copyOf(spans));
        }
    }

    /** A run of text in one pen. */
    record Span(String text, Pen pen) {
    }

    /** One screen line: its runs and where it starts. */
    private record Line(List<Span> spans, int indent) {
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
        List<Line> lines = new ArrayList<>();
        for (Para para : paras) {
            if (para.spans() != null) {
                styled(para, w, lines);
                continue;
            }
            List<String> wrapped = Wrap.lines(para.text(), Math.max(1, w - para.indent()));
            if (para.hang() > 0 && wrapped.size() > 1) {
                List<String> first = Wrap.line(wrapped.get(0), w - para.indent());
                String rest = String.join(" ", wrapped.subList(1, wrapped.size()));
                wrapped = new ArrayList<>(first);
                wrapped.addAll(Wrap.line(rest, Math.max(1, w - para.indent() - para.hang())));
            }
            for (int i = 0; i < wrapped.size(); i++) {
                lines.add(new Line(List.of(new Span(wrapped.get(i), para.pen())), para.indent() + (i > 0 ? para.hang() : 0)));
            }
        }
        lastPage = Math.max(1, h - 1);
        top = Math.max(0, Math.min(top, Math.max(0, lines.size() - h)));
        for (int i = 0; i < h && top + i < lines.size(); i++) {
            Line line = lines.get(top + i);
            int col = x + line.indent();
            for (Span span : line.spans()) {
                col += canvas.text(col, y + i, span.text(), x + w - col, span.pen());
            }
        }
        if (lines.size() > h) {
            String where = (top + 1) + "-" + Math.min(lines.size(), top + h) + "/" + lines.size();
            canvas.rightAligned(x + w, y - 1, " " + where + " ", w, BoardRenderer.DIM);
        }
    }

    /** A styled paragraph wrapped by display width, each line keeping the pens of the runs it cuts through. */
    private static void styled(Para para, int w, List<Line> into) {
        int[] cps = para.text().codePoints().toArray();
        Pen[] pens = new Pen[cps.length];
        int at = 0;
        for (Span span : para.spans()) {
            int n = span.text().codePointCount(0, span.text().length());
            java.util.Arrays.fill(pens, at, at + n, span.pen());
            at += n;
        }
        List<int[]> ranges = Wrap.ranges(cps, w - para.indent(), w - para.indent() - para.hang());
        if (ranges.isEmpty()) {
            into.add(new Line(List.of(), para.indent()));
        }
        for (int r = 0; r < ranges.size(); r++) {
            int start = ranges.get(r)[0];
            int end = ranges.get(r)[1];
            while (end > start && cps[end - 1] == ' ') {
                end--; // a line's trailing spaces, as Wrap.line cuts them
            }
            List<Span> spans = new ArrayList<>();
            int from = start;
            for (int i = start + 1; i <= end; i++) {
                if (i == end || pens[i] != pens[from]) {
                    spans.add(new Span(new String(cps, from, i - from), pens[from]));
                    from = i;
                }
            }
            into.add(new Line(spans, para.indent() + (r > 0 ? para.hang() : 0)));
        }
    }
}
