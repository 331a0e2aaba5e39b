package dev.tack.board;

import java.util.List;
import java.util.Map;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.ChecklistProgress;
import dev.tack.model.Column;
import dev.tack.model.Run;

/**
 * A board as read in one transaction: its columns in order, each with its live cards top to
 * bottom, the last event id at that moment (a change feed continues from there), the runs
 * workers have going on its cards, and what hangs off its cards ({@link Marks}).
 */
public record BoardView(Board board, List<Lane> lanes, long lastEventId, Map<Long, Run> running, Marks marks) {

    public BoardView {
        lanes = List.copyOf(lanes);
        running = Map.copyOf(running);
        marks = marks == null ? Marks.NONE : marks;
    }

    public BoardView(Board board, List<Lane> lanes, long lastEventId, Map<Long, Run> running) {
        this(board, lanes, lastEventId, running, Marks.NONE);
    }

    public BoardView(Board board, List<Lane> lanes, long lastEventId) {
        this(board, lanes, lastEventId, Map.of(), Marks.NONE);
    }

    /**
     * Links and checklists of the board's cards, by card id: what each waits for and what waits for
     * it (any board), the prerequisites not done yet of each card that waits ({@link Readiness}),
     * checklist progress, and how many comments each has (read in the same transaction, one
     * grouped query for the board). Cards without any are not in the maps.
     */
    public record Marks(Map<Long, List<Long>> waitsFor, Map<Long, List<Long>> blocks, Map<Long, List<Long>> blocked,
                        Map<Long, ChecklistProgress> checklists, Map<Long, Integer> comments) {
        public static final Marks NONE = new Marks(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

        public Marks {
            waitsFor = Map.copyOf(waitsFor);
            blocks = Map.copyOf(blocks);
            blocked = Map.copyOf(blocked);
            checklists = Map.copyOf(checklists);
            comments = Map.copyOf(comments);
        }

        public Marks(Map<Long, List<Long>> waitsFor, Map<Long, List<Long>> blocks, Map<Long, List<Long>> blocked,
                     Map<Long, ChecklistProgress> checklists) {
            this(waitsFor, blocks, blocked, checklists, Map.of());
        }

        /** How many comments card {@code id} has (0 when none). */
        public int comments(long id) {
            return comments.getOrDefault(id, 0);
        }

        /** The prerequisites card {@code id} still waits for (empty: it is ready). */
        public List<Long> waitingFor(long id) {
            return blocked.getOrDefault(id, List.of());
        }

        public List<Long> waitsFor(long id) {
            return waitsFor.getOrDefault(id, List.of());
        }

        public List<Long> blocks(long id) {
            return blocks.getOrDefault(id, List.of());
        }

        public java.util.Optional<ChecklistProgress> checklist(long id) {
            return java.util.Optional.ofNullable(checklists.get(id));
        }
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
