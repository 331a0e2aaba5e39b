package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tack.text.Width;
import org.junit.jupiter.api.Test;

/** add, ls, show, mv, edit, rm, restore and comment: what they print and return. */
class CardCommandsTest extends EngineCliFixture {

    @Test
    void addPrintsTheNewIdAlone() {
        assertThat(tack("add", "first").expectOk().out()).isEqualTo("1\n");
        assertThat(tack("add", "second").expectOk().out()).isEqualTo("2\n");
    }

    @Test
    void addWithJsonPrintsTheCard() {
        JsonObject card = tack("add", "Write docs", "-c", "Doing", "-d", "two\nlines", "-t", "docs,ux", "-t", "#later",
                "-p", "2", "--due", "2030-01-31", "-a", "@alice", "--json").expectOk().json().getAsJsonObject();
        assertThat(card.get("id").getAsLong()).isEqualTo(1);
        assertThat(card.get("title").getAsString()).isEqualTo("Write docs");
        assertThat(card.get("column").getAsString()).isEqualTo("Doing");
        assertThat(card.get("position").getAsInt()).isZero();
        assertThat(strings(card.getAsJsonArray("tags"))).containsExactly("docs", "later", "ux");
        assertThat(card.get("priority").getAsInt()).isEqualTo(2);
        assertThat(card.get("due").getAsString()).isEqualTo("2030-01-31");
        assertThat(card.get("assignee").getAsString()).isEqualTo("alice");
        assertThat(card.get("version").getAsLong()).isEqualTo(1);
        assertThat(card.get("description").getAsString()).isEqualTo("two\nlines");
        assertThat(card.get("archived").getAsBoolean()).isFalse();
    }

    @Test
    void addWithoutOptionalFieldsWritesNullsNotMissingKeys() {
        JsonObject card = tack("add", "bare", "--json").expectOk().json().getAsJsonObject();
        assertThat(card.keySet()).contains("id", "title", "column", "position", "tags", "priority", "due", "assignee", "version");
        assertThat(card.get("due").isJsonNull()).isTrue();
        assertThat(card.get("assignee").isJsonNull()).isTrue();
        assertThat(card.getAsJsonArray("tags")).isEmpty();
        assertThat(card.get("priority").getAsInt()).isZero();
    }

    @Test
    void addAcceptsRelativeDueDates() {
        JsonObject card = tack("add", "soon", "--due", "tomorrow", "--json").expectOk().json().getAsJsonObject();
        assertThat(LocalDate.parse(card.get("due").getAsString())).isAfter(LocalDate.now().minusDays(1));
    }

    @Test
    void lsPrintsTheBoardColumnByColumnAligned() {
        add("short", "-t", "a");
        add("a rather longer title", "-t", "b", "-p", "3");
        add("中文标题", "-t", "c", "-a", "bob");
        for (int i = 0; i < 7; i++) {
            add("filler " + i, "-c", "Done");
        }
        String out = tack("ls").expectOk().out();
        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Todo (3)");
        assertThat(lines.get(1)).startsWith("  #1  short ");
        assertThat(lines.get(4)).isEqualTo("Doing (0)");
        assertThat(lines.get(5)).isEqualTo("  (empty)");
        assertThat(lines.get(6)).isEqualTo("Done (7)");
        assertThat(lines.get(13)).startsWith("  #10 filler 6");
        assertThat(lines).hasSize(14);

        // The tag after each title starts at the same terminal column, CJK (two columns a character) included.
        List<Integer> tagColumns = lines.subList(1, 4).stream().map(l -> Width.of(l.substring(0, l.indexOf(" #", 4)))).toList();
        assertThat(tagColumns).containsOnly(tagColumns.get(0));
        assertThat(lines.get(2)).contains("!!! #b");
        assertThat(lines.get(3)).endsWith("#c @bob");
    }

    @Test
    void lsFilters() {
        long bug = add("Fix the login bug", "-t", "bug", "-a", "alice");
        long docs = add("Write docs", "-t", "docs", "-c", "Doing", "-a", "bob");
        long both = add("Document the bug", "-t", "docs,bug", "-d", "mentions LOGIN too");

        assertThat(ids("-c", "doing")).containsExactly(docs);
        assertThat(ids("-t", "bug")).containsExactly(bug, both);
        assertThat(ids("-t", "bug", "-t", "docs")).containsExactly(both);
        assertThat(ids("-a", "alice")).containsExactly(bug);
        assertThat(ids("-a", "@BOB")).containsExactly(docs);
        assertThat(ids("-q", "login")).containsExactly(bug, both);
        assertThat(ids("-q", "the bug")).containsExactly(bug, both);
        assertThat(ids("-q", "nothing matches")).isEmpty();

        String onlyDoing = tack("ls", "-c", "Doing").expectOk().out();
        assertThat(onlyDoing).startsWith("Doing (1)\n").doesNotContain("Todo");
        tack("ls", "-c", "Nope").expectError(3);
    }

