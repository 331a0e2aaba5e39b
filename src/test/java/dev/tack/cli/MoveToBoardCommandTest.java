package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** {@code tack mv ID [COLUMN] --to-board NAME} (issue 14), on every engine. */
class MoveToBoardCommandTest extends EngineCliFixture {

    @Test
    void theCardKeepsItsIdCommentsLinksAndHistoryAndTheEventSaysWhereFrom() {
        tack("board", "add", "other", "--columns", "Inbox,Later").expectOk();
        long first = add("first");
        long card = add("move me", "-t", "x");
        tack("comment", String.valueOf(card), "a note").expectOk();
        tack("link", String.valueOf(card), "--after", String.valueOf(first)).expectOk();

        CliRun.Result move = tack("mv", String.valueOf(card), "Later", "--to-board", "other");
        assertThat(move.exit()).isZero();
        assertThat(move.out()).isEqualTo("#" + card + " → other / Later (position 0)\n");
        assertThat(move.err()).isEqualTo("tack: note: #" + card + " is still waiting for #" + first + "\n"); // links cross boards

        assertThat(titles(tack("ls", "--json").expectOk().json())).containsExactly("first");
        JsonObject moved = tack("--board", "other", "ls", "--json").expectOk().json().getAsJsonArray().get(0).getAsJsonObject();
        assertThat(moved.get("id").getAsLong()).isEqualTo(card);
        assertThat(moved.get("column").getAsString()).isEqualTo("Later");
        String shown = tack("show", String.valueOf(card)).expectOk().out();
        assertThat(shown).contains("a note", "#" + first + " first", "added #" + card,
                "moved #" + card + " from board main (Todo) to board other (Later)");
        assertThat(tack("check").expectOk().out()).doesNotContain("problem");

        // no column: the target's first; back to its own board works the same way
        assertThat(tack("mv", String.valueOf(card), "--to-board", "main").out()).isEqualTo("#" + card + " → main / Todo (position 1)\n");
    }

    @Test
    void undoOnTheOldBoardDoesNotReachACardThatLeftIt() {
        tack("board", "add", "other").expectOk();
        long card = add("leaves");
        tack("mv", String.valueOf(card), "Doing", "--to-board", "other").expectOk();
        CliRun.Snapshot before = snapshot();
        assertThat(tack("undo").expectError(4).err()).contains("moved to another board since");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theTargetsHardLimitAndGateRefuseAndNothingIsWritten() {
        tack("board", "add", "other", "--columns", "Todo").expectOk();
        tack("--board", "other", "column", "add", "Full", "--wip", "1", "--hard").expectOk();
        tack("--board", "other", "column", "add", "Gate").expectOk();
        tack("--board", "other", "column", "gate", "Gate").expectOk();
        tack("--board", "other", "add", "already there", "-c", "Full").expectOk();
        long prerequisite = add("prerequisite");
        long card = add("waits", "--after", String.valueOf(prerequisite));
        CliRun.Snapshot before = snapshot();

        assertThat(tack("mv", String.valueOf(card), "Full", "--to-board", "other").expectError(4).err())
                .contains("Full is at its hard WIP limit (1/1)");
        assertThat(tack("mv", String.valueOf(card), "Gate", "--to-board", "other").expectError(4).err())
                .contains("Gate takes only ready cards");
        tack("mv", String.valueOf(card), "Todo", "--to-board", "nowhere").expectError(3);
        tack("mv", String.valueOf(card), "Nope", "--to-board", "other").expectError(3);
        tack("mv", "999", "Todo", "--to-board", "other").expectError(3);
        tack("mv", String.valueOf(card)).expectError(2);
        tack("mv", String.valueOf(card), "Todo", "--to-board", " ").expectError(2);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(titles(tack("ls", "--json").expectOk().json())).containsExactly("prerequisite", "waits");
    }

    @Test
    void lsAllBoardsQueryReadsAsTheScreensFilter() {
        tack("board", "add", "other").expectOk();
        add("Write the README", "-t", "docs");
        add("release", "-d", "see the readme first", "-a", "ann");
        tack("--board", "other", "add", "readme for other", "-t", "Docs").expectOk();
        tack("--board", "other", "add", "unrelated").expectOk();

        List<String> found = new ArrayList<>();
        for (JsonElement card : tack("ls", "--all-boards", "-q", "README", "--json").expectOk().json().getAsJsonArray()) {
            found.add(card.getAsJsonObject().get("board").getAsString() + ":" + card.getAsJsonObject().get("title").getAsString());
        }
        assertThat(found).containsExactly("main:Write the README", "main:release", "other:readme for other");
        assertThat(titles(tack("ls", "--all-boards", "-q", "readme tag:docs", "--json").expectOk().json()))
                .containsExactly("Write the README", "readme for other");
        assertThat(titles(tack("ls", "--all-boards", "-q", "@ann", "--json").expectOk().json())).containsExactly("release");
        assertThat(tack("ls", "--all-boards", "-q", "readme").expectOk().out()).contains("board main", "board other", "readme for other");
    }

    private static List<String> titles(JsonElement cards) {
        List<String> titles = new ArrayList<>();
        cards.getAsJsonArray().forEach(c -> titles.add(c.getAsJsonObject().get("title").getAsString()));
        return titles;
    }
}
