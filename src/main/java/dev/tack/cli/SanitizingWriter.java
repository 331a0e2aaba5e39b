package dev.tack.cli;

import java.io.IOException;
import java.io.Writer;
import dev.tack.text.Sanitizer;

/**
 * The filter at the output boundary: everything written through it reaches the stream with its
 * control characters, escape sequences and bidirectional overrides shown as visible marks
 * ({@link Sanitizer#lines}), newlines kept. The only escape sequences it sends are tack's own
 * colours, which {@link Style} writes as markers (two Unicode noncharacters around a code) and
 * which become SGR sequences here, when colour is on, from a fixed list of codes. Text from the
 * database cannot send anything else: a marker it holds becomes at most one of those colours,
 * closed at the end of its line, and a malformed one is shown.
 */
final class SanitizingWriter extends Writer {

    static final char MARK = '\uFDD0';
    static final char END = '\uFDD1';
    private static final java.util.Set<String> CODES = java.util.Set.of("0", "1", "2", "31", "32", "33", "34", "35", "36");
    private static final int LONGEST_CODE = 2;

    private final Writer target;
    private final boolean colours;
    private final StringBuilder plain = new StringBuilder();
    /** The code of a marker being read, or null outside one. */
    private StringBuilder code;
    private boolean colourOpen;
    private boolean pendingReturn;

    SanitizingWriter(Writer target, boolean colours) {
        this.target = target;
        this.colours = colours;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            accept(chars[i]);
        }
        drain(false);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            accept(text.charAt(i));
        }
        drain(false);
    }

    @Override
    public void write(int c) throws IOException {
        accept((char) c);
        drain(false);
    }

    private void accept(char c) throws IOException {
        if (code != null) {
            if (c == END && CODES.contains(code.toString())) {
                String sgr = code.toString();
                code = null;
                drain(true);
                if (colours) {
                    target.write("\u001b[" + sgr + "m");
                    colourOpen = !sgr.equals("0");
                }
                return;
            }
            if (Character.isDigit(c) && code.length() < LONGEST_CODE) {
                code.append(c);
                return;
            }
            showMarker();
        }
        if (c == MARK) {
            code = new StringBuilder();
            return;
        }
        if (pendingReturn) {
            pendingReturn = false;
            if (c != '\n') {
                plain.append('\r');
            }
        }
        if (c == '\r') {
            pendingReturn = true; // "\r\n" (CSV's line end) is a newline; a lone "\r" is shown as ^M
            return;
        }
        if (c == '\n' && colourOpen) {
            drain(true);
            target.write("\u001b[0m");
            colourOpen = false;
        }
        plain.append(c);
    }

    /** A marker that turned out not to be one of Style's: shown, like any other odd character. */
    private void showMarker() {
        plain.append("<U+FDD0>").append(code);
        code = null;
    }

    /** Writes what has collected, sanitised; a high surrogate at the end waits for its pair unless {@code all}. */
    private void drain(boolean all) throws IOException {
        if (plain.isEmpty()) {
            return;
        }
        int end = plain.length();
        if (!all && Character.isHighSurrogate(plain.charAt(end - 1))) {
            end--;
        }
        target.write(Sanitizer.lines(plain.substring(0, end)));
        plain.delete(0, end);
    }

    @Override
    public void flush() throws IOException {
        if (code != null) {
            showMarker();
        }
        if (pendingReturn) {
            pendingReturn = false;
            plain.append('\r');
        }
        drain(true);
        target.flush();
        // A PrintWriter below swallows a closed pipe; passed up, it ends `tack log --follow | head -1`.
        if (target instanceof java.io.PrintWriter writer && writer.checkError()) {
            throw new IOException("standard output is closed");
        }
    }

    @Override
    public void close() throws IOException {
        flush();
        target.close();
    }
}
