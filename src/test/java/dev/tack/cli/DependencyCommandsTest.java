package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tack.Main;
import dev.tack.testing.ChildJvm;
import dev.tack.testing.Engine;
import org.junit.jupiter.api.Test;

/** link, unlink, add --after, ls --ready/--blocked, show, column done/gate, rm --force and checklist (issue 12). */
class DependencyCommandsTest extends EngineCliFixture {

    @Test
    void linkAfterAndBeforeAreShownBothWaysInShowAndJson() {
        long write = add("write the migration");
        long migrate = add("migrate");
        long deploy = add("deploy");
        assertThat(tack("link", "#" + migrate, "--after", String.valueOf(write)).expectOk().out())
                .isEqualTo("#" + migrate + " waits for #" + write + "\n");
        assertThat(tack("link", String.valueOf(migrate), "--before", String.valueOf(deploy)).expectOk().out())
                .isEqualTo("#" + deploy + " waits for #" + migrate + "\n");

        JsonObject shown = tack("show", String.valueOf(migrate), "--json").expectOk().json().getAsJsonObject();
        assertThat(ids(shown.getAsJsonArray("waits_for"))).containsExactly(write);
        assertThat(ids(shown.getAsJsonArray("blocks"))).containsExactly(deploy);
        assertThat(shown.get("ready").getAsBoolean()).isFalse();

        String text = tack("show", String.valueOf(migrate)).expectOk().out();
        assertThat(text).contains("Waits for", "#" + write + " write the migration (Todo)", "Blocks", "#" + deploy + " deploy (Todo)",
                "no, waiting for #" + write);
        assertThat(tack("ls").expectOk().out()).contains("migrate ⧗ #" + write);
    }

    @Test
    void lsReadyAndBlockedSplitTheBoard() {
        long a = add("a");
        long b = add("b");
        long c = add("c", "--after", a + "," + b);
        assertThat(titles(tack("ls", "--blocked", "--json").expectOk().json())).containsExactly("c");
        assertThat(titles(tack("ls", "--ready", "--json").expectOk().json())).containsExactly("a", "b");
        JsonObject listed = tack("ls", "--json").expectOk().json().getAsJsonArray().get(2).getAsJsonObject();
        assertThat(ids(listed.getAsJsonArray("waits_for"))).containsExactly(a, b);
        assertThat(ids(listed.getAsJsonArray("waiting_for"))).containsExactly(a, b);
        tack("mv", String.valueOf(a), "Done").expectOk();
        tack("mv", String.valueOf(b), "Done").expectOk();
        assertThat(titles(tack("ls", "--ready", "-c", "Todo", "--json").expectOk().json())).containsExactly("c");
        tack("ls", "--ready", "--blocked").expectError(2);
    }

    @Test
    void badLinksExitWithTheirCodesAndWriteNothing() {
        long a = add("a");
        long b = add("b");
        CliRun.Snapshot before = snapshot();
        tack("link", String.valueOf(a), "--after", "99").expectError(3);
        tack("link", String.valueOf(a), "--after", String.valueOf(a)).expectError(2);
        tack("link", String.valueOf(a)).expectError(2);
        assertThat(snapshot()).isEqualTo(before);

        tack("link", String.valueOf(a), "--after", String.valueOf(b)).expectOk();
        CliRun.Result again = tack("link", String.valueOf(a), "--after", String.valueOf(b));
        assertThat(again.exit()).isZero();
        assertThat(again.err()).isEqualTo("tack: note: #" + a + " waits for #" + b + " already; nothing changed\n");

        CliRun.Result cycle = tack("link", String.valueOf(b), "--after", String.valueOf(a)).expectError(4);
        assertThat(cycle.err()).contains("#" + a + " → #" + b + " → #" + a);

        assertThat(tack("unlink", String.valueOf(b), String.valueOf(a)).expectOk().out()).isEqualTo("#" + a + " no longer waits for #" + b + "\n");
        assertThat(tack("unlink", String.valueOf(a), String.valueOf(b)).err()).contains("were not linked");
        tack("unlink", String.valueOf(a), "77").expectError(3);
    }

    @Test
    void aGateRefusesAWaitingCardWithTheReasonAndWithoutOneMvNotes() {
        long a = add("a");
        long b = add("b", "--after", String.valueOf(a));
        tack("column", "gate", "Doing").expectOk();
        CliRun.Result refused = tack("mv", String.valueOf(b), "Doing").expectError(4);
        assertThat(refused.err()).isEqualTo("tack: Doing takes only ready cards: #" + b + " is waiting for #" + a + "\n");
        CliRun.Result moved = tack("mv", String.valueOf(b), "Done");
        assertThat(moved.exit()).isZero();
        assertThat(moved.err()).isEqualTo("tack: note: #" + b + " is still waiting for #" + a + "\n");
        assertThat(tack("column", "ls").expectOk().out()).contains("gate (ready cards only)").containsPattern("Done .*done");
    }

