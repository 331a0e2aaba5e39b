package dev.tack.text;

/**
 * Makes text from the database safe to write to a terminal: control characters (C0, DEL, C1),
 * which could start escape sequences, become visible caret or hex forms, and bidirectional
 * overrides, which could disguise text, become {@code <U+202E>}-style marks. Newlines and tabs
 * become visible too unless the caller keeps lines.
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
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean isClean(String text, boolean keepNewlines) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && !(keepNewlines && c == '\n')) || (c >= 0x7f && c < 0xa0) || isBidiControl(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f
                || cp == 0x061c;
    }
}
