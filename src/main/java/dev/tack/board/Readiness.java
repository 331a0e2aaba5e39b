package dev.tack.board;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import dev.tack.model.Card;
import dev.tack.model.CardLink;
import dev.tack.model.Column;
import dev.tack.model.ColumnRule;
import dev.tack.store.StorageTx;

/**
 * The one answer to "is this card ready, and if not, why": a card is ready when every card it
 * waits for is done, and a card is done when it is archived or in a done column of its own board
 * (the columns marked with {@code tack column done}, or the board's last column while none is
 * marked). The claim of a worker, the gate of a column, {@code ls --ready}, the screen's mark and
 * the agent queue of issue 16 all ask here, inside whatever transaction they are in, so what they
 * see is what that transaction sees.
 *
 * <p>An instance remembers each board's done columns for the life of one transaction; make a new
 * one per transaction ({@link #in}).
 */
public final class Readiness {

    /** Whether a card is ready, and the cards it still waits for (in id order) when it is not. */
    public record Status(long cardId, List<Long> waitingFor) {
        public Status {
            waitingFor = List.copyOf(waitingFor);
        }

        public boolean ready() {
            return waitingFor.isEmpty();
        }

        /** "waiting for #5, #6", or "ready". */
        public String reason() {
            return ready() ? "ready" : "waiting for " + waitingFor.stream().map(id -> "#" + id).collect(Collectors.joining(", "));
        }
    }

    private final StorageTx tx;
    private final Map<Long, Set<Long>> doneColumns = new HashMap<>();

    private Readiness(StorageTx tx) {
        this.tx = tx;
    }

    /** Readiness as seen by transaction {@code tx}. */
    public static Readiness in(StorageTx tx) {
        return new Readiness(tx);
    }

    /** Card {@code cardId}'s readiness. */
    public Status of(long cardId) {
        List<Long> waiting = new ArrayList<>();
        for (long prerequisite : tx.links().waitsFor(cardId)) {
            if (!isDone(prerequisite)) {
                waiting.add(prerequisite);
            }
        }
        return new Status(cardId, waiting);
    }

    /** Whether card {@code id} counts as done for the cards that wait for it (a card that is gone does). */
    public boolean isDone(long id) {
        Optional<Card> card = tx.cards().byId(id);
        return card.isEmpty() || isDone(card.get());
    }

    public boolean isDone(Card card) {
        return card.archived() || doneColumnsOf(card.boardId()).contains(card.columnId());
    }

    /** The columns of a board whose cards count as done: the marked ones, else the last. */
    public Set<Long> doneColumnsOf(long boardId) {
        return doneColumns.computeIfAbsent(boardId, id -> {
            Set<Long> marked = tx.columnRules().ofBoard(id).stream().filter(ColumnRule::done).map(ColumnRule::columnId)
                    .collect(Collectors.toSet());
            if (!marked.isEmpty()) {
                return marked;
            }
            List<Column> columns = tx.columns().ofBoard(id);
            return columns.isEmpty() ? Set.of() : Set.of(columns.get(columns.size() - 1).id());
        });
    }

    /** Whether a column takes only ready cards ({@code tack column gate}). */
    public boolean isGate(Column column) {
        return tx.columnRules().ofBoard(column.boardId()).stream().anyMatch(r -> r.columnId() == column.id() && r.gate());
    }

    /**
     * Which of {@code cards} (live cards of one board) wait for something not done, each with what
     * it waits for, given the board's {@code links}: prerequisites on the board are judged from
     * {@code cards}, others read one by one.
     */
    public Map<Long, List<Long>> blockedAmong(List<CardLink> links, List<Card> cards) {
        Map<Long, Card> onBoard = new HashMap<>();
        cards.forEach(c -> onBoard.put(c.id(), c));
        Map<Long, Boolean> done = new HashMap<>();
        Map<Long, List<Long>> blocked = new LinkedHashMap<>();
        for (CardLink link : links) {
            if (!onBoard.containsKey(link.cardId())) {
                continue; // archived, or on another board
            }
            boolean finished = done.computeIfAbsent(link.waitsFor(),
                    id -> onBoard.containsKey(id) ? isDone(onBoard.get(id)) : isDone(id));
            if (!finished) {
                blocked.computeIfAbsent(link.cardId(), id -> new ArrayList<>()).add(link.waitsFor());
            }
        }
        return blocked;
    }

    /** The live cards that wait for card {@code id} and would be ready were it done. */
    public List<Long> unblockedBy(long id) {
        List<Long> unblocked = new ArrayList<>();
        for (long waiting : tx.links().blocks(id)) {
            Optional<Card> card = tx.cards().byId(waiting);
            if (card.isPresent() && !card.get().archived() && of(waiting).waitingFor().equals(List.of(id))) {
                unblocked.add(waiting);
            }
        }
        return unblocked;
    }
}
