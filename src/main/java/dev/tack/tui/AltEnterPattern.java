package dev.tack.tui;

import java.util.List;
import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.input.KeyDecodingProfile;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * Alt+Enter as terminals send it (xterm, tmux, most others): {@code ESC CR}, which reaches tack as
 * {@code ESC LF} because Lanterna leaves the tty's CR-to-NL translation on (so a plain Enter is LF
 * too). Lanterna 3.1 reads those two bytes as Ctrl+Alt+J (or Ctrl+Alt+M), which no form knew, so a
 * card could not be saved from its description and a comment's new line was lost. Decoded here as
 * Enter with Alt held; the decoder prefers the pattern added last, so this one wins.
 */
final class AltEnterPattern implements CharacterPattern {

    static KeyDecodingProfile profile() {
        return () -> List.of(new AltEnterPattern());
    }

    @Override
    public Matching match(List<Character> seq) {
        if (seq.get(0) != KeyDecodingProfile.ESC_CODE) {
            return null;
        }
        if (seq.size() == 1) {
            return Matching.NOT_YET;
        }
        return seq.size() == 2 && (seq.get(1) == '\r' || seq.get(1) == '\n') ? new Matching(new KeyStroke(KeyType.Enter, false, true)) : null;
    }
}
