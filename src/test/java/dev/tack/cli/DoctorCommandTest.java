package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** tack doctor on the command line, on both engines: one line per check, exit 1 and a JSON document when something needs action. */
class DoctorCommandTest extends EngineCliFixture {

    @Test
    void aHealthyBoardIsFiveOkLinesAndExitZero() {
        CliRun.Result healthy = tack("doctor").expectOk();
        assertThat(healthy.out().lines().toList()).hasSize(5).allMatch(line -> line.startsWith("ok       "));
        assertThat(healthy.out()).contains("ok       integrity: ", "ok       journal: ", "ok       claims: ", "ok       waiting: ", "ok       workers: ");
        JsonObject json = tack("doctor", "--json").expectOk().json().getAsJsonObject();
        assertThat(json.get("ok").getAsBoolean()).isTrue();
        assertThat(json.getAsJsonArray("findings")).hasSize(5);
    }

    @Test
    void aStuckClaimIsAProblemLineWithWhatToDoAndExitOne() throws InterruptedException {
        long card = add("stuck");
        JsonObject claimed = tack("claim", "--next", "--from", "Todo", "--doing", "Doing", "--as", "gone", "--lease", "1ms", "--json")
                .expectOk().json().getAsJsonObject();
        Instant until = Instant.parse(claimed.get("lease_until").getAsString());
        while (!Instant.now().isAfter(until)) {
            Thread.sleep(1);
        }
        CliRun.Snapshot before = snapshot();
        CliRun.Result sick = tack("doctor");
        assertThat(sick.exit()).isEqualTo(1);
        assertThat(sick.out()).contains("problem  claims: #" + card + " in Doing: gone's lease ran out");
        assertThat(sick.out()).contains("tack mv " + card + " COLUMN");
        assertThat(sick.errLines()).containsExactly("tack: doctor found 1 thing that need action");
        assertThat(snapshot()).as("doctor only reads").isEqualTo(before);

        CliRun.Result json = tack("doctor", "--json");
        assertThat(json.exit()).isEqualTo(1);
        JsonObject document = CliRun.oneJsonDocument(json.out()).getAsJsonObject();
        assertThat(document.get("ok").getAsBoolean()).isFalse();
        JsonArray findings = document.getAsJsonArray("findings");
        JsonObject claims = findings.get(2).getAsJsonObject();
        assertThat(claims.get("check").getAsString()).isEqualTo("claims");
        assertThat(claims.get("ok").getAsBoolean()).isFalse();
        assertThat(claims.get("action").getAsString()).contains("claim --next");
    }

    @Test
    void badOptionsAreUsageErrors() {
        tack("doctor", "--stale", "soon").expectError(2);
        tack("doctor", "--failed-runs", "0").expectError(2);
        tack("doctor", "--lane", "Nowhere").expectError(3);
    }
}
