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

/** What the screens and the command line read. Each method is one read transaction. */
public final class Queries {

    private final Workspace workspace;

    public Queries(Workspace workspace) {
        this.workspace = workspace;
    }

    public BoardView board(CardFilter filter) {
        return workspace.read(tx -> {
            Board board = workspace.board(tx);
            long lastEvent = tx.events().lastId();
            List<Column> columns = tx.columns().ofBoard(board.id());
            Map<Long, List<Card>> byColumn = new LinkedHashMap<>();
            Map<Long, Integer> totals = new LinkedHashMap<>();
            columns.forEach(c -> {
                byColumn.put(c.id(), new ArrayList<>());
                totals.put(c.id(), 0);
            });
            List<Card> live = tx.cards().liveOfBoard(board.id());
            BoardView.Marks marks = marks(tx, board.id(), live);
            for (Card card : live) {
                totals.merge(card.columnId(), 1, Integer::sum);
                if (filter.matches(card, marks.blocked().containsKey(card.id()))) {
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
            for (Run run : tx.runs().running()) {
                running.put(run.cardId(), run);
            }
            running.keySet().retainAll(totalsCards(lanes));
            return new BoardView(board, lanes, lastEvent, running, marks);
        });
    }

    /** Links and checklist progress of a board's live cards ({@link BoardView.Marks}), in the caller's read. */
    static BoardView.Marks marks(dev.tack.store.StorageTx tx, long boardId, List<Card> live) {
        Map<Long, List<Long>> waitsFor = new LinkedHashMap<>();
        Map<Long, List<Long>> blocks = new LinkedHashMap<>();
        List<dev.tack.model.CardLink> links = tx.links().ofBoard(boardId);
        for (dev.tack.model.CardLink link : links) {
            waitsFor.computeIfAbsent(link.cardId(), id -> new ArrayList<>()).add(link.waitsFor());
            blocks.computeIfAbsent(link.waitsFor(), id -> new ArrayList<>()).add(link.cardId());
        }
        Map<Long, List<Long>> blocked = links.isEmpty() ? Map.of() : Readiness.in(tx).blockedAmong(links, live);
        return new BoardView.Marks(waitsFor, blocks, blocked, tx.checklists().progressOfBoard(boardId), tx.comments().countsOfBoard(boardId));
    }

    /**
     * The marks of a board read earlier, brought up to date for the cards {@code changed} names:
     * their checklists and links, the readiness of the cards that wait for them, and what their
     * prerequisites block. A change of one card can change another's readiness (its prerequisite
     * moved into a done column), which no event on the other card says.
     */
    private static BoardView.Marks refreshMarks(dev.tack.store.StorageTx tx, BoardView.Marks shown, java.util.Set<Long> changed,
                                                java.util.Set<Long> liveIds) {
        Map<Long, List<Long>> waitsFor = new LinkedHashMap<>(shown.waitsFor());
        Map<Long, List<Long>> blocks = new LinkedHashMap<>(shown.blocks());
        Map<Long, List<Long>> blocked = new LinkedHashMap<>(shown.blocked());
        Map<Long, dev.tack.model.ChecklistProgress> checklists = new LinkedHashMap<>(shown.checklists());
        Map<Long, Integer> comments = new LinkedHashMap<>(shown.comments());
        Readiness readiness = Readiness.in(tx);
        java.util.Set<Long> recheck = new java.util.LinkedHashSet<>();
        for (long id : changed) {
            List<dev.tack.model.ChecklistItem> items = tx.checklists().ofCard(id);
            if (items.isEmpty() || !liveIds.contains(id)) {
                checklists.remove(id);
            } else {
                checklists.put(id, new dev.tack.model.ChecklistProgress((int) items.stream().filter(dev.tack.model.ChecklistItem::done).count(),
                        items.size()));
            }
            int commentCount = liveIds.contains(id) ? tx.comments().countOfCard(id) : 0;
            if (commentCount == 0) {
                comments.remove(id);
            } else {
                comments.put(id, commentCount);
            }
            java.util.Set<Long> prerequisites = new java.util.LinkedHashSet<>(shown.waitsFor(id));
            List<Long> now = tx.links().waitsFor(id);
            prerequisites.addAll(now);
            put(waitsFor, id, now);
            for (long prerequisite : prerequisites) {
                put(blocks, prerequisite, tx.links().blocks(prerequisite));
            }
            List<Long> waiting = tx.links().blocks(id);
            put(blocks, id, waiting);
            recheck.add(id);
            recheck.addAll(waiting);
        }
        for (long id : recheck) {
            List<Long> waiting = liveIds.contains(id) ? readiness.of(id).waitingFor() : List.of();
            put(blocked, id, waiting);
        }
        return new BoardView.Marks(waitsFor, blocks, blocked, checklists, comments);
    }

    private static void put(Map<Long, List<Long>> map, long id, List<Long> ids) {
        if (ids.isEmpty()) {
            map.remove(id);
        } else {
            map.put(id, List.copyOf(ids));
        }
    }

    private static java.util.Set<Long> totalsCards(List<BoardView.Lane> lanes) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        lanes.forEach(l -> l.cards().forEach(c -> ids.add(c.id())));
        return ids;
    }

    /**
     * Brings a board read earlier up to date with events that came after it, re-reading only the cards
     * they name: on a board of 10,000 cards that is a few rows instead of all of them. Each changed card
     * is taken out of its lane and put back at the position it now has; the other cards' order cannot
     * have changed without an event of theirs. Falls back to a full read for anything else (column or
     * board changes, many events at once, a card that no longer fits where it says it is).
     */
    public BoardView refresh(BoardView shown, List<Event> events) {
        if (events.isEmpty()) {
            return shown;
        }
        java.util.Set<Long> changed = new java.util.LinkedHashSet<>();
        for (Event event : events) {
            if (event.cardId() == null || !event.kind().startsWith("card.") || events.size() > 200) {
                return board(CardFilter.ALL);
            }
            changed.add(event.cardId());
        }
        return workspace.read(tx -> {
            Board board = workspace.board(tx);
            if (board.id() != shown.board().id()) {
                return board(CardFilter.ALL);
            }
            List<Card> fresh = new ArrayList<>();
            for (long id : changed) {
                tx.cards().byId(id).ifPresent(fresh::add);
            }
            fresh.sort(java.util.Comparator.comparingInt(Card::position));
            List<BoardView.Lane> lanes = new ArrayList<>();
            for (BoardView.Lane lane : shown.lanes()) {
                List<Card> cards = new ArrayList<>(lane.cards());
                cards.removeIf(c -> changed.contains(c.id()));
                for (Card card : fresh) {
                    if (card.boardId() == board.id() && !card.archived() && card.columnId() == lane.column().id()) {
                        if (card.position() > cards.size()) {
                            return board(CardFilter.ALL); // something moved without an event we saw: read it all
                        }
                        cards.add(card.position(), card);
                    }
                }
                for (int i = 0; i < cards.size(); i++) {
                    cards.set(i, cards.get(i).atPosition(i));
                }
                lanes.add(new BoardView.Lane(lane.column(), cards.size(), cards));
            }
            Map<Long, Run> running = new LinkedHashMap<>();
            for (Run run : tx.runs().running()) {
                running.put(run.cardId(), run);
            }
            running.keySet().retainAll(totalsCards(lanes));
            long lastEvent = Math.max(shown.lastEventId(), events.get(events.size() - 1).id());
            BoardView.Marks marks = refreshMarks(tx, shown.marks(), changed, totalsCards(lanes));
            return new BoardView(shown.board(), lanes, lastEvent, running, marks);
        });
    }

    public Card card(long id) {
        return workspace.read(tx -> Cards.any(tx, id));
    }

    public CardDetails details(long id) {
        return workspace.read(tx -> {
            Card card = Cards.any(tx, id);
            return new CardDetails(card, tx.comments().ofCard(id), tx.events().ofCard(id), tx.runs().ofCard(id),
                    Links.neighbours(tx, card), tx.checklists().ofCard(id), Agents.reports(tx, id));
        });
    }

    public List<Event> eventsAfter(long afterId, int limit) {
        return workspace.read(tx -> tx.events().after(afterId, limit));
    }

    /** The board {@code tack log} shows: the one {@code --board} names, or null (every board's events) without it. */
    public Long logBoard() {
        return workspace.requestedBoard() == null ? null : workspace.read(tx -> workspace.board(tx).id());
    }

    /** A page of the log: up to {@code limit} events after {@code afterId}, of one board (non-null {@code boardId}) or all. */
    public List<Event> eventsAfter(Long boardId, long afterId, int limit) {
        return workspace.read(tx -> tx.events().after(boardId, afterId, limit));
    }

    /** The id after which the last {@code count} events of the log (of one board, or all) come; 0 when there are fewer. */
    public long idBeforeLast(Long boardId, int count) {
        return workspace.read(tx -> tx.events().idBeforeLast(boardId, count));
    }

    /**
     * The title a log line shows for each of {@code events}' cards: the one the event left when it
     * says (an add, a new title), else the card's title now, for events that store only what moved.
     */
    public Map<Long, String> titles(List<Event> events) {
        Map<Long, String> titles = new java.util.HashMap<>();
        java.util.Set<Long> missing = new java.util.LinkedHashSet<>();
        for (Event event : events) {
            String title = event.cardId() == null ? null : CardChange.title(event);
            if (title != null) {
                titles.put(event.id(), title);
            } else if (event.cardId() != null) {
                missing.add(event.cardId());
            }
        }
        if (!missing.isEmpty()) {
            Map<Long, String> now = workspace.read(tx -> tx.cards().titles(missing));
            for (Event event : events) {
                if (!titles.containsKey(event.id()) && event.cardId() != null && now.containsKey(event.cardId())) {
                    titles.put(event.id(), now.get(event.cardId()));
                }
            }
        }
        return titles;
    }

    public long lastEventId() {
        return workspace.read(tx -> tx.events().lastId());
    }

    public List<Card> archived() {
        return workspace.read(tx -> tx.cards().archivedOfBoard(workspace.board(tx).id()));
    }

    /** A card with the board it is on (by name), for a search across boards or a jump by id. */
    public record Found(Card card, String board) {
    }

    /**
     * Every card of every board of the database that {@code filter} keeps (as the screen's filter
     * line reads it: words in title, description or tags, {@code #4}, {@code tag:x}, {@code @who},
     * {@code p:2}), live ones board by board in board order, then, with {@code archived}, the
     * archived ones; at most {@code limit}. One read.
     */
    public List<Found> search(CardFilter filter, boolean archived, int limit) {
        return workspace.read(tx -> {
            List<Found> found = new ArrayList<>();
            Readiness readiness = filter.ready() == null ? null : Readiness.in(tx);
            List<Board> boards = tx.boards().all();
            for (int pass = 0; pass < (archived ? 2 : 1); pass++) {
                for (Board board : boards) {
                    List<Card> cards = pass == 0 ? tx.cards().liveOfBoard(board.id()) : tx.cards().archivedOfBoard(board.id());
                    for (Card card : cards) {
                        boolean waiting = readiness != null && !card.archived() && !readiness.of(card.id()).ready();
                        if (filter.matches(card, waiting)) {
                            if (found.size() >= limit) {
                                return found;
                            }
                            found.add(new Found(card, board.name()));
                        }
                    }
                }
            }
            return found;
        });
    }

    /** The columns of the board named {@code boardName} (any board of the database), in order; "no board" when there is none. */
    public List<Column> columnsOf(String boardName) {
        String name = boardName == null ? "" : boardName.strip();
        return workspace.read(tx -> tx.columns().ofBoard(tx.boards().byName(name)
                .orElseThrow(() -> dev.tack.model.TackException.notFound("no board named '" + name + "'")).id()));
    }

    /** Card {@code id} wherever it is (any board, archived or not), with its board; empty when there is none. */
    public java.util.Optional<Found> locate(long id) {
        return workspace.read(tx -> tx.cards().byId(id)
                .map(card -> new Found(card, tx.boards().byId(card.boardId()).map(Board::name).orElse("?"))));
    }

    /**
     * The overdue live cards, counted per board id (boards with none left out): due before
     * {@code today} and not in a done column, as {@code tack due} counts them ({@link DueSoon}).
     */
    public Map<Long, Integer> overdueByBoard(java.time.LocalDate today) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (DueSoon.Due due : new DueSoon(workspace).until(today, -1)) {
            counts.merge(due.card().boardId(), 1, Integer::sum);
        }
        return counts;
    }
}
