package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SanitizingWriterTest {

    private static String through(boolean colours, String... writes) {
        StringWriter target = new StringWriter();
        PrintWriter out = new PrintWriter(new SanitizingWriter(target, colours));
        for (String write : writes) {
            out.print(write);
        }
        out.flush();
        return target.toString();
    }

    @Test
    void stylesMarkersBecomeColoursAndEverythingElseIsShown() {
        Style style = new Style(true);
        String line = style.red("\u001b]0;x\u0007 hot") + " \u009b2J\n";
        assertThat(through(true, line)).isEqualTo("\u001b[31m^[]0;x^G hot\u001b[0m <9B>2J\n");
        assertThat(through(false, line)).isEqualTo("^[]0;x^G hot <9B>2J\n");
    }

    @Test
    void aMarkerHeldByTheDataGivesAtMostAListedColourClosedAtTheLineEnd() {
        assertThat(through(true, "a\uFDD031\uFDD1b\nc")).isEqualTo("a\u001b[31mb\u001b[0m\nc");
        assertThat(through(true, "a\uFDD038;5\uFDD1b")).isEqualTo("a<U+FDD0>38;5\uFDD1b");
        assertThat(through(true, "a\uFDD0")).isEqualTo("a<U+FDD0>");
    }

    @Test
    void aLineEndOfCsvIsANewlineAndALoneReturnIsShown() {
        assertThat(through(false, "a,b\r\n", "c\r", "\nd\re")).isEqualTo("a,b\nc\nd^Me");
    }

    @Test
    void aSurrogatePairSplitAcrossWritesStaysWhole() {
        String emoji = "\uD83D\uDE00";
        assertThat(through(false, emoji.substring(0, 1), emoji.substring(1))).isEqualTo(emoji);
    }

    @Test
    void aClosedStreamBelowIsSeenAbove() {
        java.io.Writer closed = new java.io.Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws java.io.IOException {
                throw new java.io.IOException("broken pipe");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        PrintWriter out = new PrintWriter(new SanitizingWriter(new PrintWriter(closed), false), true);
        out.println("event");
        assertThat(out.checkError()).isTrue();
    }
}
