package dev.tack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import org.junit.jupiter.api.Test;

/** The bytes tack's terminal sends for text, captured from the real terminal class over a byte stream; and the stty processes it runs. */
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

    @Test
    void theTerminalIsSetUpWithTwoSttyProcessesAndRestoredWithOne() throws Exception {
        List<String> stty = new ArrayList<>();
        TtySession.UnicodeTerminal terminal = new TtySession.UnicodeTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()) {
            @Override
            protected String runSTTYCommand(String... parameters) {
                stty.add(String.join(" ", parameters));
                return parameters.length == 1 && parameters[0].equals("-g") ? "500:5:bf:8a3b:3:1c:7f:15" : "";
            }
        };
        assertThat(stty).containsExactly("-g", "-icanon min 1 -echo intr undef");

        stty.clear();
        terminal.close();
        // the saved settings bring back echo, line editing and the person's own interrupt key
        assertThat(stty).containsExactly("500:5:bf:8a3b:3:1c:7f:15");
    }

    @Test
    void aFrameReachesTheTerminalInOneWrite() throws Exception {
        List<Integer> writes = new ArrayList<>();
        OutputStream tty = new OutputStream() {
            @Override
            public void write(int b) {
                writes.add(1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                writes.add(length);
            }
        };
        TtySession.FrameOutput out = new TtySession.FrameOutput(tty);
        TtySession.UnicodeTerminal terminal = new TtySession.UnicodeTerminal(new ByteArrayInputStream(new byte[0]), out) {
            @Override
            protected String runSTTYCommand(String... parameters) {
                return "";
            }

            @Override
            protected com.googlecode.lanterna.TerminalSize findTerminalSize() {
                return new com.googlecode.lanterna.TerminalSize(80, 24);
            }
        };
        TerminalScreen screen = new TtySession.FrameScreen(terminal, out);
        screen.startScreen();
        writes.clear();
        Canvas canvas = new Canvas(screen.newTextGraphics());
        for (int row = 0; row < 24; row++) {
            canvas.text(0, row, "row " + row + " élève", 40, row % 2 == 0 ? Pen.PLAIN : Pen.PLAIN.bold());
        }
        screen.refresh(Screen.RefreshType.COMPLETE);

        assertThat(writes).hasSize(1);
        assertThat(writes.get(0)).isGreaterThan(24 * 10);

        writes.clear();
        terminal.bell(); // outside a refresh, bytes go straight out (a query waiting for an answer must not wait for the next frame)
        assertThat(writes).isNotEmpty();
    }
}