    @Test
    void lsWithJsonPrintsOneArrayOfCardsInBoardOrder() {
        long a = add("a", "-c", "Done");
        long b = add("b");
        long c = add("c", "-c", "Doing");
        JsonArray cards = tack("ls", "--json").expectOk().json().getAsJsonArray();
        assertThat(StreamSupport.stream(cards.spliterator(), false).map(e -> e.getAsJsonObject().get("id").getAsLong()))
                .containsExactly(b, c, a);
        assertThat(tack("ls", "--json", "-t", "none").expectOk().json().getAsJsonArray()).isEmpty();
    }

    @Test
    void showPrintsTheCardWithCommentsAndHistory() {
        long id = add("Ship it", "-d", "first line\nsecond line", "-t", "release", "-p", "1", "-a", "carol", "--due", "2031-05-06");
        tack("comment", String.valueOf(id), "looks good").expectOk();
        tack("mv", String.valueOf(id), "Doing").expectOk();

        String out = tack("show", String.valueOf(id)).expectOk().out();
        assertThat(out).startsWith("#1 Ship it\n");
        assertThat(out).contains("  column     Doing, position 0\n", "  priority   1\n", "  tags       #release\n",
                "  due        2031-05-06\n", "  assignee   @carol\n", "  version    3\n");
        assertThat(out).contains("\n  first line\n  second line\n");
        assertThat(out).contains("Comments\n").contains(":\n    looks good\n");
        assertThat(out).contains("History\n").contains("added #1 to Todo").contains("commented on #1: looks good")
                .contains("moved #1 from Todo to Doing");
    }

