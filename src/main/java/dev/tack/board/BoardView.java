package dev.tack.board;

import java.util.List;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.Column;

/**
 * A board as read in one transaction: its columns in order, each with its live cards top to
 * bottom, and the last event id at that moment (a change feed continues from there).
 */
public record BoardView(Board board, List<Lane> lanes, long lastEventId) {

    public BoardView {
        lanes = List.copyOf(lanes);
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
