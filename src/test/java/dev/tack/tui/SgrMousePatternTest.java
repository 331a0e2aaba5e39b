package dev.tack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import org.junit.jupiter.api.Test;

/** The terminal's input decoded as the board's session decodes it: Lanterna's keys, plus SGR mouse reports. */
class SgrMousePatternTest {

    private static List<KeyStroke> decode(String input) throws IOException {
        InputDecoder decoder = new InputDecoder(new StringReader(input));
        decoder.addProfile(new DefaultKeyDecodingProfile());
        decoder.addProfile(SgrMousePattern.profile());
        List<KeyStroke> keys = new ArrayList<>();
        KeyStroke key;
        while ((key = decoder.getNextCharacter(false)) != null && key.getKeyType() != KeyType.EOF) {
            keys.add(key);
        }
        return keys;
    }

    private static void assertMouse(KeyStroke key, MouseActionType type, int button, int column, int row) {
        assertThat(key).isInstanceOf(MouseAction.class);
        MouseAction mouse = (MouseAction) key;
        assertThat(mouse.getActionType()).isEqualTo(type);
        assertThat(mouse.getButton()).isEqualTo(button);
        assertThat(mouse.getPosition()).isEqualTo(new TerminalPosition(column, row));
    }

    @Test
    void pressDragAndReleasePastColumn223() throws IOException {
        List<KeyStroke> keys = decode("\u001b[<0;300;40M\u001b[<32;301;40M\u001b[<0;302;41mq");
        assertThat(keys).hasSize(4);
        assertMouse(keys.get(0), MouseActionType.CLICK_DOWN, 1, 299, 39);
        assertMouse(keys.get(1), MouseActionType.DRAG, 1, 300, 39);
        assertMouse(keys.get(2), MouseActionType.CLICK_RELEASE, 0, 301, 40);
        assertThat(keys.get(3).getCharacter()).isEqualTo('q');
    }

    @Test
    void theWheelAndOtherButtons() throws IOException {
        List<KeyStroke> keys = decode("\u001b[<64;10;5M\u001b[<65;10;5M\u001b[<2;1;1M\u001b[<35;7;8M");
        assertMouse(keys.get(0), MouseActionType.SCROLL_UP, 4, 9, 4);
        assertMouse(keys.get(1), MouseActionType.SCROLL_DOWN, 5, 9, 4);
        assertMouse(keys.get(2), MouseActionType.CLICK_DOWN, 3, 0, 0);
        assertMouse(keys.get(3), MouseActionType.MOVE, 0, 6, 7);
    }

    @Test
    void keysAndLegacyMouseReportsAreDecodedAsBefore() throws IOException {
        List<KeyStroke> keys = decode("\u001b[A\u001b[M" + (char) 32 + (char) (33 + 5) + (char) (33 + 3) + "x\u001b[1;2C");
        assertThat(keys.get(0).getKeyType()).isEqualTo(KeyType.ArrowUp);
        assertMouse(keys.get(1), MouseActionType.CLICK_DOWN, 1, 5, 3);
        assertThat(keys.get(2).getCharacter()).isEqualTo('x');
        assertThat(keys.get(3).getKeyType()).isEqualTo(KeyType.ArrowRight);
        assertThat(keys.get(3).isShiftDown()).isTrue();
    }

    @Test
    void somethingElseAfterTheIntroducerIsNotAMouseReport() {
        SgrMousePattern pattern = new SgrMousePattern();
        assertThat(pattern.match(chars("\u001b[<1;2"))).isSameAs(com.googlecode.lanterna.input.CharacterPattern.Matching.NOT_YET);
        assertThat(pattern.match(chars("\u001b[<1;2;3;4M"))).isNull();
        assertThat(pattern.match(chars("\u001b[<;2;3M"))).isNull();
        assertThat(pattern.match(chars("\u001b[A"))).isNull();
        assertThat(pattern.match(chars("x"))).isNull();
    }

    private static List<Character> chars(String text) {
        List<Character> list = new ArrayList<>();
        for (char c : text.toCharArray()) {
            list.add(c);
        }
        return list;
    }
}
