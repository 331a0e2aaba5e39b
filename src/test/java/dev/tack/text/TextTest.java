package dev.tack.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What text becomes on its way to a terminal cell: sanitised, split into clusters, measured. */
class TextTest {

    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    private static final String FRANCE = "\uD83C\uDDEB\uD83C\uDDF7";

    @Test
    void anEmojiZwjSequenceIsOneClusterTwoColumnsWide() {
        assertThat(Graphemes.of("a" + FAMILY + "b")).containsExactly("a", FAMILY, "b");
        assertThat(Width.of(FAMILY)).isEqualTo(2);
        assertThat(Width.of("a" + FAMILY + "b")).isEqualTo(4);
    }

    @Test
    void flagsAndMarksStayWhole() {
        assertThat(Graphemes.of(FRANCE + FRANCE)).containsExactly(FRANCE, FRANCE);
        assertThat(Width.of(FRANCE)).isEqualTo(2);
        assertThat(Graphemes.of("q\u0301x")).containsExactly("q\u0301", "x");
        assertThat(Width.of("q\u0301x")).isEqualTo(2);
    }

    @Test
    void cuttingNeverSplitsACluster() {
        assertThat(Width.cut("ab" + FAMILY + "cd", 4)).isEqualTo("ab…");
        assertThat(Width.cut("ab" + FAMILY + "cd", 5)).isEqualTo("ab" + FAMILY + "…");
    }

    @Test
    void separatorsAndInvisibleFormatCharactersNeverReachTheTerminal() {
        assertThat(Sanitizer.line("one\u2028two\u2029three")).isEqualTo("one<U+2028>two<U+2029>three");
        assertThat(Sanitizer.lines("one\u2028two")).isEqualTo("one\ntwo");
        assertThat(Sanitizer.line("zero\u200Bwidth\u00ADsoft\u2060joined\uFEFF")).isEqualTo("zerowidthsoftjoined");
        assertThat(Sanitizer.line("evil\u202Etxt.exe")).isEqualTo("evil<U+202E>txt.exe");
        assertThat(Sanitizer.line("a" + FAMILY)).isEqualTo("a" + FAMILY);
        String scotland = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
        assertThat(Sanitizer.line(scotland)).isEqualTo(scotland);
        assertThat(Graphemes.of(scotland)).containsExactly(scotland);
    }

    @Test
    void whatIsMeasuredIsWhatIsDrawn() {
        for (String title : new String[] {"a\u2028b", "a\u200Bb", "x\u2029", "\u200Dlone"}) {
            String shown = Sanitizer.line(title);
            int drawn = Graphemes.of(shown).stream().mapToInt(Graphemes::width).sum();
            assertThat(Width.of(shown)).as(title).isEqualTo(drawn);
        }
    }
}
