package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** Tags, priorities, ids, positions, the default board and the wording of answers, as README describes them. */
class ArgumentsAndWordingTest extends EngineCliFixture {

    private JsonObject card(long id) {
        return tack("--json", "show", String.valueOf(id)).expectOk().json().getAsJsonObject();
    }

    /** The card's tags, sorted. */
    private String tags(long id) {
        java.util.List<String> tags = new java.util.ArrayList<>();
        card(id).getAsJsonArray("tags").forEach(t -> tags.add(t.getAsString()));
        return tags.stream().sorted().toList().toString();
    }

    @Test
    void removingATagWorksForEveryNameAsReadmeShows() {
        long id = add("x", "-t", "docs,alpha,pages,tests,keep");
        tack("edit", String.valueOf(id), "-t", "+urgent", "-t", "-docs").expectOk(); // README's own example
        assertThat(tags(id)).isEqualTo("[alpha, keep, pages, tests, urgent]");
        tack("edit", String.valueOf(id), "-t", "-alpha", "--tag", "-pages", "-t-tests").expectOk();
        assertThat(tags(id)).isEqualTo("[keep, urgent]");
        tack("edit", String.valueOf(id), "-t", "+new,-urgent").expectOk(); // a comma list adds and removes too
        assertThat(tags(id)).isEqualTo("[keep, new]");
        tack("edit", String.valueOf(id), "--tag=-keep").expectOk();
        assertThat(tags(id)).isEqualTo("[new]");
        long plus = add("y", "-t", "+a,b", "-t", "c");
        assertThat(tags(plus)).isEqualTo("[a, b, c]");
    }

    @Test
    void priorityTakesTheMarksTheScreenShows() {
        long id = add("x", "-p", "!!!");
        assertThat(card(id).get("priority").getAsInt()).isEqualTo(3);
        tack("edit", String.valueOf(id), "-p", "!").expectOk();
        assertThat(card(id).get("priority").getAsInt()).isEqualTo(1);
        tack("edit", String.valueOf(id), "--priority", "0").expectOk();
        assertThat(card(id).get("priority").getAsInt()).isZero();
    }

    @Test
    void idsAreAsciiDigitsOptionallyAfterAHash() {
        long id = add("x");
        assertThat(tack("mv", "#" + id, "Doing").expectOk().out()).startsWith("#1 → Doing");
        tack("mv", "\u0661", "Done").expectError(2);
        assertThat(card(id).get("column").getAsString()).isEqualTo("Doing");
    }

    @Test
    void positionsAreZeroOrMoreEverywhereAndPastTheEndMeansTheEnd() {
        add("a");
        add("b");
        tack("mv", "1", "Todo", "--pos", "99").expectOk();
        assertThat(card(1).get("position").getAsInt()).isEqualTo(1);
        tack("column", "add", "First", "--pos", "0").expectOk();
        tack("column", "add", "Last", "--pos", "99").expectOk();
        tack("column", "move", "Last", "1").expectOk();
        assertThat(tack("column", "ls").expectOk().out().lines().map(l -> l.split(" ")[0]).toList())
                .containsExactly("First", "Last", "Todo", "Doing", "Done");
    }

    @Test
    void anEditThatChangesNothingWritesNothing() {
        long id = add("x", "-p", "2", "-t", "a");
        CliRun.Snapshot before = snapshot();
        assertThat(tack("edit", String.valueOf(id), "-p", "2", "-t", "+a", "--title", "x").expectOk().out())
                .isEqualTo("#1 unchanged: it already had those values (version 1)\n");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(tack("log").expectOk().out()).doesNotContain("no change").doesNotContain("edited");
        assertThat(tack("edit", String.valueOf(id), "-p", "3").expectOk().out()).isEqualTo("#1 edited (version 2)\n");
    }

    @Test
    void aFilteredListCountsTheCardsItShows() {
        add("one", "-t", "bug");
        add("two");
        assertThat(tack("ls", "-t", "nosuchtag").expectOk().out()).startsWith("Todo (0 of 2)\n  (empty)\nDoing (0)\n");
        assertThat(tack("ls", "-t", "bug").expectOk().out()).startsWith("Todo (1 of 2)\n  #1 one #bug\n");
        tack("column", "wip", "Todo", "1").expectOk();
        assertThat(tack("ls", "-t", "bug").expectOk().out()).startsWith("Todo (1 of 2/1) over limit\n");
        assertThat(tack("ls").expectOk().out()).startsWith("Todo (2/1) over limit\n");
    }

    @Test
    void anArchivedCardHasNoPositionInJson() {
        add("x");
        JsonObject undone = tack("--json", "undo").expectOk().json().getAsJsonObject(); // undoing the add archives it
        assertThat(undone.get("archived").getAsBoolean()).isTrue();
        assertThat(undone.get("position").isJsonNull()).isTrue();
        assertThat(tack("--json", "rm", String.valueOf(add("y"))).expectOk().json().getAsJsonObject().get("position").isJsonNull()).isTrue();
    }

    @Test
    void onlyTackItselfHasVersionOption() {
        assertThat(tack("--help").expectOk().out()).contains("-V, --version");
        for (String[] command : new String[][] {{"ls", "--help"}, {"add", "--help"}, {"column", "--help"}, {"column", "add", "--help"},
            {"board", "rename", "--help"}, {"worker", "--help"}}) {
            assertThat(tack(command).expectOk().out()).as(String.join(" ", command)).contains("-h, --help").doesNotContain("--version");
        }
        assertThat(tack("--version").expectOk().out()).startsWith("tack ");
    }

    @Test
    void withoutMainTheOldestBoardIsTheDefault() {
        add("on the first board");
        tack("board", "add", "side").expectOk();
        assertThat(tack("board", "rename", "main", "work").expectOk().out())
                .isEqualTo("renamed board main to work (without --board, tack now uses the oldest board, work)\n");
        assertThat(tack("ls").expectOk().out()).contains("#1 on the first board");
        assertThat(tack().expectOk().out()).contains("#1 on the first board");
        tack("add", "second").expectOk();
        assertThat(tack("--board", "side", "ls").expectOk().out()).doesNotContain("second");
        tack("board", "add", "main").expectOk(); // a board named main is the default again
        assertThat(tack("ls").expectOk().out()).doesNotContain("on the first board");
    }
}
