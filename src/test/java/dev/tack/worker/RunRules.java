package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import dev.tack.model.Run;

/**
 * What must hold of cards and runs once workers are done, whatever happened on the way: every card
 * in --to or --fail as the rules say, no two runs of a card at once, attempts that add up.
 */
final class RunRules {

    /** Numbers seen, for the report. */
    record Tally(int cards, int done, int failed, int runs, Map<String, Long> outcomes) {
        long count(String outcome) {
            return outcomes.getOrDefault(outcome, 0L);
        }
    }

    private RunRules() {
    }

    /**
     * Checks the end state of {@code cardIds}. {@code failedRunOutcomes} are the outcomes an
     * unsuccessful, counted run may have ("failed", plus "lost" when workers were killed).
     */
    static Tally verify(TestBoard board, List<Long> cardIds, int maxAttempts, Set<String> failedRunOutcomes) {
        Map<Long, TestBoard.CardRow> cards = board.cards().stream()
                .collect(Collectors.toMap(TestBoard.CardRow::id, c -> c));
        Map<Long, List<Run>> runsByCard = board.runs().stream().collect(Collectors.groupingBy(Run::cardId));
        int done = 0;
        int failed = 0;
        int runCount = 0;
        for (long id : cardIds) {
            TestBoard.CardRow card = cards.get(id);
            List<Run> runs = runsByCard.getOrDefault(id, List.of());
            runCount += runs.size();
            String about = "card " + card + " with runs " + runs;
            assertThat(card.claimedBy()).as(about).isNull();
            assertThat(runs).as(about).noneMatch(r -> r.outcome().equals("running") || r.finishedAt() == null);

            List<Run> counted = runs.stream().filter(r -> !r.outcome().equals("released")).toList();
            assertThat(card.attempts()).as("attempts add up: " + about).isEqualTo(counted.size());
            for (int i = 0; i < counted.size(); i++) {
                assertThat(counted.get(i).attempt()).as("attempt numbers run 1, 2, ...: " + about).isEqualTo(i + 1);
            }
            assertNoOverlap(runs, about);

            if (card.column().equals("Done")) {
                done++;
                assertThat(card.failed()).as(about).isFalse();
                assertThat(counted).as(about).isNotEmpty();
                assertThat(counted.get(counted.size() - 1).outcome()).as(about).isEqualTo("succeeded");
                assertThat(counted.subList(0, counted.size() - 1)).as(about)
                        .allSatisfy(r -> assertThat(failedRunOutcomes).contains(r.outcome()));
            } else {
                assertThat(card.column()).as("every card ends in Done or Failed: " + about).isEqualTo("Failed");
                failed++;
                assertThat(card.failed()).as(about).isTrue();
                assertThat(card.attempts()).as(about).isEqualTo(maxAttempts);
                assertThat(counted).as(about).allSatisfy(r -> assertThat(failedRunOutcomes).contains(r.outcome()));
            }
        }
        Map<String, Long> outcomes = runsByCard.values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(Run::outcome, Collectors.counting()));
        return new Tally(cardIds.size(), done, failed, runCount, outcomes);
    }

    /**
     * No two runs of one card overlap in time. A stale run is left out: its worker was paused past
     * its lease, and the late result it reported is exactly what the fencing refused.
     */
    static void assertNoOverlap(List<Run> runs, String about) {
        List<Run> live = new ArrayList<>(runs.stream().filter(r -> !r.outcome().equals("stale")).toList());
        live.sort(Comparator.comparing((Run r) -> Instant.parse(r.startedAt())).thenComparing(Run::id));
        for (int i = 1; i < live.size(); i++) {
            Run before = live.get(i - 1);
            Run after = live.get(i);
            assertThat(Instant.parse(after.startedAt()))
                    .as("run %d starts before run %d ended: %s", after.id(), before.id(), about)
                    .isAfterOrEqualTo(Instant.parse(before.finishedAt()));
        }
    }
}
