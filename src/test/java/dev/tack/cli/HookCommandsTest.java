package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** tack hook add/ls/rm, and real hook scripts that write down what they were given (issue 16). */
class HookCommandsTest extends EngineCliFixture {

    private Path seen;
    private String hook;

    /** A hook script that keeps the JSON of standard input and a line of its environment, one file per event and card. */
    @BeforeEach
    void script() throws IOException {
        seen = Files.createDirectories(folder.resolve("seen"));
        Path script = folder.resolve("hook.sh");
        Files.writeString(script, """
                #!/bin/sh
                cat > "$1/$TACK_EVENT-$TACK_CARD_ID.json"
                printf '%s|%s|%s|%s|%s|%s\\n' "$TACK_EVENT" "$TACK_CARD_ID" "$TACK_CARD_TITLE" "$TACK_COLUMN" "${TACK_FROM_COLUMN-}" "$TACK_BOARD" \\
                  > "$1/$TACK_EVENT-$TACK_CARD_ID.env"
                """);
        hook = "sh '" + script + "' '" + seen + "'";
    }

    private JsonObject seen(String event, long card) throws IOException {
        return JsonParser.parseString(Files.readString(seen.resolve(event + "-" + card + ".json"))).getAsJsonObject();
    }

    private String env(String event, long card) throws IOException {
        return Files.readString(seen.resolve(event + "-" + card + ".env")).strip();
    }

    @Test
    void aHookSeesTheCardAndTheEventOnStandardInputAndInItsEnvironment() throws IOException {
        JsonObject added = tack("hook", "add", "created", hook, "--json").expectOk().json().getAsJsonObject();
        tack("hook", "add", "moved", hook, "--column", "Done").expectOk();

        long id = add("write the report", "-t", "docs");
        JsonObject created = seen("created", id);
        assertThat(created.get("event").getAsString()).isEqualTo("created");
        assertThat(created.get("hook").getAsLong()).isEqualTo(added.get("id").getAsLong());
        assertThat(created.get("board").getAsString()).isEqualTo("main");
        assertThat(created.get("column").getAsString()).isEqualTo("Todo");
        assertThat(created.get("from").isJsonNull()).isTrue();
        JsonObject card = created.getAsJsonObject("card");
        assertThat(card.get("id").getAsLong()).isEqualTo(id);
        assertThat(card.get("title").getAsString()).isEqualTo("write the report");
        assertThat(card.getAsJsonArray("tags").get(0).getAsString()).isEqualTo("docs");
        assertThat(env("created", id)).isEqualTo("created|" + id + "|write the report|Todo||main");

        tack("mv", String.valueOf(id), "Doing").expectOk();
        assertThat(seen.resolve("moved-" + id + ".json")).as("a move into another column than --column's").doesNotExist();
        tack("mv", String.valueOf(id), "Done", "--json").expectOk().json(); // the hook's output never mixes into the document
        JsonObject moved = seen("moved", id);
        assertThat(moved.get("from").getAsString()).isEqualTo("Doing");
        assertThat(moved.getAsJsonObject("card").get("column").getAsString()).isEqualTo("Done");
        assertThat(env("moved", id)).isEqualTo("moved|" + id + "|write the report|Done|Doing|main");
    }

    @Test
    void hooksAreListedAndRemovedAndTheirChangesAreEvents() {
        tack("hook", "add", "done", "notify-send done").expectOk();
        String out = tack("hook", "add", "moved", "true", "-c", "Done", "--timeout", "3s").expectOk().out();
        assertThat(out).matches("added hook #\\d+ on moved to Done\n");
        JsonArray listed = tack("hook", "ls", "--json").expectOk().json().getAsJsonArray();
        assertThat(listed).hasSize(2);
        JsonObject second = listed.get(1).getAsJsonObject();
        assertThat(second.get("event").getAsString()).isEqualTo("moved");
        assertThat(second.get("column").getAsString()).isEqualTo("Done");
        assertThat(second.get("timeout_ms").getAsLong()).isEqualTo(3000);
        assertThat(tack("hook", "ls").expectOk().out()).contains("done  notify-send done", "moved to Done  true");

        long id = second.get("id").getAsLong();
        assertThat(tack("hook", "rm", "#" + id).expectOk().out()).isEqualTo("removed hook #" + id + " on moved to Done\n");
        assertThat(tack("hook", "ls", "--json").expectOk().json().getAsJsonArray()).hasSize(1);
        tack("hook", "rm", String.valueOf(id)).expectError(3);
        assertThat(number("SELECT count(*) FROM events WHERE kind IN ('hook.added', 'hook.removed')")).isEqualTo(3);
    }

