package dev.tack.board;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
            for (Board board : tx.boards().all()) {
                java.util.Set<Long> doneColumns = readiness.doneColumnsOf(board.id());
                for (Card card : tx.cards().liveOfBoard(board.id())) {
                    if (card.due() == null || card.due().isAfter(last) || doneColumns.contains(card.columnId())) {
                        continue;
                    }
                    When when = card.due().isBefore(today) ? When.OVERDUE : card.due().isEqual(today) ? When.TODAY : When.SOON;
                    due.add(new Due(card, board.name(), when));
                }
            }
            due.sort(Comparator.comparing((Due d) -> d.card().due()).thenComparing(Due::board).thenComparingInt(d -> d.card().position())
                    .thenComparingLong(d -> d.card().id()));
            return due;
        });
    }
}
