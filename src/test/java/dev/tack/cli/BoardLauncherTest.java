package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import org.junit.jupiter.api.Test;

/** Plain {@code tack}: not on a terminal (as in these tests) it prints the board; with --json, the cards. */
class BoardLauncherTest extends CliFixture {

    @Test
    void withoutATerminalPrintsTheBoardAsLsDoes() {
        add("one");
        add("two", "-c", "Done");
        String board = tack().expectOk().out();
        assertThat(board).isEqualTo(tack("ls").expectOk().out());
        assertThat(board).startsWith("Todo (1)\n  #1 one\n");
    }

    @Test
    void withJsonPrintsTheCardsOfTheBoardTheGlobalOptionsName() {
        add("on main");
        tack("board", "add", "side").expectOk();
        tack("--board", "side", "add", "on side").expectOk();

        JsonArray main = tack("--json").expectOk().json().getAsJsonArray();
        assertThat(main).hasSize(1);
        assertThat(main.get(0).getAsJsonObject().get("title").getAsString()).isEqualTo("on main");

        JsonArray side = CliRun.tack("--json", "--board", "side", "--db", db.toString()).expectOk().json().getAsJsonArray();
        assertThat(side).hasSize(1);
        assertThat(side.get(0).getAsJsonObject().get("title").getAsString()).isEqualTo("on side");
        assertThat(tack("--json").out()).isEqualTo(tack("ls", "--json").out());
    }

    @Test
    void aMissingDatabaseIsAnErrorNotAFreshBoardElsewhere() {
        CliRun.Result result = CliRun.tack("--db", folder.resolve("missing.db").toString(), "--json");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("{\"code\":1,").contains("no board database at"); // --json: the error as JSON
        assertThat(folder.resolve("missing.db")).doesNotExist();
    }

    @Test
    void aThemeIsOneOfItsNames() {
        add("one");
        assertThat(tack("--theme", "light").expectOk().out()).startsWith("Todo (1)\n");
        assertThat(tack("--theme", "HIGH-CONTRAST").expectOk().out()).startsWith("Todo (1)\n");
        CliRun.Result result = tack("--theme", "solarized").expectError(2);
        assertThat(result.err().strip()).startsWith("tack: ").contains("'solarized' is not a theme (choose auto, dark, light, high-contrast)")
                .doesNotContain("\n");
        assertThat(result.out()).isEmpty();
    }
}
