package dev.tack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import org.junit.jupiter.api.Test;

/** The bytes tack's terminal sends for text, captured from the real terminal class over a byte stream. */
class TerminalBytesTest {

    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";

    private static byte[] drawn(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TtySession.UnicodeTerminal terminal = new TtySession.UnicodeTerminal(new ByteArrayInputStream(new byte[0]), out) {
            @Override
            protected String runSTTYCommand(String... parameters) {
                return ""; // no tty here
            }

            @Override
            protected com.googlecode.lanterna.TerminalSize findTerminalSize() {
                return new com.googlecode.lanterna.TerminalSize(80, 24); // nobody answers a size query here
            }
        };
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        out.reset();
        new Canvas(screen.newTextGraphics()).text(0, 0, text, 40, Pen.PLAIN);
        screen.refresh(Screen.RefreshType.COMPLETE);
        terminal.flush();
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void accentedLettersAreSentWithoutNulBytes() throws Exception {
        byte[] bytes = drawn("e\u0301le\u0300ve ü ñ");
        assertThat(bytes).doesNotContain((byte) 0);
        assertThat(indexOf(bytes, "élève ü ñ".getBytes(StandardCharsets.UTF_8))).isGreaterThanOrEqualTo(0);
    }

    @Test
    void anEmojiZwjSequenceIsSentWholeInOneCell() throws Exception {
        byte[] bytes = drawn("a" + FAMILY + "b");
        assertThat(bytes).doesNotContain((byte) 0);
        // the whole cluster, then straight on with the next letter: no cursor move, no cells in between
        assertThat(indexOf(bytes, ("a" + FAMILY + "b").getBytes(StandardCharsets.UTF_8))).isGreaterThanOrEqualTo(0);
    }
}
