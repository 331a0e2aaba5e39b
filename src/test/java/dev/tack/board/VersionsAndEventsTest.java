package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import dev.tack.model.Card;
import dev.tack.model.Event;
import dev.tack.model.TackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.tack.testing.Engine;
import org.junit.jupiter.api.io.TempDir;

/** Every change bumps the card's version by exactly one and leaves exactly one event; stale versions are refused. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class VersionsAndEventsTest {

    @Parameter
    Engine engine;

    @TempDir
    Path folder;

    BoardFixture board;

    @BeforeEach
    void open() {
        board = BoardFixture.create(engine, folder);
    }

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void aNewCardIsAtVersionOneWithOneEvent() {
        long events = board.eventCount();
        Card card = board.add("first");
        assertThat(card.version()).isEqualTo(1);
        assertThat(board.eventCount()).isEqualTo(events + 1);
        Event event = lastEvent();
        assertThat(event.kind()).isEqualTo("card.added");
        assertThat(event.cardId()).isEqualTo(card.id());
        assertThat(event.actor()).isEqualTo("tester");
        assertThat(event.before()).isNull();
        assertThat(event.after()).contains("\"title\":\"first\"");
    }

    @Test
    void eventsStoreOnlyWhatChangedWithTheColumnsId() {
        Card card = board.cards.add(new NewCard("card", null, "a long description that moves do not repeat", List.of(), 0, null, null, null));
        board.cards.move(card.id(), "Doing", null, null);
        Event moved = lastEvent();
        assertThat(moved.shape()).isEqualTo(2);
        long doing = board.queries.card(card.id()).columnId();
        assertThat(com.google.gson.JsonParser.parseString(moved.after()).getAsJsonObject().keySet())
                .containsExactlyInAnyOrder("column_id", "column", "position", "version");
        assertThat(moved.after()).contains("\"column_id\":" + doing).doesNotContain("description");

        board.cards.edit(card.id(), CardEdit.none().withTitle("renamed"), null);
        Event edited = lastEvent();
        assertThat(com.google.gson.JsonParser.parseString(edited.before()).getAsJsonObject().keySet())
                .containsExactlyInAnyOrder("title", "version");
        assertThat(edited.before()).contains("\"title\":\"card\"");
        assertThat(edited.after()).contains("\"title\":\"renamed\"");
    }

    @Test
    void eachChangeBumpsTheVersionByOneAndLeavesOneEvent() {
        long id = board.add("card").id();
        board.add("other");
        expectOneChange(id, "card.moved", v -> board.cards.move(id, "Todo", 1, v));
        expectOneChange(id, "card.moved", v -> board.cards.move(id, "Doing", null, v));
        expectOneChange(id, "card.moved", v -> board.cards.shift(id, -1, v));
        expectOneChange(id, "card.moved", v -> board.cards.step(id, 1, v));
        expectOneChange(id, "card.edited", v -> board.cards.edit(id, CardEdit.none().withTitle("renamed"), v));
        expectOneChange(id, "card.edited", v -> board.cards.edit(id,
                new CardEdit(null, "text", List.of("a", "b"), List.of(), 2, Optional.of(LocalDate.of(2030, 1, 1)),
                        Optional.of("bob")), v));
        expectOneChange(id, "card.edited", v -> board.cards.edit(id,
                new CardEdit(null, null, List.of(), List.of("a"), null, Optional.empty(), Optional.empty()), v));
        expectOneChange(id, "card.archived", v -> board.cards.archive(id, v));
        expectOneChange(id, "card.restored", v -> board.cards.restore(id));
        expectOneChange(id, "card.commented", v -> {
            board.cards.comment(id, "a remark");
            return board.card(id);
        });
        Card card = board.card(id);
        assertThat(card.title()).isEqualTo("renamed");
        assertThat(card.tags()).containsExactly("b");
        assertThat(card.due()).isNull();
        assertThat(card.assignee()).isNull();
        assertThat(card.priority()).isEqualTo(2);
        assertThat(card.version()).isEqualTo(11);
    }

    @Test
    void movingOneCardDoesNotBumpTheVersionsOfTheCardsItShifts() {
        long a = board.add("a").id();
        long b = board.add("b").id();
        board.cards.move(b, "Todo", 0, null);
        assertThat(board.card(a).version()).isEqualTo(1);
        assertThat(board.card(a).position()).isEqualTo(1);
        assertThat(board.card(b).version()).isEqualTo(2);
    }

    @Test
    void boardAndColumnChangesLeaveOneEventEach() {
        expectOneEvent("column.added", () -> board.columns.add("Review", 2, false, 1));
        expectOneEvent("column.renamed", () -> board.columns.rename("Review", "Check"));
        expectOneEvent("column.moved", () -> board.columns.move("Check", 0));
        expectOneEvent("column.limited", () -> board.columns.limit("Check", 3, true));
        expectOneEvent("column.removed", () -> {
            board.columns.remove("Check");
            return null;
        });
        expectOneEvent("board.added", () -> board.boards.add("side", null));
        expectOneEvent("board.renamed", () -> board.boards.rename("side", "aside"));
        expectOneEvent("board.removed", () -> {
            board.boards.remove("aside", false);
            return null;
        });
    }

    @Test
    void aStaleIfVersionIsAConflictAndWritesNothing() {
        long id = board.add("card").id();
        board.cards.edit(id, CardEdit.none().withTitle("v2"), null);
        long events = board.eventCount();
        List<List<Long>> layout = board.layout();

        for (Runnable stale : List.<Runnable>of(
                () -> board.cards.move(id, "Doing", null, 1L),
                () -> board.cards.shift(id, 1, 1L),
                () -> board.cards.step(id, 1, 1L),
                () -> board.cards.edit(id, CardEdit.none().withTitle("lost"), 1L),
                () -> board.cards.archive(id, 1L),
                () -> board.cards.move(id, "Doing", null, 3L))) {
            assertThatThrownBy(stale::run)
                    .isInstanceOfSatisfying(TackException.class, e -> assertThat(e.kind()).isEqualTo(TackException.Kind.CONFLICT))
                    .hasMessageContaining("version 2");
        }
        assertThat(board.card(id).version()).isEqualTo(2);
        assertThat(board.card(id).title()).isEqualTo("v2");
        assertThat(board.eventCount()).isEqualTo(events);
        assertThat(board.layout()).isEqualTo(layout);

        assertThat(board.cards.move(id, "Doing", null, 2L).version()).isEqualTo(3);
    }

    private void expectOneChange(long id, String kind, LongFunction<Card> change) {
        Card before = board.card(id);
        long events = board.eventCount();
        Card after = change.apply(before.version());
        assertThat(after.version()).as(kind).isEqualTo(before.version() + 1);
        assertThat(board.card(id).version()).as(kind).isEqualTo(before.version() + 1);
        assertThat(board.eventCount()).as(kind).isEqualTo(events + 1);
        Event event = lastEvent();
        assertThat(event.kind()).isEqualTo(kind);
        assertThat(event.cardId()).isEqualTo(id);
    }

    private void expectOneEvent(String kind, java.util.function.Supplier<?> change) {
        long events = board.eventCount();
        change.get();
        assertThat(board.eventCount()).as(kind).isEqualTo(events + 1);
        assertThat(lastEvent().kind()).isEqualTo(kind);
    }

    private Event lastEvent() {
        List<Event> events = board.queries.eventsAfter(board.lastEventId() - 1, 10);
        return events.get(events.size() - 1);
    }
}
