package dev.tack.text;

/**
 * How many terminal columns text takes: East Asian wide and full-width characters and emoji take
 * two, combining marks, zero-width joiners and variation selectors none. Text is measured and cut
 * by grapheme cluster ({@link Graphemes}), as {@code Canvas} draws it: never inside a cluster, never
 * by chars, and ends with an ellipsis when cut.
 */
public final class Width {

    public static final String ELLIPSIS = "…";

    private Width() {
    }

    public static int of(int codePoint) {
        if (codePoint == 0) {
            return 0;
        }
        if (codePoint < 0x300) {
            return 1;
        }
        if (isZeroWidth(codePoint)) {
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    public static int of(String text) {
        if (simple(text)) {
            return text.length();
        }
        int width = 0;
        for (String cluster : Graphemes.of(text)) {
            width += Graphemes.width(cluster);
        }
        return width;
    }

    /** Only characters below U+0300 (no marks, nothing wide, no NUL): one column per char, one cluster each. */
    private static boolean simple(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x300 || c == 0 || c == '\r') {
                return false;
            }
        }
        return true;
    }

    /** The longest prefix that fits {@code columns}, with an ellipsis when anything was cut. */
    public static String cut(String text, int columns) {
        if (columns <= 0) {
            return "";
        }
        if (of(text) <= columns) {
            return text;
        }
        if (simple(text)) {
            return text.substring(0, columns - 1) + ELLIPSIS;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (String cluster : Graphemes.of(text)) {
            int w = Graphemes.width(cluster);
            if (used + w > columns - 1) {
                break;
            }
            out.append(cluster);
            used += w;
        }
        return out.append(ELLIPSIS).toString();
    }

    /** Cut to {@code columns}, then padded with spaces to exactly that width. */
    public static String pad(String text, int columns) {
        String cut = cut(text, columns);
        return cut + " ".repeat(Math.max(0, columns - of(cut)));
    }

    static boolean isZeroWidth(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || cp == 0x200b;
    }

    static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115f)
                || (cp >= 0x231a && cp <= 0x231b) || (cp >= 0x23e9 && cp <= 0x23ec) || cp == 0x23f0 || cp == 0x23f3
                || (cp >= 0x25fd && cp <= 0x25fe) || (cp >= 0x2614 && cp <= 0x2615) || (cp >= 0x2648 && cp <= 0x2653)
                || cp == 0x267f || cp == 0x2693 || cp == 0x26a1 || (cp >= 0x26aa && cp <= 0x26ab)
                || (cp >= 0x26bd && cp <= 0x26be) || (cp >= 0x26c4 && cp <= 0x26c5) || cp == 0x26ce || cp == 0x26d4
                || cp == 0x26ea || (cp >= 0x26f2 && cp <= 0x26f3) || cp == 0x26f5 || cp == 0x26fa || cp == 0x26fd
                || cp == 0x2705 || (cp >= 0x270a && cp <= 0x270b) || cp == 0x2728 || cp == 0x274c || cp == 0x274e
                || (cp >= 0x2753 && cp <= 0x2755) || cp == 0x2757 || (cp >= 0x2795 && cp <= 0x2797) || cp == 0x27b0
                || cp == 0x27bf || (cp >= 0x2b1b && cp <= 0x2b1c) || cp == 0x2b50 || cp == 0x2b55
                || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf)
                || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) || (cp >= 0xa960 && cp <= 0xa97f)
                || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe10 && cp <= 0xfe19)
                || (cp >= 0xfe30 && cp <= 0xfe6f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6)
                || (cp >= 0x1f004 && cp <= 0x1f004) || cp == 0x1f0cf || cp == 0x1f18e || (cp >= 0x1f191 && cp <= 0x1f19a)
                || (cp >= 0x1f200 && cp <= 0x1f251) || (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f680 && cp <= 0x1f6ff)
                || (cp >= 0x1f7e0 && cp <= 0x1f7eb) || (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x1fa70 && cp <= 0x1faff)
                || (cp >= 0x20000 && cp <= 0x2fffd) || (cp >= 0x30000 && cp <= 0x3fffd);
    }
}
