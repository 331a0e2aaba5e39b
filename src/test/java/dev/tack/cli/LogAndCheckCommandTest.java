package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class LogAndCheckCommandTest extends EngineCliFixture {

    @Test
    void logPrintsOneLinePerEventOldestFirst() {
        tack("--as", "alice", "add", "a").expectOk();
        tack("--as", "bob", "mv", "1", "Doing").expectOk();
        List<String> lines = tack("log").expectOk().out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("#1 ").endsWith(" added board main (Todo, Doing, Done)");
        assertThat(lines.get(1)).startsWith("#2 ").contains(" alice@").endsWith(" added #1 to Todo \u201ca\u201d");
        assertThat(lines.get(2)).startsWith("#3 ").contains(" bob@").endsWith(" moved #1 from Todo to Doing \u201ca\u201d");
    }

    @Test
    void logSinceSkipsWhatWasSeen() {
        add("a");
        add("b");
        List<String> lines = tack("log", "--since", "2").expectOk().out().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("#3 ").endsWith("added #2 to Todo \u201cb\u201d");
        assertThat(tack("log", "--since", "3").expectOk().out()).isEmpty();
        assertThat(tack("log", "-n", "1").expectOk().out().lines()).hasSize(1);
        tack("log", "--since", "x").expectError(2);
    }

    @Test
    void logLinesCarryTheCardsTitleSanitised() {
        add("evil \u001b[2Jtitle\u0007");
        tack("edit", "1", "--title", "renamed").expectOk();
        List<String> lines = tack("log", "--since", "1").expectOk().out().lines().toList();
        assertThat(lines.get(0)).endsWith("added #1 to Todo \u201cevil ^[[2Jtitle^G\u201d").doesNotContain("\u001b");
        assertThat(lines.get(1)).endsWith("edited #1: title \u201crenamed\u201d");
    }

    @Test
    void logWithBoardShowsThatBoardsEventsOnly() {
        add("on main");
        tack("board", "add", "side").expectOk();
        tack("--board", "side", "add", "on side").expectOk();
        tack("--board", "side", "mv", "2", "Done").expectOk();
        add("main again");

        List<String> side = tack("--board", "side", "log").expectOk().out().lines().toList();
        assertThat(side).hasSize(3);
        assertThat(side.get(0)).endsWith("added board side (Todo, Doing, Done)");
        assertThat(side.get(2)).endsWith("moved #2 from Todo to Done \u201con side\u201d");
        assertThat(tack("--board", "side", "log", "-n", "1").expectOk().out().lines().toList())
                .singleElement().asString().endsWith("moved #2 from Todo to Done \u201con side\u201d");
        assertThat(tack("log", "-n", "1").expectOk().out()).contains("added #3 to Todo");
        JsonArray json = tack("--board", "side", "log", "--json", "-n", "2").expectOk().json().getAsJsonArray();
        assertThat(json).hasSize(2);
        assertThat(json.get(1).getAsJsonObject().getAsJsonObject("after").get("column").getAsString()).isEqualTo("Done");
    }

    @Test
    void logWithJsonPrintsOneArray() {
        add("a");
        tack("edit", "1", "--title", "b").expectOk();
        JsonArray events = tack("log", "--json", "--since", "1").expectOk().json().getAsJsonArray();
        assertThat(StreamSupport.stream(events.spliterator(), false).map(e -> e.getAsJsonObject().get("kind").getAsString()))
                .containsExactly("card.added", "card.edited");
        JsonObject edited = events.get(1).getAsJsonObject();
        assertThat(edited.get("id").getAsLong()).isEqualTo(3);
        assertThat(edited.get("card_id").getAsLong()).isEqualTo(1);
        assertThat(edited.getAsJsonObject("before").get("title").getAsString()).isEqualTo("a");
        assertThat(edited.getAsJsonObject("after").get("title").getAsString()).isEqualTo("b");
        assertThat(edited.getAsJsonObject("after").get("version").getAsLong()).isEqualTo(2);
        assertThat(tack("log", "--json", "--since", "99").expectOk().json().getAsJsonArray()).isEmpty();
    }

    @Test
    void checkPassesASoundFile() {
        add("a");
        add("b", "-c", "Done");
        tack("rm", "1").expectOk();
        CliRun.Result result = tack("check").expectOk();
        assertThat(result.out()).isEqualTo("ok: " + location + (engine == dev.tack.testing.Engine.SQLITE
                ? " passed integrity_check, foreign_key_check, the schema and journal mode checks and tack's invariants\n"
                : " passed the schema checks (version, revision triggers) and tack's invariants\n"));
        JsonObject json = tack("check", "--json").expectOk().json().getAsJsonObject();
        assertThat(json.get("ok").getAsBoolean()).isTrue();
        assertThat(json.getAsJsonArray("problems")).isEmpty();
    }

    @Test
    void checkReportsBrokenPositionsAndFails() {
        add("a");
        add("b");
        execute("UPDATE cards SET position = 5 WHERE id = 2");
        CliRun.Result result = tack("check");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("problem: positions in column Todo (board main) are not contiguous from 0\n");
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).isEqualTo("tack: " + location + " has 1 problem\n");

        CliRun.Result json = tack("check", "--json");
        assertThat(json.exit()).isEqualTo(1);
        assertThat(json.json().getAsJsonObject().get("ok").getAsBoolean()).isFalse();
    }
}
