package dev.tack.tui;

import java.util.List;
import java.util.Optional;
import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.input.KeyDecodingProfile;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * A terminal's answer that came after the screen stopped waiting for it ({@link BackgroundQuery}:
 * an OSC answer, {@code ESC ] … BEL} or {@code ESC ] … ESC \}, and device attributes,
 * {@code ESC [ ? 1 ; 2 c}). Lanterna would read them as Alt+] and a run of typed characters, each
 * one a key on the board; decoded here as one {@link Reply}. The input thread drops it, unless it
 * names the background: then the screen takes that theme late (a slow link), rather than never.
 */
final class TerminalReplyPattern implements CharacterPattern {

    /** Longer than any answer. */
    private static final int MAX_LENGTH = 64;

    /** A terminal's answer, not a key; the background when it is the answer to OSC 11. */
    static final class Reply extends KeyStroke {
        private final Optional<Theme.Background> background;

        Reply(Optional<Theme.Background> background) {
            super(KeyType.Unknown);
            this.background = background;
        }

        Optional<Theme.Background> background() {
            return background;
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
                    return i == size - 1 ? new Matching(osc(seq, i)) : null;
                }
                if (c == KeyDecodingProfile.ESC_CODE) {
                    if (i == size - 1) {
                        return Matching.NOT_YET;
                    }
                    return seq.get(i + 1) == '\\' && i + 1 == size - 1 ? new Matching(osc(seq, i)) : null;
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
                    return i == size - 1 && i > 3 ? new Matching(new Reply(Optional.empty())) : null;
                }
                if (!(c >= '0' && c <= '9' || c == ';')) {
                    return null;
                }
            }
            return Matching.NOT_YET;
        }
        return null;
    }

    /** The OSC answer from {@code ESC ]} up to its terminator at {@code end}. */
    private static Reply osc(List<Character> seq, int end) {
        StringBuilder body = new StringBuilder();
        for (int i = 2; i < end; i++) {
            body.append(seq.get(i));
        }
        String text = body.toString();
        return new Reply(text.startsWith("11;") ? BackgroundQuery.parse(text.substring(3)) : Optional.empty());
    }
}
