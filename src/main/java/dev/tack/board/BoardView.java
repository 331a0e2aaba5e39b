package dev.tack.board;

import java.util.List;
import java.util.Map;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.Column;
import dev.tack.model.Run;

/**
 * A board as read in one transaction: its columns in order, each with its live cards top to
 * bottom, the last event id at that moment (a change feed continues from there), and the runs
 * workers have going on its cards.
 */
public record BoardView(Board board, List<Lane> lanes, long lastEventId, Map<Long, Run> running) {

    public BoardView {
        lanes = List.copyOf(lanes);
        running = Map.copyOf(running);
    }

    public BoardView(Board board, List<Lane> lanes, long lastEventId) {
        this(board, lanes, lastEventId, Map.of());
    }

    /** The run a worker has going on a card, if any: who, since when, its latest output. */
    public java.util.Optional<Run> runOf(long cardId) {
        return java.util.Optional.ofNullable(running.get(cardId));
    }

    /** One column and its cards. {@code total} counts every live card, {@code cards} the ones shown. */
    public record Lane(Column column, int total, List<Card> cards) {
        public Lane {
            cards = List.copyOf(cards);
        }

        public boolean overLimit() {
            return column.overLimit(total);
        }
    }

    public int cardCount() {
        return lanes.stream().mapToInt(l -> l.cards().size()).sum();
    }
}
