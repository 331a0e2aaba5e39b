package dev.tack.text;

/**
 * Makes text from the database safe to write to a terminal: control characters (C0, DEL, C1),
 * which could start escape sequences, become visible caret or hex forms, and bidirectional
 * overrides, which could disguise text, become {@code <U+202E>}-style marks. Newlines and tabs
 * become visible too unless the caller keeps lines. The line and paragraph separators (U+2028,
 * U+2029), which some terminals break lines at, are marks too (newlines when lines are kept), and
 * the other invisible format characters ({@link Character#FORMAT}: U+200B, soft hyphens, word
 * joiners, a BOM, …) are dropped, so what is measured is what is drawn. Kept of the format
 * characters: the zero-width joiner and the tag characters, which hold emoji sequences together
 * ({@link Graphemes}).
 */
public final class Sanitizer {

    private Sanitizer() {
    }

    /** One line: every control character is shown, newlines included. */
    public static String line(String text) {
        return clean(text, false);
    }

    /** Several lines: newlines are kept, everything else is shown. */
    public static String lines(String text) {
        return clean(text, true);
    }

    private static String clean(String text, boolean keepNewlines) {
        if (text == null) {
            return "";
        }
        if (isClean(text, keepNewlines)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            if (cp == '\n' && keepNewlines) {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(keepNewlines ? "    " : " ");
            } else if (cp < 0x20) {
                out.append('^').append((char) (cp + 0x40));
            } else if (cp == 0x7f) {
                out.append("^?");
            } else if (cp >= 0x80 && cp < 0xa0) {
                out.append(String.format("<%02X>", cp));
            } else if (isBidiControl(cp)) {
                out.append(String.format("<U+%04X>", cp));
            } else if (isSeparator(cp)) {
                out.append(keepNewlines ? "\n" : String.format("<U+%04X>", cp));
            } else if (isDropped(cp)) {
                // invisible: nothing to show, nothing to measure
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean isClean(String text, boolean keepNewlines) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && !(keepNewlines && c == '\n')) || (c >= 0x7f && c < 0xa0)) {
                return false;
            }
            if (c >= 0xa0 && (Character.isHighSurrogate(c) ? c == 0xdb40 : isFormatOrSeparator(c))) {
                return false; // U+E0000-E03FF (tags, variation selectors) are looked at closely
            }
        }
        return true;
    }

    private static boolean isFormatOrSeparator(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean isSeparator(int cp) {
        int type = Character.getType(cp);
        return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** Invisible format characters, except those that hold emoji sequences together. */
    private static boolean isDropped(int cp) {
        return Character.getType(cp) == Character.FORMAT && cp != 0x200d && !(cp >= 0xe0020 && cp <= 0xe007f);
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f
                || cp == 0x061c;
    }
}
