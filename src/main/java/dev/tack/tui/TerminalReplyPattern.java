package dev.tack.tui;

import java.util.List;
import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.input.KeyDecodingProfile;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * A terminal's answer that came after the screen stopped waiting for it ({@link BackgroundQuery}:
 * an OSC answer, {@code ESC ] … BEL} or {@code ESC ] … ESC \}, and device attributes,
 * {@code ESC [ ? 1 ; 2 c}). Lanterna would read them as Alt+] and a run of typed characters, each
 * one a key on the board; decoded here as one {@link Reply}, which the input thread drops.
 */
final class TerminalReplyPattern implements CharacterPattern {

    /** Longer than any answer. */
    private static final int MAX_LENGTH = 64;

    /** A terminal's answer, not a key. */
    static final class Reply extends KeyStroke {
        Reply() {
            super(KeyType.Unknown);
        }
    }

    static KeyDecodingProfile profile() {
        return () -> List.of(new TerminalReplyPattern());
    }

    @Override
    public Matching match(List<Character> seq) {
        int size = seq.size();
        if (seq.get(0) != KeyDecodingProfile.ESC_CODE || size > MAX_LENGTH) {
            return null;
        }
        if (size == 1) {
            return Matching.NOT_YET;
        }
        char second = seq.get(1);
        if (second == ']') {
            for (int i = 2; i < size; i++) {
                char c = seq.get(i);
                if (c == '\u0007') {
                    return i == size - 1 ? new Matching(new Reply()) : null;
                }
                if (c == KeyDecodingProfile.ESC_CODE) {
                    if (i == size - 1) {
                        return Matching.NOT_YET;
                    }
                    return seq.get(i + 1) == '\\' && i + 1 == size - 1 ? new Matching(new Reply()) : null;
                }
            }
            return Matching.NOT_YET;
        }
        if (second == '[') {
            if (size == 2) {
                return Matching.NOT_YET;
            }
            if (seq.get(2) != '?') {
                return null;
            }
            for (int i = 3; i < size; i++) {
                char c = seq.get(i);
                if (c == 'c') {
                    return i == size - 1 && i > 3 ? new Matching(new Reply()) : null;
                }
                if (!(c >= '0' && c <= '9' || c == ';')) {
                    return null;
                }
            }
            return Matching.NOT_YET;
        }
        return null;
    }
}
