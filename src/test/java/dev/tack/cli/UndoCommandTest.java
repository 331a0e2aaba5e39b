package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import org.junit.jupiter.api.Test;

class UndoCommandTest extends CliFixture {

    @Test
    void undoAndRedoSayInWordsWhatTheyDid() {
        long id = add("write the test");
        tack("mv", Long.toString(id), "Doing").expectOk();

        assertThat(tack("undo").expectOk().out())
                .isEqualTo("undid: moved #" + id + " from Todo to Doing — #" + id + " is now in Todo\n");
        assertThat(tack("redo").expectOk().out())
                .isEqualTo("redid: moved #" + id + " from Todo to Doing — #" + id + " is now in Doing\n");
        tack("undo").expectOk();
        assertThat(tack("undo").expectOk().out()).isEqualTo("undid: added #" + id + " to Todo — #" + id + " is now archived\n");
        assertThat(tack("log", "-n", "1").expectOk().out()).contains("undid: added #" + id + " to Todo");
    }

    @Test
    void listShowsWhatTheNextUndosWouldRevertNewestFirstAndChangesNothing() {
        long id = add("write the test");
        tack("mv", Long.toString(id), "Doing").expectOk();
        tack("edit", Long.toString(id), "--title", "write the tests").expectOk();
        tack("--as", "bob", "add", "bob's card").expectOk(); // someone else's change is not on my stack
        CliRun.Snapshot before = snapshot();

        assertThat(tack("undo", "--list").expectOk().out().lines().map(line -> line.replaceFirst("  \\(event .*", "")))
                .containsExactly("1. edited #" + id + ": title", "2. moved #" + id + " from Todo to Doing", "3. added #" + id + " to Todo");
        JsonArray two = tack("undo", "--list", "-n", "2", "--json").expectOk().json().getAsJsonArray();
        assertThat(two).hasSize(2);
        assertThat(two.get(1).getAsJsonObject().get("summary").getAsString()).isEqualTo("moved #" + id + " from Todo to Doing");
        assertThat(snapshot()).isEqualTo(before);

        tack("undo").expectOk();
        assertThat(tack("undo", "--list").expectOk().out()).startsWith("1. moved #" + id);
        assertThat(tack("--as", "carol", "undo", "--list").expectOk().out()).startsWith("nothing to undo for carol");
        assertThat(tack("undo", "--list", "-n", "0").expectError(2).err()).contains("positive");
    }
}