    @Test
    void columnDoneMovesWhatCountsAsDone() {
        tack("column", "add", "Archive").expectOk(); // now the last column
        long a = add("a", "-c", "Done");
        long b = add("b", "--after", String.valueOf(a));
        assertThat(titles(tack("ls", "--blocked", "--json").expectOk().json())).containsExactly("b");
        tack("column", "done", "Done").expectOk();
        assertThat(titles(tack("ls", "--blocked", "--json").expectOk().json())).isEmpty();
        JsonArray columns = tack("column", "ls", "--json").expectOk().json().getAsJsonArray();
        assertThat(StreamSupport.stream(columns.spliterator(), false).filter(c -> c.getAsJsonObject().get("done").getAsBoolean())
                .map(c -> c.getAsJsonObject().get("name").getAsString())).containsExactly("Done");
        tack("column", "done", "Nope").expectError(3);
        assertThat(b).isPositive();
    }

    @Test
    void archivingACardOthersWaitForNeedsForceAndSaysWhatItUnblocks() {
        long a = add("a");
        long b = add("b", "--after", String.valueOf(a));
        CliRun.Result refused = tack("rm", String.valueOf(a)).expectError(4);
        assertThat(refused.err()).contains("#" + b + " waits for it", "unblocks #" + b, "--force");
        assertThat(tack("rm", String.valueOf(a), "--force").expectOk().out()).contains("#" + b + " is ready now");
    }

    @Test
    void checklistsAreListedTickedReorderedAndShown() {
        long card = add("card");
        tack("checklist", "add", String.valueOf(card), "write the test").expectOk();
        tack("checklist", "add", String.valueOf(card), "make it pass").expectOk();
        assertThat(tack("checklist", "done", String.valueOf(card), "2").expectOk().out())
                .isEqualTo("#" + card + " ☑ 1/2\n  1. [ ] write the test\n  2. [x] make it pass\n");
        tack("checklist", "reorder", String.valueOf(card), "2", "1").expectOk();
        tack("checklist", "undone", String.valueOf(card), "1").expectOk();
        tack("checklist", "done", String.valueOf(card), "2").expectOk();
        assertThat(tack("ls").expectOk().out()).contains("card ☑ 1/2");
        JsonObject shown = tack("show", String.valueOf(card), "--json").expectOk().json().getAsJsonObject();
        JsonArray items = shown.getAsJsonArray("checklist");
        assertThat(items.get(0).getAsJsonObject().get("text").getAsString()).isEqualTo("make it pass");
        assertThat(items.get(1).getAsJsonObject().get("done").getAsBoolean()).isTrue();
        assertThat(tack("show", String.valueOf(card)).expectOk().out()).contains("Checklist ☑ 1/2", "2. [x] write the test");

        CliRun.Snapshot before = snapshot();
        tack("checklist", "done", String.valueOf(card), "3").expectError(3);
        tack("checklist", "rm", "99", "1").expectError(3);
        tack("checklist", "add", String.valueOf(card), " ").expectError(2);
        tack("checklist", "done", String.valueOf(card), "0").expectError(2);
        assertThat(snapshot()).isEqualTo(before);
        tack("checklist", "rm", String.valueOf(card), "1").expectOk();
        assertThat(tack("undo").exit()).isZero();
        assertThat(tack("checklist", "ls", String.valueOf(card)).expectOk().out()).contains("1. [ ] make it pass");
        assertThat(tack("log").expectOk().out()).contains("removed item 1 from #" + card, "ticked item 2 of #" + card);
    }

    @Test
    void jsonAndCsvExportsCarryLinksAndChecklistsIntoAnotherDatabaseAndMarkdownWritesTaskItems() throws Exception {
        long first = add("first");
        long second = add("second", "-c", "Doing", "--after", String.valueOf(first));
        tack("checklist", "add", String.valueOf(second), "write the test").expectOk();
        tack("checklist", "add", String.valueOf(second), "make it pass").expectOk();
        tack("checklist", "done", String.valueOf(second), "2").expectOk();
        assertThat(tack("export", "-f", "md").expectOk().out()).contains("- [ ] write the test", "- [x] make it pass");

        for (String format : List.of("json", "csv")) {
            Path file = folder.resolve("board." + format);
            assertThat(tack("export", "-f", format, "-o", file.toString()).exit()).isZero(); // it says where, on stderr
            assertThat(Files.exists(file)).isTrue();
            String other = engine == Engine.SQLITE ? folder.resolve(format + ".db").toString() : engine.newLocation(folder);
            CliRun.tack("init", "--db", other).expectOk();
            CliRun.tack("--db", other, "add", "takes id 1 there").expectOk(); // the imported cards get new ids
            CliRun.tack("--db", other, "import", file.toString(), "--format", format).expectOk();
            JsonArray cards = CliRun.tack("--db", other, "ls", "--json").expectOk().json().getAsJsonArray();
            JsonObject newFirst = card(cards, "first");
            JsonObject newSecond = card(cards, "second");
            assertThat(newSecond.get("id").getAsLong()).as(format).isNotEqualTo(second);
            assertThat(ids(newSecond.getAsJsonArray("waits_for"))).as(format).containsExactly(newFirst.get("id").getAsLong());
            assertThat(ids(newFirst.getAsJsonArray("blocks"))).as(format).containsExactly(newSecond.get("id").getAsLong());
            JsonArray items = CliRun.tack("--db", other, "show", newSecond.get("id").getAsString(), "--json").expectOk().json()
                    .getAsJsonObject().getAsJsonArray("checklist");
            assertThat(StreamSupport.stream(items.spliterator(), false).map(i -> i.getAsJsonObject().get("text").getAsString()
                    + "=" + i.getAsJsonObject().get("done").getAsBoolean())).as(format)
                    .containsExactly("write the test=false", "make it pass=true");
            assertThat(CliRun.tack("--db", other, "check").exit()).as(format).isZero();
        }
    }

