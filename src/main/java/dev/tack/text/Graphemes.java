package dev.tack.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

/**
 * Text as a person sees it: a list of grapheme clusters, each drawn in one cell (or two). Java 17's
 * {@link BreakIterator} joins combining marks to their letters but splits what Unicode 11+ keeps
 * together, so its pieces are joined again here: an emoji ZWJ sequence (👨‍👩‍👧 is one family,
 * not three faces), a pair of regional indicators (a flag) and emoji tag sequences. Skin-tone
 * modifiers are left apart: tmux (and wcwidth) draw them as a cell of their own, and a cluster must
 * take the columns the terminal gives it or the layout slips.
 */
public final class Graphemes {

    private static final int ZWJ = 0x200d;

    private Graphemes() {
    }

    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        BreakIterator breaks = BreakIterator.getCharacterInstance();
        breaks.setText(text);
        StringBuilder current = null;
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String piece = text.substring(start, end);
            if (current != null && joins(current, piece)) {
                current.append(piece);
            } else {
                if (current != null) {
                    out.add(current.toString());
                }
                current = new StringBuilder(piece);
            }
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }

    /** The columns a cluster takes: its first code point's width (a flag's pair: two; a lone mark: none). */
    public static int width(String cluster) {
        int first = cluster.codePointAt(0);
        if (isRegionalIndicator(first) && cluster.length() > Character.charCount(first)) {
            return 2;
        }
        return Width.of(first);
    }

    private static boolean joins(CharSequence current, String piece) {
        int first = piece.codePointAt(0);
        int last = Character.codePointBefore(current, current.length());
        if (first == ZWJ || isTag(first) || (first >= 0xfe00 && first <= 0xfe0f)) {
            return true; // extenders the JDK leaves on their own
        }
        if (last == ZWJ && isPictographic(first)) {
            return isPictographic(Character.codePointAt(current, 0));
        }
        int head = Character.codePointAt(current, 0);
        return isRegionalIndicator(first) && isRegionalIndicator(head) && current.length() == Character.charCount(head);
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1f1e6 && cp <= 0x1f1ff;
    }

    private static boolean isTag(int cp) {
        return cp >= 0xe0020 && cp <= 0xe007f;
    }

    /** Close enough to Extended_Pictographic for joining: the emoji blocks and the older symbol ones. */
    private static boolean isPictographic(int cp) {
        return (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x2300 && cp <= 0x23ff) || (cp >= 0x2600 && cp <= 0x27bf)
                || (cp >= 0x2b00 && cp <= 0x2bff) || cp == 0x00a9 || cp == 0x00ae || cp == 0x203c || cp == 0x2049
                || cp == 0x2122 || cp == 0x2139 || (cp >= 0x2194 && cp <= 0x21aa) || cp == 0x3030 || cp == 0x303d;
    }
}
