package dev.tack.tui;

import java.util.ArrayList;
import java.util.List;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.text.Sanitizer;
import dev.tack.text.Width;

/**
 * An editable line (or several): the text, a cursor (a code point index) and the usual editing
 * keys. Keys it does not use (Tab, Esc, Enter on a single line, Up on the first line…) are left to
 * the form. The text it starts with is sanitised, so what it shows is what it holds.
 */
final class TextField {

    private final boolean multiline;
    private final StringBuilder text = new StringBuilder();
    private int cursor;
    private int firstColumn;
    private int firstRow;
    /** The whole text is selected: the first character typed replaces it, Backspace clears it. */
    private boolean selected;

    TextField(String initial, boolean multiline) {
        this.multiline = multiline;
        set(initial);
    }

    boolean multiline() {
        return multiline;
    }

    String text() {
        return text.toString();
    }

    void set(String value) {
        text.setLength(0);
        text.append(multiline ? Sanitizer.lines(value) : Sanitizer.line(value));
        cursor = text.length();
        firstColumn = 0;
        firstRow = 0;
        selected = false;
    }

    /** Selects the whole text, as a field holding a value (a priority, a limit) does when it is entered. */
    void selectAll() {
        selected = !text.isEmpty();
        cursor = text.length();
    }

    boolean selected() {
        return selected;
    }

    /** Handles an editing key; returns false for keys that belong to the form. */
    boolean handle(KeyStroke key) {
        KeyType type = key.getKeyType();
        if (selected) {
            selected = false;
            boolean typing = type == KeyType.Character && !key.isCtrlDown() && !key.isAltDown() && !Character.isISOControl(key.getCharacter());
            if (typing || type == KeyType.Backspace || type == KeyType.Delete) {
                text.setLength(0);
                cursor = 0;
                if (!typing) {
                    return true;
                }
            }
        }
        switch (type) {
            case Character -> {
                char c = key.getCharacter();
                if (key.isCtrlDown()) {
                    return control(Character.toLowerCase(c));
                }
                if (key.isAltDown() || Character.isISOControl(c)) {
                    return false;
                }
                insert(String.valueOf(c));
                return true;
            }
            case Enter -> {
                if (!multiline || key.isAltDown()) {
                    return false;
                }
                insert("\n");
                return true;
            }
            case Backspace -> {
                if (cursor > 0) {
                    int before = text.offsetByCodePoints(cursor, -1);
                    text.delete(before, cursor);
                    cursor = before;
                }
                return true;
            }
            case Delete -> {
                if (cursor < text.length()) {
                    text.delete(cursor, text.offsetByCodePoints(cursor, 1));
                }
                return true;
            }
            case ArrowLeft -> {
                if (cursor > 0) {
                    cursor = text.offsetByCodePoints(cursor, -1);
                }
                return true;
            }
            case ArrowRight -> {
                if (cursor < text.length()) {
                    cursor = text.offsetByCodePoints(cursor, 1);
                }
                return true;
            }
            case Home -> {
                cursor = lineStart();
                return true;
            }
            case End -> {
                cursor = lineEnd();
                return true;
            }
            case ArrowUp -> {
                return multiline && verticalMove(-1);
            }
            case ArrowDown -> {
                return multiline && verticalMove(1);
            }
            default -> {
                return false;
            }
        }
    }

