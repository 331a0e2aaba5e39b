package dev.tack.tui;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.tack.text.Graphemes;
import dev.tack.text.Sanitizer;
import dev.tack.text.Width;

/**
 * Places text on a Lanterna {@link TextGraphics} grapheme cluster by cluster. Every string is
 * sanitised first (no control character or escape sequence reaches a cell), composed (NFC, so
 * accents join their letters), measured with {@link Width} and cut with an ellipsis; each cluster
 * ({@link Graphemes}: a letter with its marks, an emoji ZWJ sequence, a flag) becomes one
 * {@link Glyph} one or two cells wide, written to the terminal whole. A cluster of zero width (a
 * mark with no letter before it) is dropped: a terminal would join it to whatever the cell before
 * holds. Every pen is drawn as the {@link Theme} paints it.
 */
final class Canvas {

    private final TextGraphics graphics;
    private final int width;
    private final int height;
    private final Theme theme;
    private final Map<Pen, Pen> painted = new HashMap<>();
    private final Map<Pen, Map<Integer, Glyph>> asciiCache = new HashMap<>();

    Canvas(TextGraphics graphics) {
        this(graphics, Theme.DEFAULT);
    }

    Canvas(TextGraphics graphics, Theme theme) {
        this.graphics = graphics;
        this.theme = theme;
        TerminalSize size = graphics.getSize();
        this.width = size.getColumns();
        this.height = size.getRows();
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Fills a rectangle with blanks in {@code pen}'s colours. */
    void fill(int x, int y, int w, int h, Pen pen) {
        for (int row = Math.max(0, y); row < Math.min(height, y + h); row++) {
            for (int col = Math.max(0, x); col < Math.min(width, x + w); col++) {
                graphics.setCharacter(col, row, glyph(' ', pen));
            }
        }
    }

    /**
     * Writes one line of text at (x, y) in at most {@code max} columns, cut with an ellipsis when it
     * does not fit. Returns the columns used.
     */
    int text(int x, int y, String text, int max, Pen pen) {
        int limit = Math.min(max, width - x);
        if (y < 0 || y >= height || limit <= 0 || text == null || text.isEmpty()) {
            return 0;
        }
        String clean = Width.cut(displayable(text), limit);
        int col = x;
        if (ascii(clean)) {
            for (int i = 0; i < clean.length() && col < x + limit; i++, col++) {
                if (col >= 0) {
                    graphics.setCharacter(col, y, glyph(clean.charAt(i), pen));
                }
            }
            return col - x;
        }
        for (String cluster : Graphemes.of(clean)) {
            int w = Graphemes.width(cluster);
            if (w == 0 || col < 0) {
                col += w;
                continue;
            }
            if (col + w > x + limit) {
                break;
            }
            graphics.setCharacter(col, y, glyph(cluster, w, pen));
            col += w;
        }
        return col - x;
    }

    /** Writes text padded with blanks to exactly {@code columns} cells. */
    void line(int x, int y, String text, int columns, Pen pen) {
        int used = text(x, y, text, columns, pen);
        fill(x + used, y, columns - used, 1, pen);
    }

    /** Writes text right-aligned so that it ends at column {@code endX} (exclusive). Returns its start column. */
    int rightAligned(int endX, int y, String text, int max, Pen pen) {
        String clean = Width.cut(displayable(text), max);
        int start = endX - Width.of(clean);
        text(start, y, clean, max, pen);
        return start;
    }

    /** A single-line box with an optional title in its top border, its inside filled with blanks. */
    void box(int x, int y, int w, int h, String title, Pen border, Pen inside) {
        if (w < 2 || h < 2) {
            return;
        }
        fill(x + 1, y + 1, w - 2, h - 2, inside);
        put(x, y, '┌', border);
        put(x + w - 1, y, '┐', border);
        put(x, y + h - 1, '└', border);
        put(x + w - 1, y + h - 1, '┘', border);
        for (int col = x + 1; col < x + w - 1; col++) {
            put(col, y, '─', border);
            put(col, y + h - 1, '─', border);
        }
        for (int row = y + 1; row < y + h - 1; row++) {
            put(x, row, '│', border);
            put(x + w - 1, row, '│', border);
        }
        if (title != null && !title.isEmpty() && w > 6) {
            text(x + 2, y, " " + displayable(title) + " ", w - 4, border.bold());
        }
    }

    void put(int x, int y, char c, Pen pen) {
        if (x >= 0 && y >= 0 && x < width && y < height) {
            graphics.setCharacter(x, y, glyph(c, pen));
        }
    }

    /** What may be shown of any text: sanitised, composed, with no lone surrogates. */
    static String displayable(String text) {
        String line = Sanitizer.line(text);
        if (ascii(line)) {
            return line;
        }
        String composed = Normalizer.normalize(line, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.SURROGATE) {
                out.append('\uFFFD');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private Glyph glyph(char c, Pen pen) {
        if (c < 0x80) {
            return asciiCache.computeIfAbsent(pen, p -> new HashMap<>())
                    .computeIfAbsent((int) c, code -> new Glyph(String.valueOf((char) (int) code), false, paint(pen)));
        }
        return new Glyph(String.valueOf(c), Width.of(c) == 2, paint(pen));
    }

    private Pen paint(Pen pen) {
        return painted.computeIfAbsent(pen, theme::paint);
    }

    private Glyph glyph(String cluster, int w, Pen pen) {
        if (cluster.length() == 1) {
            return glyph(cluster.charAt(0), pen);
        }
        return new Glyph(cluster, w == 2, paint(pen));
    }
}
