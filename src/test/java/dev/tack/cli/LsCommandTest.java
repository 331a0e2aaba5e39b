package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import org.junit.jupiter.api.Test;

class LsCommandTest extends CliFixture {

    @Test
    void archivedListsTheArchivedCardsWithTheColumnTheyLeft() {
        long kept = add("kept");
        long gone = add("gone bug", "-c", "Doing");
        long other = add("gone too");
        tack("rm", Long.toString(gone)).expectOk();
        tack("rm", Long.toString(other)).expectOk();

        assertThat(tack("ls", "--archived").expectOk().out().lines())
                .containsExactly("Archived (2)", "  #" + gone + " gone bug (from Doing)", "  #" + other + " gone too (from Todo)");
        assertThat(tack("ls", "--archived", "-q", "bug").expectOk().out()).contains("#" + gone).doesNotContain("#" + other);
        JsonArray json = tack("ls", "--archived", "--json").expectOk().json().getAsJsonArray();
        assertThat(json).hasSize(2);
        assertThat(json.get(0).getAsJsonObject().get("archived").getAsBoolean()).isTrue();
        assertThat(tack("ls").expectOk().out()).contains("#" + kept).doesNotContain("#" + gone);
    }

    @Test
    void allBoardsSearchesEveryBoardOfTheDatabase() {
        long here = add("fix the login bug");
        add("write docs");
        tack("board", "add", "ops").expectOk();
        long there = Long.parseLong(tack("--board", "ops", "add", "bug in the backup job").expectOk().out().strip());

        String out = tack("ls", "--all-boards", "-q", "bug").expectOk().out();

        assertThat(out).contains("board main", "#" + here, "board ops", "#" + there).doesNotContain("write docs");
        assertThat(out.indexOf("board main")).isLessThan(out.indexOf("#" + here));
        assertThat(out.indexOf("board ops")).isLessThan(out.indexOf("#" + there)).isGreaterThan(out.indexOf("#" + here));
        JsonArray json = tack("ls", "--all-boards", "-q", "bug", "--json").expectOk().json().getAsJsonArray();
        assertThat(json).hasSize(2);
        assertThat(json.get(1).getAsJsonObject().get("board").getAsString()).isEqualTo("ops");
        assertThat(tack("ls", "--json").expectOk().json().getAsJsonArray().get(0).getAsJsonObject().has("board")).isFalse();
    }
}
