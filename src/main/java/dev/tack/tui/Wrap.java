package dev.tack.tui;

import java.util.ArrayList;
import java.util.List;
import dev.tack.text.Sanitizer;
import dev.tack.text.Width;

/** Breaks text into display lines of a width, at spaces where it can; measured in columns. */
final class Wrap {

    private Wrap() {
    }

    /** Every line of {@code text} (newlines kept, control characters shown), wrapped to {@code width}. */
    static List<String> lines(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String line : Sanitizer.lines(text).split("\n", -1)) {
            out.addAll(line(Canvas.displayable(line), width));
        }
        return out;
    }

    /** One line wrapped to {@code width}: a word too long for a line is broken inside. */
    static List<String> line(String line, int width) {
        List<String> out = new ArrayList<>();
        if (width <= 0) {
            out.add("");
            return out;
        }
        int[] cps = line.codePoints().toArray();
        for (int[] range : ranges(cps, width, width)) {
            out.add(new String(cps, range[0], range[1] - range[0]).stripTrailing());
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }

    /**
     * Where the lines of {@code cps} begin and end ({start, end} indexes into it, the end's spaces
     * included): the first line {@code firstWidth} columns wide, the others {@code restWidth}.
     * Zero-width code points (combining marks) stay with the character before them.
     */
    static List<int[]> ranges(int[] cps, int firstWidth, int restWidth) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        while (start < cps.length) {
            int width = Math.max(1, out.isEmpty() ? firstWidth : restWidth);
            int used = 0;
            int end = start;
            int lastSpace = -1;
            while (end < cps.length && used + Width.of(cps[end]) <= width) {
                if (cps[end] == ' ') {
                    lastSpace = end;
                }
                used += Width.of(cps[end]);
                end++;
            }
            if (end < cps.length && lastSpace > start) {
                end = lastSpace + 1;
            }
            if (end == start) {
                end = start + 1;
            }
            out.add(new int[] {start, end});
            start = end;
        }
        return out;
    }
}
