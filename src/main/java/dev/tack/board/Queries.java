package dev.tack.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.Column;
import dev.tack.model.Event;
import dev.tack.model.Run;
import dev.tack.store.CardTable;
import dev.tack.store.ColumnTable;
import dev.tack.store.CommentTable;
import dev.tack.store.EventTable;
import dev.tack.store.RunTable;

/** What the screens and the command line read. Each method is one read transaction. */
public final class Queries {

    private final Workspace workspace;

    public Queries(Workspace workspace) {
        this.workspace = workspace;
    }

    public BoardView board(CardFilter filter) {
        return workspace.read(tx -> {
            Board board = workspace.board(tx);
            long lastEvent = EventTable.lastId(tx);
            List<Column> columns = ColumnTable.ofBoard(tx, board.id());
            Map<Long, List<Card>> byColumn = new LinkedHashMap<>();
            Map<Long, Integer> totals = new LinkedHashMap<>();
            columns.forEach(c -> {
                byColumn.put(c.id(), new ArrayList<>());
                totals.put(c.id(), 0);
            });
            for (Card card : CardTable.liveOfBoard(tx, board.id())) {
                totals.merge(card.columnId(), 1, Integer::sum);
                if (filter.matches(card)) {
                    byColumn.get(card.columnId()).add(card);
                }
            }
            List<BoardView.Lane> lanes = new ArrayList<>();
            for (Column column : columns) {
                if (filter.column() == null || column.name().equalsIgnoreCase(filter.column())) {
                    lanes.add(new BoardView.Lane(column, totals.get(column.id()), byColumn.get(column.id())));
                }
            }
            if (filter.column() != null && lanes.isEmpty()) {
                Columns.find(tx, board, filter.column()); // throws "no column" with the names there are
            }
            Map<Long, Run> running = new LinkedHashMap<>();
            for (Run run : RunTable.running(tx)) {
                running.put(run.cardId(), run);
            }
            running.keySet().retainAll(totalsCards(lanes));
            return new BoardView(board, lanes, lastEvent, running);
        });
    }

    private static java.util.Set<Long> totalsCards(List<BoardView.Lane> lanes) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        lanes.forEach(l -> l.cards().forEach(c -> ids.add(c.id())));
        return ids;
    }

    public Card card(long id) {
        return workspace.read(tx -> Cards.any(tx, id));
    }

    public CardDetails details(long id) {
        return workspace.read(tx -> {
            Card card = Cards.any(tx, id);
            return new CardDetails(card, CommentTable.ofCard(tx, id), EventTable.ofCard(tx, id), RunTable.ofCard(tx, id));
        });
    }

    public List<Event> eventsAfter(long afterId, int limit) {
        return workspace.read(tx -> EventTable.after(tx, afterId, limit));
    }

    public long lastEventId() {
        return workspace.read(EventTable::lastId);
    }

    public List<Card> archived() {
        return workspace.read(tx -> CardTable.archivedOfBoard(tx, workspace.board(tx).id()));
    }
}
