package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Text from the database is stored exactly as given but never reaches a terminal raw: a title
 * made of escape sequences must not clear the screen, retitle the window or ring the bell.
 */
class TerminalSafetyTest extends EngineCliFixture {

    /** Clear screen, set window title, bell, C1 CSI, DEL, carriage return, backspace, a bidi override, tab. */
    static final String HOSTILE = "\u001b[2J\u001b]0;pwned\u0007 x\u009b31m\u007f\r\b\u202e evil \t end\u0001";

    @Test
    void aHostileTitleRoundTripsThroughJsonExactly() {
        JsonObject added = tack("add", HOSTILE, "--json").expectOk().json().getAsJsonObject();
        assertThat(added.get("title").getAsString()).isEqualTo(HOSTILE);
        long id = added.get("id").getAsLong();
        assertThat(tack("show", String.valueOf(id), "--json").expectOk().json().getAsJsonObject().get("title").getAsString())
                .isEqualTo(HOSTILE);
        assertThat(tack("ls", "--json").expectOk().json().getAsJsonArray().get(0).getAsJsonObject().get("title").getAsString())
                .isEqualTo(HOSTILE);
    }

    @Test
    void jsonOutputCarriesNoRawControlCharacters() {
        long id = add(HOSTILE, "-d", HOSTILE + "\nline two");
        tack("comment", String.valueOf(id), HOSTILE).expectOk();
        for (String[] command : new String[][] {{"show", String.valueOf(id), "--json"}, {"ls", "--json"}, {"log", "--json"}}) {
            String out = tack(command).expectOk().out();
            assertNoControlCharacters(out, String.join(" ", command));
        }
    }

    @Test
    void lsShowAndLogShowControlCharactersInsteadOfSendingThem() {
        long id = add(HOSTILE, "-d", "first\n" + HOSTILE + "\nlast");
        tack("comment", String.valueOf(id), HOSTILE + "\nsecond line").expectOk();
        tack("edit", String.valueOf(id), "--title", HOSTILE + "!").expectOk();

        String ls = tack("ls").expectOk().out();
        assertNoControlCharacters(ls, "ls");
        assertThat(ls).contains("^[[2J^[]0;pwned^G x<9B>31m^?^M^H<U+202E> evil   end^A");

        String show = tack("show", String.valueOf(id)).expectOk().out();
        assertNoControlCharacters(show, "show");
        assertThat(show).startsWith("#1 ^[[2J^[]0;pwned^G");
        assertThat(show).contains("\n  first\n  ^[[2J").contains("\n  last\n");

        assertNoControlCharacters(tack("log").expectOk().out(), "log");
        assertNoControlCharacters(tack().expectOk().out(), "tack");
    }

    /** On PostgreSQL, whose text cannot hold U+0000, the write is refused in one line and nothing is written. */
    @Test
    void aNulCharacterIsStoredAndShownSafely() {
        String title = "before\u0000after";
        if (engine == dev.tack.testing.Engine.POSTGRESQL) {
            CliRun.Snapshot before = snapshot();
            assertThat(tack("add", title).expectError(2).err()).contains("cannot store the NUL character").doesNotContain("\u0000");
            assertThat(snapshot()).isEqualTo(before);
            return;
        }
        JsonObject added = tack("add", title, "--json").expectOk().json().getAsJsonObject();
        long id = added.get("id").getAsLong();
        assertThat(tack("show", String.valueOf(id), "--json").expectOk().json().getAsJsonObject().get("title").getAsString())
                .isEqualTo(title);
        assertThat(tack("ls").expectOk().out()).contains("before^@after");
    }

    @Test
    void errorMessagesQuotingWhatWasTypedStayOneSafeLine() {
        add("a");
        CliRun.Result result = tack("mv", "1", "X\u001b[2J\nY").expectError(3);
        assertThat(result.err()).isEqualTo("tack: no column 'X^[[2J^JY'; columns are: Todo, Doing, Done\n");
        assertNoControlCharacters(tack("add", "x", "--due", "\u001b]0;t\u0007").expectError(2).err(), "bad date");
        assertNoControlCharacters(tack("ls", "--\u001b[2J").expectError(2).err(), "bad option");
        assertNoControlCharacters(tack("--board", "b\u001b[31m", "ls").expectError(3).err(), "bad board");
    }

    /** No C0 control but newline, no DEL, no C1 control, no bidi override. */
    static void assertNoControlCharacters(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n') || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069);
            assertThat(control).as("%s: U+%04X at %d in %s", what, (int) c, i, text).isFalse();
        }
    }
}