    @Test
    void badHooksAreUsageErrorsAndWriteNothing() {
        CliRun.Snapshot before = snapshot();
        tack("hook", "add", "exploded", "true").expectError(2);
        tack("hook", "add", "done", "true", "--column", "Done").expectError(2);
        tack("hook", "add", "moved", "true", "--column", "Nowhere").expectError(3);
        tack("hook", "add", "done", " ").expectError(2);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aFailingOrHangingHookIsLoggedAndNeverFailsTheWrite() throws IOException {
        tack("hook", "add", "created", "echo 'rate limited' >&2; exit 3").expectOk();
        tack("hook", "add", "created", "sleep 30", "--timeout", "200ms").expectOk();
        tack("hook", "add", "created", hook).expectOk();
        CliRun.Result added = tack("add", "still added");
        assertThat(added.exit()).isZero();
        long id = Long.parseLong(added.out().strip());
        assertThat(added.errLines()).hasSize(2);
        assertThat(added.errLines().get(0)).matches("tack: hook: hook #\\d+ \\(created\\) on #" + id + " failed \\(exit 3\\): rate limited");
        assertThat(added.errLines().get(1)).matches("tack: hook: hook #\\d+ \\(created\\) on #" + id + " timed out after 0.2 s and was stopped");
        assertThat(seen("created", id).getAsJsonObject("card").get("title").getAsString())
                .as("the hooks after a failed one still run").isEqualTo("still added");
        assertThat(tack("show", String.valueOf(id), "--json").expectOk().json().getAsJsonObject().get("title").getAsString())
                .isEqualTo("still added");
    }

    @Test
    void aWorkerFiresClaimedDoneFailedAndMoved() throws IOException {
        tack("column", "add", "Failed").expectOk();
        for (String event : new String[] {"claimed", "done", "failed"}) {
            tack("hook", "add", event, hook).expectOk();
        }
        tack("hook", "add", "moved", hook, "--column", "Doing").expectOk();
        long good = add("passes");
        CliRun.Result worked = tack("worker", "--from", "Todo", "--doing", "Doing", "--to", "Done", "--exec", "true", "--once");
        assertThat(worked.exit()).as(worked.err()).isZero();
        assertThat(seen("claimed", good).getAsJsonObject("card").get("claimed_by").isJsonNull()).isFalse();
        assertThat(seen("moved", good).get("from").getAsString()).isEqualTo("Todo");
        assertThat(seen("done", good).get("column").getAsString()).isEqualTo("Done");
        assertThat(seen("done", good).get("from").getAsString()).isEqualTo("Doing");

        long bad = add("fails");
        worked = tack("worker", "--from", "Todo", "--to", "Done", "--fail", "Failed", "--exec", "exit 7", "--once", "--max-attempts", "1");
        assertThat(worked.exit()).as(worked.err()).isZero();
        JsonObject failed = seen("failed", bad);
        assertThat(failed.get("column").getAsString()).isEqualTo("Failed");
        assertThat(failed.getAsJsonObject("card").get("failed").getAsBoolean()).isTrue();
    }

    @Test
    void agentsFireClaimedDoneBlockedLeaseLostAndTheMovesOfARelease() throws IOException, InterruptedException {
        for (String event : new String[] {"claimed", "done", "blocked", "lease-lost"}) {
            tack("hook", "add", event, hook).expectOk();
        }
        tack("hook", "add", "moved", hook, "--column", "Todo").expectOk(); // a release and a lost lease go back to Todo

        long finished = add("finished");
        String token = claim("agent-1", "10m").get("token").getAsString();
        assertThat(seen("claimed", finished).getAsJsonObject("card").get("claimed_by").getAsString()).isEqualTo("agent-1");
        tack("done", String.valueOf(finished), "--token", token, "--summary", "ok", "--as", "agent-1").expectOk();
        JsonObject done = seen("done", finished);
        assertThat(done.get("column").getAsString()).isEqualTo("Done");
        assertThat(done.get("from").getAsString()).isEqualTo("Doing");
        assertThat(done.get("actor").getAsString()).isEqualTo("agent-1");
        assertThat(env("done", finished)).isEqualTo("done|" + finished + "|finished|Done|Doing|main");

        long blocked = add("blocked");
        token = claim("agent-1", "10m").get("token").getAsString();
        tack("block", String.valueOf(blocked), "--token", token, "--reason", "needs the password").expectOk();
        JsonObject block = seen("blocked", blocked);
        assertThat(block.get("column").getAsString()).isEqualTo("Doing");
        assertThat(block.getAsJsonObject("card").get("failed").getAsBoolean()).isTrue();
        assertThat(env("blocked", blocked)).startsWith("blocked|" + blocked + "|blocked|Doing|");

        long released = add("released");
        token = claim("agent-1", "10m").get("token").getAsString();
        tack("release", String.valueOf(released), "--token", token).expectOk();
        assertThat(seen("moved", released).get("from").getAsString()).isEqualTo("Doing");
        assertThat(env("moved", released)).isEqualTo("moved|" + released + "|released|Todo|Doing|main");
        assertThat(seen.resolve("done-" + released + ".json")).as("a release is not done").doesNotExist();

        JsonObject slow = claim("slow", "1ms");
        long lost = slow.get("id").getAsLong();
        assertThat(lost).as("the released card, alone in Todo").isEqualTo(released);
        java.time.Instant until = java.time.Instant.parse(slow.get("lease_until").getAsString());
        while (!java.time.Instant.now().isAfter(until)) {
            Thread.sleep(1);
        }
        Files.delete(seen.resolve("claimed-" + lost + ".json"));
        assertThat(claim("fast", "10m").get("id").getAsLong()).as("the lost card, back at the top of Todo").isEqualTo(lost);
        JsonObject leaseLost = seen("lease-lost", lost);
        assertThat(leaseLost.get("column").getAsString()).isEqualTo("Todo");
        assertThat(leaseLost.get("from").getAsString()).isEqualTo("Doing");
        assertThat(env("lease-lost", lost)).isEqualTo("lease-lost|" + lost + "|released|Todo|Doing|main");
        assertThat(seen("claimed", lost).getAsJsonObject("card").get("claimed_by").getAsString()).isEqualTo("fast");
    }

    private JsonObject claim(String agent, String lease) {
        return tack("claim", "--next", "--from", "Todo", "--doing", "Doing", "--as", agent, "--lease", lease, "--json")
                .expectOk().json().getAsJsonObject();
    }

    @Test
    void aPersonsMoveIntoADoneColumnFiresDoneAndAnUndoneMoveFiresMovedAgain() throws IOException {
        tack("hook", "add", "done", hook).expectOk();
        tack("hook", "add", "moved", hook).expectOk();
        long id = add("by hand");
        tack("mv", String.valueOf(id), "Doing", "--as", "alice").expectOk();
        assertThat(env("moved", id)).isEqualTo("moved|" + id + "|by hand|Doing|Todo|main");
        assertThat(seen.resolve("done-" + id + ".json")).as("Doing is not a done column").doesNotExist();

        tack("mv", String.valueOf(id), "Done", "--as", "alice").expectOk();
        assertThat(env("done", id)).isEqualTo("done|" + id + "|by hand|Done|Doing|main");
        assertThat(seen("done", id).get("actor").getAsString()).isEqualTo("alice");

        Files.delete(seen.resolve("done-" + id + ".json"));
        tack("undo", "--as", "alice").expectOk();
        assertThat(env("moved", id)).as("the undo moved it back").isEqualTo("moved|" + id + "|by hand|Doing|Done|main");
        tack("redo", "--as", "alice").expectOk();
        assertThat(env("done", id)).as("the redo moved it into Done again").isEqualTo("done|" + id + "|by hand|Done|Doing|main");

        Files.delete(seen.resolve("done-" + id + ".json"));
        tack("column", "done", "Doing").expectOk(); // now Doing is the board's one done column, Done is not
        tack("mv", String.valueOf(id), "Doing", "--as", "alice").expectOk();
        assertThat(env("done", id)).isEqualTo("done|" + id + "|by hand|Doing|Done|main");
    }

    @Test
    void aCardReclaimedOutOfAttemptsFiresLeaseLostAndFailed() throws IOException {
        tack("column", "add", "Failed").expectOk();
        tack("hook", "add", "lease-lost", hook).expectOk();
        tack("hook", "add", "failed", hook).expectOk();
        tack("hook", "add", "done", hook).expectOk();
        long id = add("orphan");
        // a worker that died holding the card on its last attempt: a pid that is gone on this host
        execute("UPDATE cards SET claimed_by = 'ghost', claim_host = '" + dev.tack.model.Hosts.name() + "', claim_pid = 2147483000,"
                + " lease_until = 9999999999999, attempts = 1 WHERE id = " + id);
        CliRun.Result worked = tack("worker", "--from", "Todo", "--to", "Done", "--fail", "Failed", "--exec", "true",
                "--max-attempts", "1", "--exit-when-idle");
        assertThat(worked.exit()).as(worked.err()).isZero();
        assertThat(seen("lease-lost", id).get("column").getAsString()).isEqualTo("Failed");
        assertThat(env("failed", id)).isEqualTo("failed|" + id + "|orphan|Failed|Todo|main");
        assertThat(seen.resolve("done-" + id + ".json")).as("Failed is the last column, but a failed card is not done").doesNotExist();
    }
}
