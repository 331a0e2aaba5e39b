package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import dev.tack.model.Column;
import org.junit.jupiter.api.Test;

/** The rows an import writes, made on their own thread: ids, places and events, in the file's order. */
class PreparedCardsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC);

    private static BoardSnapshot.Item item(String title, boolean archived) {
        return new BoardSnapshot.Item(title, "", List.of("b", "a"), 0, null, null, archived, List.of());
    }

    private static List<PreparedCards.Row> all(PreparedCards cards) {
        List<PreparedCards.Row> rows = new ArrayList<>();
        for (PreparedCards.Row row = cards.next(); row != null; row = cards.next()) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void cardsTakeTheReservedIdsInOrderAndThePositionsAfterEachColumnsCards() {
        Column todo = new Column(7, 1, "Todo", 0, null, false);
        Column done = new Column(8, 1, "Done", 1, null, false);
        List<BoardSnapshot.Item> many = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            many.add(item("t" + i, false));
        }
        List<PreparedCards.Target> targets = List.of(new PreparedCards.Target(todo, 3, many),
                new PreparedCards.Target(done, 0, List.of(item("kept", false), item("old", true), item("last", false))));
        try (PreparedCards cards = new PreparedCards(targets, 1, 100, CLOCK)) {
            List<PreparedCards.Row> rows = all(cards);
            assertThat(rows).hasSize(1_003);
            assertThat(rows.get(0).id()).isEqualTo(100);
            assertThat(rows.get(0).position()).isEqualTo(3);
            assertThat(rows.get(999).position()).isEqualTo(1_002);
            assertThat(rows.subList(1_000, 1_003)).extracting(PreparedCards.Row::id).containsExactly(1_100L, 1_101L, 1_102L);
            assertThat(rows.subList(1_000, 1_003)).extracting(PreparedCards.Row::position).containsExactly(0, -1, 1);
            PreparedCards.Row kept = rows.get(1_000);
            assertThat(kept.tags()).containsExactly("a", "b");
            assertThat(kept.summary()).isEqualTo("imported #1100 into Done");
            assertThat(kept.at()).isEqualTo("2026-12-02T03:00:00.000Z");
            assertThat(Json.gson().fromJson(kept.event(), java.util.Map.class))
                    .containsEntry("title", "kept").containsEntry("column", "Done").containsEntry("position", 0.0);
            assertThat(cards.poll()).isNull();
        }
    }

    @Test
    void whatGoesWrongWhileMakingTheRowsReachesTheWriter() {
        Column todo = new Column(7, 1, "Todo", 0, null, false);
        List<BoardSnapshot.Item> broken = new AbstractList<>() {
            @Override
            public BoardSnapshot.Item get(int index) {
                if (index == 600) {
                    throw new IllegalStateException("card 600 is broken");
                }
                return item("t" + index, false);
            }

            @Override
            public int size() {
                return 1_000;
            }
        };
        try (PreparedCards cards = new PreparedCards(List.of(new PreparedCards.Target(todo, 0, broken)), 1, 1, CLOCK)) {
            assertThatThrownBy(() -> all(cards)).isInstanceOf(IllegalStateException.class).hasMessage("card 600 is broken");
        }
    }
}
