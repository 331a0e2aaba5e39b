package dev.tack.tui;

import java.util.List;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.input.KeyDecodingProfile;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;

/**
 * Mouse reports in the SGR encoding (xterm mode 1006): {@code ESC [ < button ; column ; row M}, or
 * {@code m} for a release, with decimal, 1-based coordinates. Lanterna 3.1 decodes only the legacy
 * encoding, whose coordinates are single bytes and stop at column 223: on a wider terminal clicks
 * past that were lost. Turned into the same {@link MouseAction}s Lanterna makes (0-based).
 */
final class SgrMousePattern implements CharacterPattern {

    /** Turns the encoding on; terminals without it ignore the request and keep the legacy one. */
    static final String ENABLE = "\u001b[?1006h";
    static final String DISABLE = "\u001b[?1006l";

    private static final int MOTION = 32;
    private static final int WHEEL = 64;
    /** Longer than any report (three numbers of five digits): not one of ours. */
    private static final int MAX_LENGTH = 24;

    static KeyDecodingProfile profile() {
        return () -> List.of(new SgrMousePattern());
    }

    @Override
    public Matching match(List<Character> seq) {
        int size = seq.size();
        if (seq.get(0) != KeyDecodingProfile.ESC_CODE) {
            return null;
        }
        if (size > 1 && seq.get(1) != '[' || size > 2 && seq.get(2) != '<' || size > MAX_LENGTH) {
            return null;
        }
        if (size <= 3) {
            return Matching.NOT_YET;
        }
        int[] numbers = new int[3];
        int index = 0;
        boolean digits = false;
        for (int i = 3; i < size; i++) {
            char c = seq.get(i);
            if (c >= '0' && c <= '9') {
                numbers[index] = numbers[index] * 10 + (c - '0');
                digits = true;
            } else if (c == ';' && digits && index < 2) {
                index++;
                digits = false;
            } else if ((c == 'M' || c == 'm') && digits && index == 2 && i == size - 1) {
                return new Matching(action(numbers[0], numbers[1] - 1, numbers[2] - 1, c == 'm'));
            } else {
                return null;
            }
        }
        return Matching.NOT_YET;
    }

    private static MouseAction action(int code, int column, int row, boolean released) {
        TerminalPosition at = new TerminalPosition(Math.max(0, column), Math.max(0, row));
        int button = code & 3;
        if ((code & WHEEL) != 0) {
            return button == 0 ? new MouseAction(MouseActionType.SCROLL_UP, 4, at) : new MouseAction(MouseActionType.SCROLL_DOWN, 5, at);
        }
        if (released) {
            return new MouseAction(MouseActionType.CLICK_RELEASE, 0, at);
        }
        if ((code & MOTION) != 0) {
            return button == 3 ? new MouseAction(MouseActionType.MOVE, 0, at) : new MouseAction(MouseActionType.DRAG, button + 1, at);
        }
        return new MouseAction(MouseActionType.CLICK_DOWN, button + 1, at);
    }
}
