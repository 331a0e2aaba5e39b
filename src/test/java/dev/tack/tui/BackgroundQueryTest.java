package dev.tack.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

/** Reading the terminal's background: its answer to OSC 11, COLORFGBG, and the answers kept out of the keys. */
class BackgroundQueryTest {

    private static final Theme.Background LIGHT = Theme.Background.LIGHT;
    private static final Theme.Background DARK = Theme.Background.DARK;

    @Test
    void colourSpecificationsAsTerminalsAnswer() {
        assertThat(BackgroundQuery.parse("rgb:ffff/ffff/ffff")).contains(LIGHT); // xterm, VTE
        assertThat(BackgroundQuery.parse("rgb:c0c0/c0c0/c0c0")).contains(LIGHT); // tmux's "white"
        assertThat(BackgroundQuery.parse("rgb:1d1d/2020/2121")).contains(DARK);
        assertThat(BackgroundQuery.parse("rgb:0/0/0")).contains(DARK);
        assertThat(BackgroundQuery.parse("rgb:fd/f6/e3")).contains(LIGHT); // two digits a channel (Solarized light)
        assertThat(BackgroundQuery.parse("rgba:0000/2b2b/3636/ffff")).contains(DARK); // Solarized dark, with alpha
        assertThat(BackgroundQuery.parse("#ffffff")).contains(LIGHT);
        assertThat(BackgroundQuery.parse("rgb:7f7f/7f7f/7f7f")).contains(LIGHT); // mid grey: black text reads better on it
        assertThat(BackgroundQuery.parse("rgb:5f5f/5f5f/5f5f")).contains(DARK);
        assertThat(BackgroundQuery.parse("rgb:zz/00/00")).isEmpty();
        assertThat(BackgroundQuery.parse("rgb:00/00")).isEmpty();
        assertThat(BackgroundQuery.parse("?")).isEmpty();
    }

    @Test
    void colorfgbgNamesTheBackgroundLast() {
        assertThat(BackgroundQuery.fromColorfgbg("0;15")).contains(LIGHT);
        assertThat(BackgroundQuery.fromColorfgbg("0;7")).contains(LIGHT);
        assertThat(BackgroundQuery.fromColorfgbg("15;0")).contains(DARK);
        assertThat(BackgroundQuery.fromColorfgbg("7;default;0")).contains(DARK);
        assertThat(BackgroundQuery.fromColorfgbg("15;8")).contains(DARK);
        assertThat(BackgroundQuery.fromColorfgbg("default;default")).isEmpty();
        assertThat(BackgroundQuery.fromColorfgbg("0;99")).isEmpty();
        assertThat(BackgroundQuery.fromColorfgbg(null)).isEmpty();
    }

    @Test
    void theThemeFollowsTheAnswerThenColorfgbgThenDark() {
        Map<String, String> light16 = Map.of("TERM", "xterm", "COLORFGBG", "0;15");
        assertThat(Theme.choose(ThemeChoice.AUTO, Optional.empty(), light16::get).name()).isEqualTo("light-16");
        assertThat(Theme.choose(ThemeChoice.AUTO, Optional.of(DARK), light16::get).name()).as("the answer wins").isEqualTo("dark-16");
        assertThat(Theme.choose(ThemeChoice.AUTO, Optional.empty(), Map.of("TERM", "xterm-256color")::get).name()).isEqualTo("dark-256");
        assertThat(Theme.choose(ThemeChoice.AUTO, Optional.empty(), Map.of("TERM", "xterm")::get).name())
                .as("16 colours, nobody said which background").isEqualTo("either-16");
        assertThat(Theme.choose(ThemeChoice.DARK, Optional.empty(), Map.of("TERM", "xterm")::get).name()).isEqualTo("dark-16");
        assertThat(Theme.choose(ThemeChoice.AUTO, Optional.of(LIGHT), Map.of("TERM", "screen", "COLORTERM", "truecolor")::get).name())
                .isEqualTo("light-256");
        assertThat(Theme.choose(ThemeChoice.DARK, Optional.of(LIGHT), Map.of("TERM", "tmux-256color")::get).name()).isEqualTo("dark-256");
        assertThat(Theme.choose(ThemeChoice.HIGH_CONTRAST, Optional.of(LIGHT), Map.of("TERM", "xterm")::get).name())
                .isEqualTo("high-contrast-light-16");
    }

    @Test
    void themeNamesAsPeopleTypeThem() {
        assertThat(ThemeChoice.parse("Light")).isEqualTo(ThemeChoice.LIGHT);
        assertThat(ThemeChoice.parse(" high-contrast ")).isEqualTo(ThemeChoice.HIGH_CONTRAST);
        assertThat(ThemeChoice.parse("high_contrast")).isEqualTo(ThemeChoice.HIGH_CONTRAST);
        assertThat(ThemeChoice.HIGH_CONTRAST.label()).isEqualTo("high-contrast");
        assertThatThrownBy(() -> ThemeChoice.parse("solarized")).hasMessage("'solarized' is not a theme (choose auto, dark, light, high-contrast)");
    }

