package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** claim --next, ready, heartbeat, done, block, release and agent-guide (issue 16), on both engines. */
class AgentCommandsTest extends EngineCliFixture {

    @Test
    void claimTakesTheHighestPriorityReadyCardMovesItAndPrintsAToken() {
        long low = add("low");
        long high = add("high", "-p", "2");
        long waiting = add("waits", "-p", "3", "--after", String.valueOf(low));
        JsonObject first = claim("--as", "w1");
        assertThat(first.get("claimed").getAsBoolean()).isTrue();
        assertThat(first.get("id").getAsLong()).isEqualTo(high);
        assertThat(first.get("column").getAsString()).isEqualTo("Doing");
        assertThat(first.get("claimed_by").getAsString()).isEqualTo("w1");
        assertThat(first.get("token").getAsString()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(first.get("lease_until").getAsString()).isNotBlank();

        JsonObject second = claim("--as", "w2");
        assertThat(second.get("id").getAsLong()).isEqualTo(low);
        assertThat(second.get("token").getAsString()).isNotEqualTo(first.get("token").getAsString());

        CliRun.Result none = tack("claim", "--next", "--from", "Todo", "--doing", "Doing", "--json");
        assertThat(none.exit()).isEqualTo(3);
        JsonObject why = none.json().getAsJsonObject();
        assertThat(why.get("claimed").getAsBoolean()).isFalse();
        assertThat(why.get("reason").getAsString()).isEqualTo("nothing ready in Todo: #" + waiting + " waiting for #" + low);

        CliRun.Result text = tack("claim", "--next", "--from", "Todo");
        assertThat(text.exit()).isEqualTo(3);
        assertThat(text.out()).isEmpty();
        assertThat(text.errLines()).containsExactly("tack: nothing claimed: nothing ready in Todo: #" + waiting + " waiting for #" + low);
    }

    @Test
    void doneKeepsTheSummaryAndMetaForWhoeverTakesTheCardThatWaits() {
        long schema = add("write the schema");
        long api = add("build the api", "--after", String.valueOf(schema));
        JsonObject taken = claim("--as", "alice");
        assertThat(taken.get("id").getAsLong()).isEqualTo(schema);
        String token = taken.get("token").getAsString();
        JsonObject done = tack("done", String.valueOf(schema), "--token", token, "--summary", "tables users and orders",
                "--meta", "{\"files\": [\"schema.sql\"]}", "--json").expectOk().json().getAsJsonObject();
        assertThat(done.get("column").getAsString()).isEqualTo("Done");
        assertThat(done.get("claimed_by").isJsonNull()).isTrue();

        JsonObject next = claim("--as", "bob");
        assertThat(next.get("id").getAsLong()).isEqualTo(api);
        JsonObject report = next.getAsJsonArray("prerequisites").get(0).getAsJsonObject();
        assertThat(report.get("id").getAsLong()).isEqualTo(schema);
        assertThat(report.get("summary").getAsString()).isEqualTo("tables users and orders");
        assertThat(report.getAsJsonObject("meta").getAsJsonArray("files").get(0).getAsString()).isEqualTo("schema.sql");
        assertThat(report.get("by").getAsString()).isEqualTo("alice");
        assertThat(report.get("done").getAsBoolean()).isTrue();

        JsonObject shown = tack("show", String.valueOf(api), "--json").expectOk().json().getAsJsonObject();
        assertThat(shown.getAsJsonArray("prerequisites").get(0).getAsJsonObject().get("summary").getAsString())
                .isEqualTo("tables users and orders");
        assertThat(tack("show", String.valueOf(api)).expectOk().out())
                .contains("Reports of the cards it waits for", "#" + schema + " write the schema", "tables users and orders", "schema.sql");
        JsonObject run = tack("show", String.valueOf(schema), "--json").expectOk().json().getAsJsonObject()
                .getAsJsonArray("runs").get(0).getAsJsonObject();
        assertThat(run.get("outcome").getAsString()).isEqualTo("succeeded");
        assertThat(run.get("summary").getAsString()).isEqualTo("tables users and orders");
        assertThat(tack("claim", "--next", "--from", "Todo", "--as", "bob").out()).doesNotContain("token"); // nothing left
    }

    @Test
    void aStaleTokenIsRefusedAfterItsLeaseRanOutAndTheCardWentToSomeoneElse() throws InterruptedException {
        long card = add("flaky");
        JsonObject first = claim("--as", "slow", "--lease", "1ms");
        String stale = first.get("token").getAsString();
        awaitPast(Instant.parse(first.get("lease_until").getAsString()));

        CliRun.Result expired = tack("heartbeat", String.valueOf(card), "--token", stale).expectError(4);
        assertThat(expired.err()).contains("the lease ran out");
        CliRun.Snapshot before = snapshot();
        tack("done", String.valueOf(card), "--token", stale).expectError(4);
        assertThat(snapshot()).isEqualTo(before);

        JsonObject second = claim("--as", "fast");
        assertThat(second.get("id").getAsLong()).isEqualTo(card);
        String fresh = second.get("token").getAsString();
        for (String[] step : List.of(new String[] {"heartbeat"}, new String[] {"done", "--summary", "late"},
                new String[] {"release"}, new String[] {"block", "--reason", "late"})) {
            List<String> args = new java.util.ArrayList<>(List.of(step[0], String.valueOf(card), "--token", stale));
            args.addAll(List.of(step).subList(1, step.length));
            CliRun.Result refused = tack(args.toArray(String[]::new)).expectError(4);
            assertThat(refused.err()).contains("that claim has ended", "fast holds the card now");
        }
        JsonObject shown = tack("show", String.valueOf(card), "--json").expectOk().json().getAsJsonObject();
        assertThat(outcomes(shown)).containsExactly("lost", "running");
        assertThat(shown.get("claimed_by").getAsString()).isEqualTo("fast");

        tack("heartbeat", String.valueOf(card), "--token", fresh, "--lease", "5m").expectOk();
        assertThat(tack("done", String.valueOf(card), "--token", fresh).expectOk().out()).isEqualTo("#" + card + " done, moved to Done\n");
        assertThat(outcomes(tack("show", String.valueOf(card), "--json").expectOk().json().getAsJsonObject()))
                .containsExactly("lost", "succeeded");
    }

    @Test
    void readyExplainsWhyEachOtherCardCannotBeTaken() {
        long first = add("first");
        long second = add("second", "--after", String.valueOf(first));
        long third = add("third");
        long blockedCard = add("fourth", "-t", "api");
        JsonObject taken = claim("--as", "w2", "--from", "Todo", "--doing", "Todo");
        assertThat(taken.get("id").getAsLong()).isEqualTo(first);
        JsonObject other = claim("--as", "w3", "--from", "Todo", "--doing", "Todo");
        assertThat(other.get("id").getAsLong()).isEqualTo(third);
        tack("block", String.valueOf(third), "--token", other.get("token").getAsString(), "--reason", "needs a key from ops").expectOk();

        assertThat(tack("ready", "--from", "Todo").expectOk().out()).isEqualTo("#" + blockedCard + " fourth\n");
        String explained = tack("ready", "--from", "Todo", "--explain").expectOk().out();
        assertThat(explained.lines().toList()).containsExactly(
                "#" + blockedCard + " fourth — ready",
                "#" + first + " first — claimed by w2 until " + AgentOutputTimes.hhmm(taken),
                "#" + second + " second — waiting for #" + first,
                "#" + third + " third — blocked by w3: needs a key from ops (move it to hand it out again)");
        JsonElement json = tack("ready", "--from", "Todo", "--explain", "--json").expectOk().json();
        assertThat(StreamSupport.stream(json.getAsJsonArray().spliterator(), false)
                .map(e -> e.getAsJsonObject().get("claimable").getAsBoolean()).toList()).containsExactly(true, false, false, false);
        assertThat(tack("ready", "--from", "Todo", "-t", "api", "--json").expectOk().json().getAsJsonArray()).hasSize(1);

        tack("column", "add", "Review", "--wip", "1", "--hard").expectOk();
        add("under review", "-c", "Review");
        assertThat(tack("ready", "--from", "Todo", "--doing", "Review", "--explain").expectOk().out())
                .contains("#" + blockedCard + " fourth — Review is at its hard WIP limit (1/1)");
        CliRun.Result full = tack("claim", "--next", "--from", "Todo", "--doing", "Review", "--json");
        assertThat(full.exit()).isEqualTo(3);
        assertThat(full.json().getAsJsonObject().get("reason").getAsString()).isEqualTo("Review is at its hard WIP limit (1/1)");
    }

    @Test
    void releaseGivesTheCardBackToTheTopOfItsLaneWithoutCountingTheAttempt() {
        add("one");
        long two = add("two", "-p", "1");
        JsonObject taken = claim("--as", "w1");
        assertThat(taken.get("id").getAsLong()).isEqualTo(two);
        assertThat(tack("release", String.valueOf(two), "--token", taken.get("token").getAsString()).expectOk().out())
                .isEqualTo("#" + two + " given back to Todo\n");
        JsonObject shown = tack("show", String.valueOf(two), "--json").expectOk().json().getAsJsonObject();
        assertThat(shown.get("column").getAsString()).isEqualTo("Todo");
        assertThat(shown.get("position").getAsInt()).isZero();
        assertThat(outcomes(shown)).containsExactly("released");
        assertThat(claim("--as", "w2").get("attempt").getAsInt()).isEqualTo(1);
    }

    @Test
    void badInputsExitWithTheirCodesAndWriteNothing() {
        long card = add("a");
        String token = claim("--as", "w1").get("token").getAsString();
        CliRun.Snapshot before = snapshot();
        tack("done", "99", "--token", token).expectError(3);
        tack("heartbeat", "99", "--token", token).expectError(3);
        tack("claim", "--next", "--from", "Nowhere").expectError(3);
        tack("claim", "--next", "--lease", "soon").expectError(2);
        tack("claim", "--next", "--lease", "0").expectError(2);
        tack("claim").expectError(2);
        tack("heartbeat", String.valueOf(card), "--token", token, "--lease", "x").expectError(2);
        CliRun.Result badMeta = tack("done", String.valueOf(card), "--token", token, "--meta", "{files: ").expectError(2);
        assertThat(badMeta.err()).startsWith("tack: --meta is not valid JSON");
        tack("done", String.valueOf(card), "--token", token, "--meta", "{} {}").expectError(2);
        tack("done", String.valueOf(card), "--token", token, "--to", "Nowhere").expectError(3);
        tack("block", String.valueOf(card), "--token", token, "--reason", " ").expectError(2);
        tack("done", String.valueOf(card)).expectError(2);
        CliRun.Result wrong = tack("done", String.valueOf(card), "--token", "not-the-token").expectError(4);
        assertThat(wrong.err()).isEqualTo("tack: #" + card + ": that token is not this card's claim (w1 holds it)\n");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theAgentGuideNamesTheCommandsItDescribesAndIsShort() {
        String guide = tack("agent-guide").expectOk().out();
        assertThat(guide.lines().count()).isLessThanOrEqualTo(40);
        assertThat(guide).contains("tack claim --next", "tack heartbeat ID --token", "tack done ID --token", "tack block ID --token",
                "tack release ID --token", "tack ready");
    }

    // -- helpers -------------------------------------------------------------------------------------

    @Test
    void aLanesDoingColumnIsKeptInTheDatabaseForEveryAgentAndDoingStillOverridesIt() {
        tack("column", "add", "Review", "--pos", "2").expectOk();
        assertThat(tack("column", "doing", "Todo", "Doing").expectOk().out()).isEqualTo("claims from Todo move their card to Doing\n");
        JsonObject todo = tack("column", "ls", "--json").expectOk().json().getAsJsonArray().get(0).getAsJsonObject();
        assertThat(todo.get("doing").getAsString()).isEqualTo("Doing");
        assertThat(tack("column", "ls").expectOk().out()).contains("claims move to Doing");

        long first = add("first");
        long second = add("second");
        long third = add("third");
        JsonObject taken = tack("claim", "--next", "--from", "Todo", "--as", "agent-1", "--json").expectOk().json().getAsJsonObject();
        assertThat(taken.get("id").getAsLong()).isEqualTo(first);
        assertThat(taken.get("column").getAsString()).as("the lane's doing column, with no --doing").isEqualTo("Doing");

        JsonObject elsewhere = tack("claim", "--next", "--from", "Todo", "--doing", "Review", "--as", "agent-2", "--json")
                .expectOk().json().getAsJsonObject();
        assertThat(elsewhere.get("id").getAsLong()).isEqualTo(second);
        assertThat(elsewhere.get("column").getAsString()).as("--doing overrides the lane's").isEqualTo("Review");

        tack("column", "wip", "Doing", "1", "--hard").expectOk();
        CliRun.Result full = tack("claim", "--next", "--from", "Todo", "--as", "agent-3");
        assertThat(full.exit()).isEqualTo(3);
        assertThat(full.err()).contains("Doing is at its hard WIP limit (1/1)");
        assertThat(tack("ready", "--from", "Todo", "--explain").expectOk().out()).contains("Doing is at its hard WIP limit");

        assertThat(tack("column", "doing", "Todo", "--off").expectOk().out()).isEqualTo("claims from Todo leave their card there\n");
        JsonObject stays = tack("claim", "--next", "--from", "Todo", "--as", "agent-3", "--json").expectOk().json().getAsJsonObject();
        assertThat(stays.get("id").getAsLong()).isEqualTo(third);
        assertThat(stays.get("column").getAsString()).isEqualTo("Todo");
        assertThat(number("SELECT count(*) FROM events WHERE kind = 'column.doing'")).isEqualTo(2);
    }

    @Test
    void aWorkerWithoutDoingUsesTheLanesDoingColumn() {
        tack("column", "doing", "Todo", "Doing").expectOk();
        long card = add("by a worker");
        CliRun.Result worked = tack("worker", "--from", "Todo", "--to", "Done", "--exec", "true", "--once");
        assertThat(worked.exit()).as(worked.err()).isZero();
        assertThat(tack("log").expectOk().out()).contains("claimed #" + card + " (attempt 1), moved to Doing");
    }

    @Test
    void aBadDoingColumnIsRefusedAndWritesNothing() {
        CliRun.Snapshot before = snapshot();
        tack("column", "doing", "Todo", "Todo").expectError(2);
        tack("column", "doing", "Todo").expectError(2);
        tack("column", "doing", "Todo", "Doing", "--off").expectError(2);
        tack("column", "doing", "Todo", "Nowhere").expectError(3);
        tack("column", "doing", "Nowhere", "Doing").expectError(3);
        assertThat(snapshot()).isEqualTo(before);
        tack("column", "doing", "Todo", "Doing").expectOk();
        CliRun.Snapshot set = snapshot();
        tack("column", "doing", "Todo", "Doing").expectOk(); // already so: nothing written
        assertThat(snapshot()).isEqualTo(set);
    }

    private JsonObject claim(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("claim", "--next", "--json"));
        all.addAll(List.of(args));
        if (!all.contains("--from")) {
            all.addAll(List.of("--from", "Todo", "--doing", "Doing"));
        }
        return tack(all.toArray(String[]::new)).expectOk().json().getAsJsonObject();
    }

    private static List<String> outcomes(JsonObject shown) {
        return StreamSupport.stream(shown.getAsJsonArray("runs").spliterator(), false)
                .map(r -> r.getAsJsonObject().get("outcome").getAsString()).toList();
    }

    /** Waits until the wall clock, the one the commands read, is past {@code instant} (a lease of 1 ms). */
    private static void awaitPast(Instant instant) throws InterruptedException {
        while (!Instant.now().isAfter(instant)) {
            Thread.sleep(1);
        }
    }

    /** The lease's end as {@code ready --explain} prints it: HH:mm in this machine's zone. */
    private static final class AgentOutputTimes {
        static String hhmm(JsonObject claimed) {
            return java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                    .format(Instant.parse(claimed.get("lease_until").getAsString()).atZone(java.time.ZoneId.systemDefault()));
        }
    }
}
