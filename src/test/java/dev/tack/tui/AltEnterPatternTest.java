package dev.tack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

/**
 * Alt+Enter's bytes through Lanterna's decoder, with the profiles the real terminal adds: ESC CR as
 * xterm and tmux send it, and ESC LF as tack reads it after the tty's CR-to-NL translation (which
 * makes a plain Enter LF as well).
 */
class AltEnterPatternTest {

    /** The keys the board's terminal session reads from {@code input}. */
    static List<KeyStroke> decode(String input) throws IOException {
        InputDecoder decoder = new InputDecoder(new StringReader(input));
        decoder.addProfile(new DefaultKeyDecodingProfile());
        decoder.addProfile(SgrMousePattern.profile());
        decoder.addProfile(AltEnterPattern.profile());
        List<KeyStroke> keys = new ArrayList<>();
        KeyStroke key;
        while ((key = decoder.getNextCharacter(false)) != null && key.getKeyType() != KeyType.EOF) {
            keys.add(key);
        }
        return keys;
    }

    @Test
    void escCrAndEscLfAreEnterWithAlt() throws IOException {
        assertAltEnter(decode("a\u001b\rb\n"));
        assertAltEnter(decode("a\u001b\nb\n"));
    }

    private static void assertAltEnter(List<KeyStroke> keys) {
        assertThat(keys).hasSize(4);
        assertThat(keys.get(0).getCharacter()).isEqualTo('a');
        assertThat(keys.get(1).getKeyType()).isEqualTo(KeyType.Enter);
        assertThat(keys.get(1).isAltDown()).isTrue();
        assertThat(keys.get(1).isCtrlDown()).isFalse();
        assertThat(keys.get(2).getCharacter()).isEqualTo('b');
        assertThat(keys.get(3).getKeyType()).isEqualTo(KeyType.Enter);
        assertThat(keys.get(3).isAltDown()).isFalse();
    }

    @Test
    void otherEscapeSequencesAreDecodedAsBefore() throws IOException {
        List<KeyStroke> keys = decode("\u001bx\u001b[A\u001b[<0;300;40M\u001b[1;2C");
        assertThat(keys.get(0).getCharacter()).isEqualTo('x');
        assertThat(keys.get(0).isAltDown()).isTrue();
        assertThat(keys.get(1).getKeyType()).isEqualTo(KeyType.ArrowUp);
        assertThat(keys.get(2)).isInstanceOf(com.googlecode.lanterna.input.MouseAction.class);
        assertThat(keys.get(3).getKeyType()).isEqualTo(KeyType.ArrowRight);
        assertThat(keys.get(3).isShiftDown()).isTrue();
    }
}