    @Test
    void showWithJsonAddsCommentsHistoryAndRuns() {
        long id = add("Ship it");
        tack("--as", "dave", "comment", String.valueOf(id), "one\ntwo").expectOk();
        JsonObject card = tack("show", "#" + id, "--json").expectOk().json().getAsJsonObject();
        assertThat(card.get("id").getAsLong()).isEqualTo(id);
        assertThat(card.get("version").getAsLong()).isEqualTo(2);
        JsonArray comments = card.getAsJsonArray("comments");
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).getAsJsonObject().get("body").getAsString()).isEqualTo("one\ntwo");
        assertThat(comments.get(0).getAsJsonObject().get("author").getAsString()).isEqualTo("dave");
        assertThat(StreamSupport.stream(card.getAsJsonArray("history").spliterator(), false)
                .map(e -> e.getAsJsonObject().get("kind").getAsString())).containsExactly("card.added", "card.commented");
        assertThat(card.getAsJsonArray("runs")).isEmpty();
    }

    @Test
    void mvMovesAndPlaces() {
        long a = add("a");
        long b = add("b");
        long c = add("c");
        assertThat(tack("mv", String.valueOf(c), "Todo", "--pos", "0").expectOk().out()).isEqualTo("#3 → Todo (position 0)\n");
        assertThat(ids("-c", "Todo")).containsExactly(c, a, b);
        assertThat(tack("mv", String.valueOf(c), "todo", "--pos", "99").expectOk().out()).isEqualTo("#3 → Todo (position 2)\n");
        tack("mv", String.valueOf(a), "Doing").expectOk();
        JsonObject moved = tack("mv", String.valueOf(b), "Doing", "--pos", "0", "--json").expectOk().json().getAsJsonObject();
        assertThat(moved.get("column").getAsString()).isEqualTo("Doing");
        assertThat(moved.get("position").getAsInt()).isZero();
        assertThat(ids("-c", "Doing")).containsExactly(b, a);
        tack("mv", String.valueOf(a), "Doing", "--pos", "-1").expectError(2);
    }

    @Test
    void mvAndEditHonourIfVersion() {
        long id = add("a");
        tack("mv", String.valueOf(id), "Doing", "--if-version", "1").expectOk();
        CliRun.Snapshot before = snapshot();
        CliRun.Result stale = tack("mv", String.valueOf(id), "Done", "--if-version", "1").expectError(4);
        assertThat(stale.err()).isEqualTo("tack: #1 is at version 2, not 1: someone changed it since you read it (tack show 1)\n");
        tack("edit", String.valueOf(id), "--title", "lost", "--if-version", "1").expectError(4);
        tack("rm", String.valueOf(id), "--if-version", "1").expectError(4);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(card(id).get("title").getAsString()).isEqualTo("a");

        tack("edit", String.valueOf(id), "--title", "kept", "--if-version", "2").expectOk();
        assertThat(card(id).get("title").getAsString()).isEqualTo("kept");
    }

    @Test
    void editChangesFields() {
        long id = add("a", "-t", "x,y", "--due", "2030-01-01", "-a", "bob", "-p", "1");
        assertThat(tack("edit", String.valueOf(id), "-t", "+z", "-t", "-x", "-t", "w").expectOk().out())
                .isEqualTo("#1 edited (version 2)\n");
        assertThat(strings(card(id).getAsJsonArray("tags"))).containsExactly("w", "y", "z");

        tack("edit", String.valueOf(id), "--due", "none", "-a", "none").expectOk();
        JsonObject cleared = card(id);
        assertThat(cleared.get("due").isJsonNull()).isTrue();
        assertThat(cleared.get("assignee").isJsonNull()).isTrue();

        JsonObject edited = tack("edit", String.valueOf(id), "--title", "b", "-d", "more", "-p", "3", "--due", "2031-02-03",
                "-a", "@eve", "--json").expectOk().json().getAsJsonObject();
        assertThat(edited.get("title").getAsString()).isEqualTo("b");
        assertThat(edited.get("description").getAsString()).isEqualTo("more");
        assertThat(edited.get("priority").getAsInt()).isEqualTo(3);
        assertThat(edited.get("due").getAsString()).isEqualTo("2031-02-03");
        assertThat(edited.get("assignee").getAsString()).isEqualTo("eve");
        assertThat(edited.get("version").getAsLong()).isEqualTo(4);

        tack("edit", String.valueOf(id)).expectError(2); // nothing to change
    }

    @Test
    void rmArchivesAndRestoreBringsBack() {
        long a = add("a");
        long b = add("b");
        assertThat(tack("rm", String.valueOf(a)).expectOk().out()).isEqualTo("#1 archived (tack restore 1 brings it back)\n");
        assertThat(ids()).containsExactly(b);
        assertThat(card(a).get("archived").getAsBoolean()).isTrue();
        assertThat(tack("show", String.valueOf(a)).expectOk().out()).contains("  column     Todo (archived)\n");
        tack("rm", String.valueOf(a)).expectError(3);
        tack("mv", String.valueOf(a), "Doing").expectError(3);

        assertThat(tack("restore", String.valueOf(a)).expectOk().out()).isEqualTo("#1 restored to Todo\n");
        assertThat(ids()).containsExactly(b, a);
        // consistent with rm of an archived card (3): restore finds no archived card #1
        assertThat(tack("restore", String.valueOf(a)).expectError(3).err()).isEqualTo("tack: #1 is not archived (it is in Todo)\n");
    }

    @Test
    void commentAddsAComment() {
        long id = add("a");
        assertThat(tack("comment", String.valueOf(id), "hello").expectOk().out()).isEqualTo("commented on #1\n");
        JsonObject comment = tack("comment", String.valueOf(id), "again", "--json").expectOk().json().getAsJsonObject();
        assertThat(comment.get("body").getAsString()).isEqualTo("again");
        assertThat(card(id).getAsJsonArray("comments")).hasSize(2);
        tack("comment", String.valueOf(id), "  ").expectError(2);
        tack("comment", "99", "x").expectError(3);
    }

    private JsonObject card(long id) {
        return tack("show", String.valueOf(id), "--json").expectOk().json().getAsJsonObject();
    }

    private List<Long> ids(String... filters) {
        String[] args = new String[filters.length + 2];
        args[0] = "ls";
        args[1] = "--json";
        System.arraycopy(filters, 0, args, 2, filters.length);
        JsonArray cards = tack(args).expectOk().json().getAsJsonArray();
        return StreamSupport.stream(cards.spliterator(), false).map(e -> e.getAsJsonObject().get("id").getAsLong()).toList();
    }

    private static List<String> strings(JsonArray array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonElement::getAsString).toList();
    }
}