    @Test
    void linksUnlinksAndTicksUndoAndRedoAcrossProcesses() {
        long a = add("a");
        long b = add("b");
        tack("link", String.valueOf(b), "--after", String.valueOf(a)).expectOk();
        tack("checklist", "add", String.valueOf(b), "item").expectOk();
        tack("checklist", "done", String.valueOf(b), "1").expectOk();
        tack("unlink", String.valueOf(b), String.valueOf(a)).expectOk();

        assertThat(tack("undo").expectOk().out()).contains("unlinked #" + b + " from #" + a);
        assertThat(waitsFor(b)).containsExactly(a);
        assertThat(tack("undo").expectOk().out()).contains("ticked item 1 of #" + b);
        assertThat(tack("checklist", "ls", String.valueOf(b)).expectOk().out()).contains("1. [ ] item");
        tack("undo").expectOk(); // the item's adding
        assertThat(tack("show", String.valueOf(b), "--json").expectOk().json().getAsJsonObject().getAsJsonArray("checklist")).isEmpty();
        assertThat(tack("undo").expectOk().out()).contains("linked #" + b + " after #" + a);
        assertThat(waitsFor(b)).isEmpty();

        assertThat(tack("redo").expectOk().out()).contains("linked #" + b + " after #" + a);
        assertThat(waitsFor(b)).containsExactly(a);
        tack("redo").expectOk();
        tack("redo").expectOk();
        assertThat(tack("checklist", "ls", String.valueOf(b)).expectOk().out()).contains("1. [x] item");
        tack("redo").expectOk();
        assertThat(waitsFor(b)).isEmpty();
        assertThat(tack("check").exit()).isZero();
    }

    @Test
    void logFollowStreamsLinksAndChecklistChangesWithWhoMadeThem() throws Exception {
        long a = add("a");
        long b = add("b");
        try (ChildJvm follow = ChildJvm.start("follow", folder, Main.class, "--db", location, "log", "--follow")) {
            // Sync on an event: once the follower runs, each added card is a new line.
            for (int i = 0; follow.awaitLine(line -> line.contains("added #"), Duration.ofSeconds(2)) == null; i++) {
                add("warm-up " + i);
            }
            Duration wait = Duration.ofSeconds(60);
            tack("--as", "bob", "link", String.valueOf(b), "--after", String.valueOf(a)).expectOk();
            assertThat(follow.awaitLine(l -> l.contains("linked #" + b + " after #" + a), wait)).contains("bob@");
            tack("--as", "bob", "checklist", "add", String.valueOf(b), "write it").expectOk();
            assertThat(follow.awaitLine(l -> l.contains("added item 1 to #" + b + ": write it"), wait)).contains("bob@");
            tack("--as", "bob", "checklist", "done", String.valueOf(b), "1").expectOk();
            assertThat(follow.awaitLine(l -> l.contains("ticked item 1 of #" + b), wait)).contains("bob@");
            tack("--as", "bob", "checklist", "rm", String.valueOf(b), "1").expectOk();
            assertThat(follow.awaitLine(l -> l.contains("removed item 1 from #" + b), wait)).contains("bob@");
            tack("--as", "bob", "unlink", String.valueOf(b), String.valueOf(a)).expectOk();
            assertThat(follow.awaitLine(l -> l.contains("unlinked #" + b + " from #" + a), wait)).contains("bob@");
        }
    }

    private List<Long> waitsFor(long card) {
        return ids(tack("show", String.valueOf(card), "--json").expectOk().json().getAsJsonObject().getAsJsonArray("waits_for"));
    }

    private static JsonObject card(JsonArray cards, String title) {
        return StreamSupport.stream(cards.spliterator(), false).map(JsonElement::getAsJsonObject)
                .filter(c -> c.get("title").getAsString().equals(title)).findFirst().orElseThrow();
    }

    private static List<Long> ids(JsonArray array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonElement::getAsLong).toList();
    }

    private static List<String> titles(JsonElement cards) {
        return StreamSupport.stream(cards.getAsJsonArray().spliterator(), false)
                .map(c -> c.getAsJsonObject().get("title").getAsString()).toList();
    }
}
