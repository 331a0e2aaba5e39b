package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class ColumnCommandTest extends EngineCliFixture {

    @Test
    void listsColumnsAlignedWithCountsAndLimits() {
        tack("column", "add", "Review", "--wip", "2", "--hard").expectOk();
        tack("column", "wip", "Doing", "3").expectOk();
        add("a");
        assertThat(tack("column", "ls").expectOk().out()).isEqualTo(String.join("\n",
                "Todo    1 card",
                "Doing   0 cards  limit 3 (soft)",
                "Done    0 cards",
                "Review  0 cards  limit 2 (hard)  done", // the last column is the done one while none is marked
                ""));
    }

    @Test
    void listsColumnsAsJson() {
        tack("column", "add", "Review", "--wip", "2", "--hard", "--pos", "1").expectOk();
        JsonArray columns = tack("column", "ls", "--json").expectOk().json().getAsJsonArray();
        assertThat(columns).hasSize(4);
        JsonObject review = columns.get(1).getAsJsonObject();
        assertThat(review.get("name").getAsString()).isEqualTo("Review");
        assertThat(review.get("position").getAsInt()).isEqualTo(1);
        assertThat(review.get("cards").getAsInt()).isZero();
        assertThat(review.get("wip_limit").getAsInt()).isEqualTo(2);
        assertThat(review.get("wip_hard").getAsBoolean()).isTrue();
        assertThat(columns.get(3).getAsJsonObject().get("wip_limit").isJsonNull()).isTrue();
    }

    @Test
    void addPrintsWhatItDid() {
        assertThat(tack("column", "add", "Review").expectOk().out()).isEqualTo("added column Review\n");
        JsonObject json = tack("column", "add", "QA", "--wip", "1", "--json").expectOk().json().getAsJsonObject();
        assertThat(json.get("name").getAsString()).isEqualTo("QA");
        assertThat(json.get("wip_hard").getAsBoolean()).isFalse();
        tack("column", "add", "qa").expectError(4); // names are unique in any case
        tack("column", "add", "X", "--hard").expectError(2); // --hard needs --wip
        tack("column", "add", "Y", "--wip", "0").expectError(2);
    }

    @Test
    void aHardLimitRefusesTheCardPastIt() {
        tack("column", "add", "Review", "--wip", "1", "--hard").expectOk();
        add("first", "-c", "Review");
        long second = add("second");
        CliRun.Snapshot before = snapshot();
        CliRun.Result refused = tack("mv", String.valueOf(second), "Review").expectError(4);
        assertThat(refused.err()).isEqualTo("tack: Review is at its hard WIP limit (1/1)\n");
        tack("add", "third", "-c", "review").expectError(4);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aSoftLimitIsFlaggedButAllowed() {
        tack("column", "wip", "Todo", "1").expectOk();
        add("a");
        add("b");
        assertThat(tack("column", "ls").expectOk().out().lines().findFirst().orElseThrow())
                .isEqualTo("Todo   2 cards  limit 1 (soft)  over limit");
        assertThat(tack("ls").expectOk().out()).startsWith("Todo (2/1) over limit\n");
    }

    @Test
    void wipOffClearsTheLimit() {
        tack("column", "wip", "Doing", "2", "--hard").expectOk();
        assertThat(tack("column", "wip", "Doing", "off").expectOk().out()).isEqualTo("column Doing: no WIP limit\n");
        assertThat(tack("column", "ls", "--json").json().getAsJsonArray().get(1).getAsJsonObject().get("wip_limit").isJsonNull())
                .isTrue();
        tack("column", "wip", "Doing", "lots").expectError(2);
        tack("column", "wip", "Nope", "2").expectError(3);
    }

    @Test
    void renameKeepsTheCards() {
        long id = add("a", "-c", "Doing");
        assertThat(tack("column", "rename", "doing", "In progress").expectOk().out()).isEqualTo("renamed column doing to In progress\n");
        assertThat(tack("show", String.valueOf(id), "--json").json().getAsJsonObject().get("column").getAsString())
                .isEqualTo("In progress");
        tack("column", "rename", "Todo", "done").expectError(4);
        tack("column", "rename", "Nope", "X").expectError(3);
    }

    @Test
    void rmIsRefusedWhileTheColumnHoldsCardsArchivedOnesIncluded() {
        long id = add("a", "-c", "Done");
        tack("rm", String.valueOf(id)).expectOk();
        CliRun.Snapshot before = snapshot();
        CliRun.Result refused = tack("column", "rm", "Done").expectError(4);
        assertThat(refused.err()).contains("still holds 1 card(s), archived ones included");
        assertThat(snapshot()).isEqualTo(before);

        assertThat(tack("column", "rm", "Doing").expectOk().out()).isEqualTo("removed column Doing\n");
        assertThat(columnNames()).containsExactly("Todo", "Done");
        tack("column", "rm", "Doing").expectError(3);
    }

    @Test
    void moveReordersColumns() {
        assertThat(tack("column", "move", "Done", "0").expectOk().out()).isEqualTo("moved column Done\n");
        assertThat(columnNames()).containsExactly("Done", "Todo", "Doing");
        tack("column", "move", "Done", "99").expectOk();
        assertThat(columnNames()).containsExactly("Todo", "Doing", "Done");
        tack("column", "move", "Todo", "1").expectOk();
        assertThat(columnNames()).containsExactly("Doing", "Todo", "Done");
        tack("column", "move", "Todo", "first").expectError(2);
    }

    @Test
    void bareColumnIsAUsageError() {
        assertThat(tack("column").expectError(2).err()).contains("ls").contains("wip");
    }

    private List<String> columnNames() {
        return tack("column", "ls").expectOk().out().lines().map(l -> l.split("  ")[0].strip()).toList();
    }
}
