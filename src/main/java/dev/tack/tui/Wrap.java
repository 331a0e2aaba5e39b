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
        int start = 0;
        while (start < cps.length) {
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
            out.add(new String(cps, start, end - start).stripTrailing());
            start = end;
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }
}