    private boolean control(char c) {
        switch (c) {
            case 'a' -> cursor = lineStart();
            case 'e' -> cursor = lineEnd();
            case 'u' -> {
                int start = lineStart();
                text.delete(start, cursor);
                cursor = start;
            }
            case 'k' -> text.delete(cursor, lineEnd());
            case 'w' -> {
                int start = cursor;
                while (start > 0 && text.charAt(start - 1) == ' ') {
                    start--;
                }
                while (start > 0 && text.charAt(start - 1) != ' ' && text.charAt(start - 1) != '\n') {
                    start--;
                }
                text.delete(start, cursor);
                cursor = start;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Inserts typed or pasted text; a single-line field turns newlines into spaces. */
    void insert(String value) {
        String clean = multiline ? Sanitizer.lines(value) : Sanitizer.line(value.replace('\n', ' '));
        text.insert(cursor, clean);
        cursor += clean.length();
    }

    private int lineStart() {
        int i = cursor;
        while (i > 0 && text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    private int lineEnd() {
        int i = cursor;
        while (i < text.length() && text.charAt(i) != '\n') {
            i++;
        }
        return i;
    }

    private boolean verticalMove(int direction) {
        int start = lineStart();
        int column = text.codePointCount(start, cursor);
        int target;
        if (direction < 0) {
            if (start == 0) {
                return false;
            }
            int prevEnd = start - 1;
            int prevStart = prevEnd;
            while (prevStart > 0 && text.charAt(prevStart - 1) != '\n') {
                prevStart--;
            }
            target = advance(prevStart, prevEnd, column);
        } else {
            int end = lineEnd();
            if (end >= text.length()) {
                return false;
            }
            int nextStart = end + 1;
            int nextEnd = nextStart;
            while (nextEnd < text.length() && text.charAt(nextEnd) != '\n') {
                nextEnd++;
            }
            target = advance(nextStart, nextEnd, column);
        }
        cursor = target;
        return true;
    }

    private int advance(int from, int limit, int codePoints) {
        int i = from;
        for (int n = 0; n < codePoints && i < limit; n++) {
            i = text.offsetByCodePoints(i, 1);
        }
        return Math.min(i, limit);
    }

    /** Draws the field in a w × h area; the cursor shows as a reversed cell when focused. */
    void render(Canvas canvas, int x, int y, int w, int h, boolean focused, Pen pen) {
        canvas.fill(x, y, w, h, pen);
        if (w <= 1) {
            return;
        }
        if (!multiline) {
            renderLine(canvas, x, y, w, focused, pen);
            return;
        }
        List<int[]> rows = new ArrayList<>(); // {start, end} char indexes of each visual row
        int cursorRow = 0;
        int start = 0;
        String value = text.toString();
        while (true) {
            int lineEnd = value.indexOf('\n', start);
            if (lineEnd < 0) {
                lineEnd = value.length();
            }
            int rowStart = start;
            do {
                int used = 0;
                int end = rowStart;
                while (end < lineEnd) {
                    int cp = value.codePointAt(end);
                    int cw = Width.of(Canvas.displayable(new String(Character.toChars(cp))));
                    if (used + cw > w - 1) {
                        break;
                    }
                    used += cw;
                    end += Character.charCount(cp);
                }
                if (end == rowStart && end < lineEnd) {
                    end += Character.charCount(value.codePointAt(end));
                }
                if (cursor >= rowStart && (cursor < end || cursor == lineEnd && end == lineEnd)) {
                    cursorRow = rows.size();
                }
                rows.add(new int[] {rowStart, end});
                rowStart = end;
            } while (rowStart < lineEnd);
            if (lineEnd >= value.length()) {
                break;
            }
            start = lineEnd + 1;
        }
        if (cursorRow < firstRow) {
            firstRow = cursorRow;
        } else if (cursorRow >= firstRow + h) {
            firstRow = cursorRow - h + 1;
        }
        firstRow = Math.max(0, Math.min(firstRow, Math.max(0, rows.size() - 1)));
        int top = focused ? firstRow : 0; // not being edited: show the beginning
        for (int r = 0; r < h && top + r < rows.size(); r++) {
            int[] row = rows.get(top + r);
            int col = x;
            for (int i = row[0]; i < row[1]; ) {
                int cp = value.codePointAt(i);
                String g = new String(Character.toChars(cp));
                boolean atCursor = focused && i == cursor;
                col += canvas.text(col, y + r, g, x + w - col, atCursor ? pen.reverse() : pen);
                i += Character.charCount(cp);
            }
            if (focused && top + r == cursorRow && (cursor == row[1] || row[0] == row[1])) {
                canvas.put(col, y + r, ' ', pen.reverse());
            }
        }
    }

    private void renderLine(Canvas canvas, int x, int y, int w, boolean focused, Pen pen) {
        String value = text.toString();
        int cursorIndex = value.codePointCount(0, cursor);
        int[] cps = value.codePoints().toArray();
        if (cursorIndex < firstColumn) {
            firstColumn = cursorIndex;
        }
        while (firstColumn < cursorIndex && width(cps, firstColumn, cursorIndex) > w - 1) {
            firstColumn++;
        }
        firstColumn = Math.max(0, Math.min(firstColumn, cps.length));
        int col = x;
        for (int i = firstColumn; i < cps.length; i++) {
            String g = new String(Character.toChars(cps[i]));
            int cw = Width.of(Canvas.displayable(g));
            if (col + cw > x + w) {
                break;
            }
            col += canvas.text(col, y, g, x + w - col, focused && (selected || i == cursorIndex) ? pen.reverse() : pen);
        }
        if (focused && cursorIndex == cps.length && col < x + w) {
            canvas.put(col, y, ' ', pen.reverse());
        }
    }

    private static int width(int[] cps, int from, int to) {
        int w = 0;
        for (int i = from; i < to; i++) {
            w += Width.of(Canvas.displayable(new String(Character.toChars(cps[i]))));
        }
        return w;
    }
}
