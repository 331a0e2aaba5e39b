package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import com.google.gson.JsonObject;
import dev.tack.Main;
import dev.tack.testing.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * Agents as separate processes (issue 16): sixteen {@code tack claim --next} processes racing for five
 * cards, a stale token refused in one process after another process took the card, and a report
 * handed from the process that finished a card to the one that takes the card waiting for it.
 */
class AgentClaimProcessTest extends EngineCliFixture {

    private static final Duration EXIT = Duration.ofMinutes(3);

    @Test
    void sixteenProcessesRacingForFiveCardsGetFiveDistinctCardsAndElevenExitThree() throws Exception {
        Set<Long> cards = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            cards.add(add("card " + i));
        }
        List<ChildJvm> racers = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                racers.add(child("racer-" + i, "--as", "racer-" + i, "claim", "--next", "--from", "Todo", "--doing", "Doing", "--json"));
            }
            List<Long> won = new ArrayList<>();
            Set<String> tokens = new HashSet<>();
            int nothing = 0;
            for (ChildJvm racer : racers) {
                int exit = racer.awaitExit(EXIT);
                JsonObject printed = CliRun.oneJsonDocument(String.join("\n", racer.lines())).getAsJsonObject();
                if (exit == 0) {
                    assertThat(printed.get("claimed_by").getAsString()).isEqualTo(racer.name());
                    won.add(printed.get("id").getAsLong());
                    tokens.add(printed.get("token").getAsString());
                } else {
                    assertThat(exit).as("%s exit; stderr %s", racer.name(), racer.stderr()).isEqualTo(3);
                    assertThat(printed.get("claimed").getAsBoolean()).isFalse();
                    assertThat(printed.get("reason").getAsString()).startsWith("nothing in Todo");
                    nothing++;
                }
            }
            assertThat(won).hasSize(5).doesNotHaveDuplicates();
            assertThat(new HashSet<>(won)).isEqualTo(cards);
            assertThat(tokens).hasSize(5);
            assertThat(nothing).isEqualTo(11);
        } finally {
            racers.forEach(ChildJvm::close);
        }
        assertThat(number("SELECT count(*) FROM runs")).isEqualTo(5);
        assertThat(number("SELECT count(*) FROM events WHERE kind = 'card.claimed'")).isEqualTo(5);
        assertThat(number("SELECT count(DISTINCT claimed_by) FROM cards WHERE claimed_by IS NOT NULL")).isEqualTo(5);
    }

    @Test
    void aStaleAgentCannotFinishACardAnotherProcessTookAfterItsLeaseRanOut() throws Exception {
        long card = add("migrate");
        long waiting = add("deploy", "--after", String.valueOf(card));
        JsonObject slow = run(0, "--as", "slow", "claim", "--next", "--lease", "1ms", "--json");
        awaitPast(Instant.parse(slow.get("lease_until").getAsString()));

        JsonObject fast = run(0, "--as", "fast", "claim", "--next", "--json");
        assertThat(fast.get("id").getAsLong()).isEqualTo(card);
        try (ChildJvm late = child("late", "--as", "slow", "done", String.valueOf(card), "--token", slow.get("token").getAsString(),
                "--summary", "done twice?")) {
            assertThat(late.awaitExit(EXIT)).isEqualTo(4);
            assertThat(late.stderr().lines().toList()).hasSize(1);
            assertThat(late.stderr()).startsWith("tack: #" + card + ": that claim has ended");
        }
        run(0, "--as", "fast", "done", String.valueOf(card), "--token", fast.get("token").getAsString(),
                "--summary", "migrated to v7", "--meta", "{\"version\": 7}", "--json");

        JsonObject next = run(0, "--as", "third", "claim", "--next", "--json");
        assertThat(next.get("id").getAsLong()).isEqualTo(waiting);
        JsonObject report = next.getAsJsonArray("prerequisites").get(0).getAsJsonObject();
        assertThat(report.get("summary").getAsString()).isEqualTo("migrated to v7");
        assertThat(report.getAsJsonObject("meta").get("version").getAsInt()).isEqualTo(7);
        assertThat(report.get("by").getAsString()).isEqualTo("fast");
        assertThat(number("SELECT count(*) FROM runs WHERE outcome = 'lost'")).isEqualTo(1);
        assertThat(number("SELECT count(*) FROM runs WHERE summary = 'done twice?'")).isZero();
    }

    private ChildJvm child(String name, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", location));
        all.addAll(List.of(args));
        return ChildJvm.start(name, folder, Main.class, all.toArray(String[]::new));
    }

    /** Runs tack in a child JVM, expects {@code exit}, returns its JSON. */
    private JsonObject run(int exit, String... args) throws InterruptedException {
        try (ChildJvm child = child(args[1], args)) {
            assertThat(child.awaitExit(EXIT)).as("exit; stderr %s", child.stderr()).isEqualTo(exit);
            return CliRun.oneJsonDocument(String.join("\n", child.lines())).getAsJsonObject();
        }
    }

    private static void awaitPast(Instant instant) throws InterruptedException {
        while (!Instant.now().isAfter(instant)) {
            Thread.sleep(1);
        }
    }
}