    @Test
    void theAnswersAreTakenOutAndTheKeysAroundThemKept() {
        BackgroundQuery.Scan scan = new BackgroundQuery.Scan();
        feed(scan, "j\u001b]11;rgb:ffff/ffff/ffff\u001b\\k\u001b[?1;2cl");
        assertThat(scan.finished()).isTrue();
        assertThat(scan.answered()).isTrue();
        assertThat(scan.background()).contains(LIGHT);
        assertThat(new String(scan.rest(), StandardCharsets.ISO_8859_1)).isEqualTo("jkl");
    }

    @Test
    void anAnswerInPiecesAndOneEndedByBel() {
        BackgroundQuery.Scan scan = new BackgroundQuery.Scan();
        feed(scan, "\u001b");
        feed(scan, "]11;rgb:00");
        assertThat(scan.background()).isEmpty();
        feed(scan, "00/0000/0000\u0007\u001b[A\u001b");
        assertThat(scan.background()).contains(DARK);
        assertThat(scan.finished()).isFalse();
        feed(scan, "[?62;22c");
        assertThat(scan.finished()).isTrue();
        assertThat(new String(scan.rest(), StandardCharsets.ISO_8859_1)).as("an arrow key typed meanwhile").isEqualTo("\u001b[A");
    }

    @Test
    void aTerminalWithoutOsc11AnswersOnlyTheAttributes() {
        BackgroundQuery.Scan scan = new BackgroundQuery.Scan();
        feed(scan, "\u001b[?1;2c");
        assertThat(scan.finished()).isTrue();
        assertThat(scan.answered()).isFalse();
        assertThat(scan.background()).isEmpty();
    }

    @Test
    void aLoneEscapeTypedWhileWaitingIsKept() {
        BackgroundQuery.Scan scan = new BackgroundQuery.Scan();
        feed(scan, "q\u001b");
        assertThat(new String(scan.rest(), StandardCharsets.ISO_8859_1)).isEqualTo("q\u001b");
    }

    @Test
    void theLinuxConsoleAndDumbTerminalsAreNotAsked() {
        assertThat(BackgroundQuery.worthAsking(Map.of("TERM", "xterm")::get)).isTrue();
        assertThat(BackgroundQuery.worthAsking(Map.of("TERM", "linux")::get)).isFalse();
        assertThat(BackgroundQuery.worthAsking(Map.of("TERM", "dumb")::get)).isFalse();
        assertThat(BackgroundQuery.worthAsking(Map.<String, String>of()::get)).isFalse();
    }

    @Test
    void anAnswerThatComesLateIsNoKey() throws IOException {
        List<KeyStroke> keys = decode("\u001b]11;rgb:ffff/ffff/ffff\u001b\\j\u001b[?1;2c\u001b]11;rgb:0/0/0\u0007k\u001b[A");
        assertThat(keys).hasSize(6);
        assertThat(keys.get(0)).isInstanceOf(TerminalReplyPattern.Reply.class);
        assertThat(((TerminalReplyPattern.Reply) keys.get(0)).background()).as("news for the theme").contains(LIGHT);
        assertThat(keys.get(1).getCharacter()).isEqualTo('j');
        assertThat(keys.get(2)).isInstanceOf(TerminalReplyPattern.Reply.class);
        assertThat(keys.get(3)).isInstanceOf(TerminalReplyPattern.Reply.class);
        assertThat(((TerminalReplyPattern.Reply) keys.get(3)).background()).contains(DARK);
        assertThat(((TerminalReplyPattern.Reply) keys.get(2)).background()).isEmpty();
        assertThat(keys.get(4).getCharacter()).isEqualTo('k');
        assertThat(keys.get(5).getKeyType()).isEqualTo(KeyType.ArrowUp);
    }

    @Test
    void alongsideTheOtherKeys() throws IOException {
        List<KeyStroke> keys = decode("\u001b[A\u001b[1;2Cx");
        assertThat(keys).extracting(KeyStroke::getKeyType).containsExactly(KeyType.ArrowUp, KeyType.ArrowRight, KeyType.Character);
    }

    private static List<KeyStroke> decode(String input) throws IOException {
        InputDecoder decoder = new InputDecoder(new StringReader(input));
        decoder.addProfile(new DefaultKeyDecodingProfile());
        decoder.addProfile(SgrMousePattern.profile());
        decoder.addProfile(AltEnterPattern.profile());
        decoder.addProfile(TerminalReplyPattern.profile());
        List<KeyStroke> keys = new ArrayList<>();
        KeyStroke key;
        while ((key = decoder.getNextCharacter(false)) != null && key.getKeyType() != KeyType.EOF) {
            keys.add(key);
        }
        return keys;
    }

    private static void feed(BackgroundQuery.Scan scan, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        scan.feed(bytes, bytes.length);
    }
}
