package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import org.junit.jupiter.api.Test;

class BoardCommandTest extends EngineCliFixture {

    @Test
    void listsAddsAndRenamesBoards() {
        assertThat(tack("board", "add", "ops", "--columns", "In,Out").expectOk().out()).isEqualTo("added board ops\n");
        assertThat(tack("board", "ls").expectOk().out()).isEqualTo("main\nops\n");
        assertThat(tack("--board", "ops", "column", "ls").expectOk().out().lines().map(l -> l.split(" ")[0]))
                .containsExactly("In", "Out");

        assertThat(tack("board", "rename", "ops", "infra").expectOk().out()).isEqualTo("renamed board ops to infra\n");
        JsonArray boards = tack("board", "ls", "--json").expectOk().json().getAsJsonArray();
        assertThat(boards).hasSize(2);
        assertThat(boards.get(1).getAsJsonObject().get("name").getAsString()).isEqualTo("infra");
    }

    @Test
    void withSeveralBoardsCommandsUseMainUnlessToldOtherwise() {
        tack("board", "add", "side").expectOk();
        long onMain = add("on main");
        long onSide = Long.parseLong(tack("--board", "side", "add", "on side").expectOk().out().strip());
        assertThat(tack("ls").expectOk().out()).contains("#" + onMain).doesNotContain("#" + onSide);
        assertThat(tack("ls", "--board", "side").expectOk().out()).contains("#" + onSide).doesNotContain("#" + onMain);
    }

    @Test
    void aBoardWithCardsIsRemovedOnlyWithForce() {
        tack("board", "add", "side").expectOk();
        tack("--board", "side", "add", "something").expectOk();
        CliRun.Snapshot before = snapshot();

        CliRun.Result refused = tack("board", "rm", "side").expectError(4);
        assertThat(refused.err()).contains("still has 1 card(s)").contains("--force");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(tack("board", "ls").out()).contains("side");

        assertThat(tack("board", "rm", "side", "--force").expectOk().out()).isEqualTo("removed board side\n");
        assertThat(tack("board", "ls").out()).isEqualTo("main\n");
        assertThat(tack("check").exit()).isZero();
    }

    @Test
    void anEmptyBoardIsRemovedWithoutForce() {
        tack("board", "add", "empty").expectOk();
        assertThat(tack("board", "rm", "empty", "--json").expectOk().json().getAsJsonObject().get("removed").getAsString())
                .isEqualTo("empty");
    }

    @Test
    void mistakesAreReportedWithTheRightCodes() {
        tack("board", "add", "main").expectError(4);
        tack("board", "add", " ").expectError(2);
        assertThat(tack("board", "add", "dup", "--columns", "Todo,TODO").expectError(2).err())
                .isEqualTo("tack: column 'TODO' is named twice (names are compared in any case)\n");
        tack("board", "rename", "nope", "x").expectError(3);
        tack("board", "rm", "nope").expectError(3);
        tack("--board", "nope", "ls").expectError(3);
        CliRun.Result bare = tack("board").expectError(2);
        assertThat(bare.err()).contains("ls").contains("add").contains("rename").contains("rm");
    }
}
