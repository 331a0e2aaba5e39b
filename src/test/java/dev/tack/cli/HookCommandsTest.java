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
}
