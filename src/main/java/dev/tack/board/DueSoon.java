package dev.tack.board;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.tack.model.Board;
import dev.tack.model.Card;

/**
 * What is due across every board of the database ({@code tack due}): live cards whose due date has
 * passed, is today, or falls within the next days, soonest first. A card in a done column (marked
 * with {@code tack column done}, else the board's last) is left out: its date no longer asks
 * anything of anyone.
 */
public final class DueSoon {

    /** How pressing a due date is, relative to today. */
    public enum When {
        OVERDUE, TODAY, SOON
    }

    /** One card that is due, with the board it is on. */
    public record Due(Card card, String board, When when) {
    }

    private final Workspace workspace;

    public DueSoon(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Cards due on or before {@code today + days}, overdue first, then by date, board and position. */
    public List<Due> until(LocalDate today, int days) {
        LocalDate last = today.plusDays(days);
        return workspace.read(tx -> {
            List<Due> due = new ArrayList<>();
            Readiness readiness = Readiness.in(tx);
            Map<Long, Board> boards = new HashMap<>();
            for (Board board : tx.boards().all()) {
                boards.put(board.id(), board);
            }
            Map<Long, Set<Long>> doneColumns = new HashMap<>();
            for (Card card : tx.cards().liveDueBy(last)) {
                Board board = boards.get(card.boardId());
                if (card.due().isAfter(last) || board == null
                        || doneColumns.computeIfAbsent(board.id(), readiness::doneColumnsOf).contains(card.columnId())) {
                    continue;
                }
                When when = card.due().isBefore(today) ? When.OVERDUE : card.due().isEqual(today) ? When.TODAY : When.SOON;
                due.add(new Due(card, board.name(), when));
            }
            due.sort(Comparator.comparing((Due d) -> d.card().due()).thenComparing(Due::board).thenComparingInt(d -> d.card().position())
                    .thenComparingLong(d -> d.card().id()));
            return due;
        });
    }
}
