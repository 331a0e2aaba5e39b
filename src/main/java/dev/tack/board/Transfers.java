package dev.tack.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.Column;
import dev.tack.model.Comment;
import dev.tack.model.TackException;

/**
 * Boards in and out as {@link BoardSnapshot}s. An export is one read transaction; an import is
 * checked whole first, then staged in short transactions and published in one
 * ({@link StagedImport}), so a file that fails half-way (a bad date on card 900) shows nothing.
 */
public final class Transfers {

    private final Workspace workspace;
    /** The last import, for its lock figures (--debug and the bench). */
    private StagedImport lastRun;

    public Transfers(Workspace workspace) {
        this.workspace = workspace;
    }

    public BoardSnapshot export() {
        return workspace.read(tx -> {
            Board board = workspace.board(tx);
            Map<Long, List<Card>> byColumn = new LinkedHashMap<>();
            List<Column> columns = tx.columns().ofBoard(board.id());
            columns.forEach(c -> byColumn.put(c.id(), new ArrayList<>()));
            List<Card> cards = new ArrayList<>(tx.cards().liveOfBoard(board.id()));
            cards.addAll(tx.cards().archivedOfBoard(board.id()));
            cards.forEach(card -> byColumn.get(card.columnId()).add(card));
            // Links travel by the cards' places in the snapshot; a card it waits for on another board has none and is left out.
            Map<Long, Integer> place = new java.util.HashMap<>();
            byColumn.values().stream().flatMap(List::stream).forEach(card -> place.put(card.id(), place.size()));
            Map<Long, List<Integer>> after = new java.util.HashMap<>();
            for (dev.tack.model.CardLink link : tx.links().ofBoard(board.id())) {
                if (place.containsKey(link.cardId()) && place.containsKey(link.waitsFor())) {
                    after.computeIfAbsent(link.cardId(), id -> new ArrayList<>()).add(place.get(link.waitsFor()));
                }
            }
            List<BoardSnapshot.Lane> lanes = new ArrayList<>();
            for (Column column : columns) {
                List<BoardSnapshot.Item> items = new ArrayList<>();
                for (Card card : byColumn.get(column.id())) {
                    List<BoardSnapshot.Note> notes = new ArrayList<>();
                    for (Comment comment : tx.comments().ofCard(card.id())) {
                        notes.add(new BoardSnapshot.Note(comment.author(), comment.body(), comment.createdAt()));
                    }
                    List<BoardSnapshot.Check> checklist = tx.checklists().ofCard(card.id()).stream()
                            .map(i -> new BoardSnapshot.Check(i.text(), i.done())).toList();
                    items.add(new BoardSnapshot.Item(card.title(), card.description(), card.tags(), card.priority(), card.due(),
                            card.assignee(), card.archived(), notes, checklist, after.getOrDefault(card.id(), List.of())));
                }
                lanes.add(new BoardSnapshot.Lane(column.name(), column.wipLimit(), column.wipHard(), items));
            }
            List<Long> ids = byColumn.values().stream().flatMap(List::stream).map(Card::id).toList();
            return new BoardSnapshot(board.name(), lanes, ids);
        });
    }

    /** What an import reports after each batch it commits (outside the lock): cards staged so far, of how many, and how long that batch held the lock. */
    @FunctionalInterface
    public interface Progress {
        void committed(int staged, int total, long heldNanos);
    }

    /**
     * Adds a snapshot's cards to the workspace's board (created when {@code --board} names one that
     * does not exist), making missing columns. Returns how many cards came in.
     *
     * <p>Everything that can be checked without the board is checked before the write lock is
     * taken (the formats parse and validate the whole file first). The cards are then staged in
     * short transactions, hidden from every query, and published in one more short transaction
     * ({@link StagedImport}): other writers never wait for more than one batch, readers see all of
     * the import or none of it. Hard WIP limits hold: a file that would put a column with a hard
     * limit over it (the limit of an existing column, or one the file itself declares), as the
     * column is when the import is published, is refused, naming the column, and nothing is
     * imported. Soft limits are only flagged, as for any move.
     */
    public int importSnapshot(BoardSnapshot snapshot) {
        return importSnapshot(snapshot, (staged, total, held) -> { });
    }

    public int importSnapshot(BoardSnapshot snapshot, Progress progress) {
        StagedImport run = new StagedImport(workspace, validate(snapshot), snapshot.ids(), progress);
        try {
            return run.run();
        } finally {
            lastRun = run;
        }
    }

    /**
     * Whether the last import kept the ids its file gave (tack's text format): it does when the
     * database never issued any of them (ids are never reused), as in an empty database; otherwise
     * the cards got new ids, as from any other format.
     */
    public boolean keptIds() {
        return lastRun != null && lastRun.keptIds();
    }

    /** The longest single hold of the write lock by the last {@link #importSnapshot}, from its first statement to the commit. */
    public java.time.Duration longestLockHold() {
        return java.time.Duration.ofNanos(lastRun == null ? 0 : lastRun.longestHoldNanos());
    }

    /** All the last import's holds of the write lock added up. */
    public java.time.Duration totalLockHeld() {
        return java.time.Duration.ofNanos(lastRun == null ? 0 : lastRun.totalHoldNanos());
    }

    /** How long the last import's publishing transaction held the write lock. */
    public java.time.Duration publishLockHold() {
        return java.time.Duration.ofNanos(lastRun == null ? 0 : lastRun.publishHoldNanos());
    }

    /**
     * The importing thread's CPU time inside all the last import's holds of the write lock: the
     * figure a loaded machine disturbs least (the holds' wall time grows with the load).
     */
    public java.time.Duration cpuInLock() {
        return java.time.Duration.ofNanos(lastRun == null ? 0 : lastRun.cpuInLockNanos());
    }

    /** How many transactions the last import took the write lock for. */
    public int lockHolds() {
        return lastRun == null ? 0 : lastRun.holds();
    }

    /**
     * Deletes what imports that died (killed, a crash) left staged, in short transactions, and says
     * what went: one line per import ("import 3 by ann (pid 4242 on host), started …").
     */
    public List<String> sweepAbandonedImports() {
        return StagedImport.sweep(workspace).stream().map(p -> "import " + p.id() + " by " + p.actor() + " (pid " + p.pid()
                + " on " + p.host() + "), started " + p.startedAt()).toList();
    }

    private static List<BoardSnapshot.Lane> validate(BoardSnapshot snapshot) {
        List<BoardSnapshot.Lane> lanes = new ArrayList<>();
        int total = snapshot.cardCount();
        int place = 0;
        for (BoardSnapshot.Lane lane : snapshot.columns()) {
            List<BoardSnapshot.Item> items = new ArrayList<>(lane.cards().size());
            for (BoardSnapshot.Item item : lane.cards()) {
                String title = Validation.title(item.title());
                String description = Validation.description(item.description());
                List<String> tags = Validation.tags(item.tags());
                int priority = Validation.priority(item.priority());
                String assignee = Validation.assignee(item.assignee());
                for (int other : item.after()) {
                    if (other < 0 || other >= total) {
                        throw TackException.usage("card " + (place + 1) + " of the file waits for card " + (other + 1)
                                + ", but the file has " + total + " card(s)");
                    }
                    if (other == place) {
                        throw TackException.usage("card " + (place + 1) + " of the file waits for itself");
                    }
                }
                if (item.checklist().size() > Checklists.MAX_ITEMS) {
                    throw TackException.usage("card " + (place + 1) + " of the file has " + item.checklist().size()
                            + " checklist items; the limit is " + Checklists.MAX_ITEMS);
                }
                place++;
                boolean same = title == item.title() && description == item.description() && tags == item.tags()
                        && assignee == item.assignee() && item.checklist().isEmpty() && item.after().isEmpty();
                if (same) {
                    // A format that checked its cards as it read them (JSON, CSV) gives them back unchanged: kept, not copied.
                    items.add(item);
                    continue;
                }
                List<BoardSnapshot.Check> checklist = new ArrayList<>(item.checklist().size());
                for (BoardSnapshot.Check check : item.checklist()) {
                    checklist.add(new BoardSnapshot.Check(Checklists.text(check.text()), check.done()));
                }
                items.add(new BoardSnapshot.Item(title, description, tags, priority, item.due(), assignee, item.archived(),
                        item.comments(), checklist, new ArrayList<>(new java.util.LinkedHashSet<>(item.after()))));
            }
            String name = lane.name() == null ? null : Validation.name("column", lane.name());
            if (lane.wipLimit() != null && lane.wipLimit() < 0) {
                throw TackException.usage("column " + name + ": wip_limit must not be negative");
            }
            lanes.add(new BoardSnapshot.Lane(name, lane.wipLimit(), lane.wipHard() && lane.wipLimit() != null, items));
        }
        refuseCycles(new BoardSnapshot(snapshot.board(), lanes).items());
        return lanes;
    }

    /** A file whose cards wait for each other in a circle is refused before anything is written, naming the circle by places in the file. */
    private static void refuseCycles(List<BoardSnapshot.Item> items) {
        int[] state = new int[items.size()]; // 0 unseen, 1 on the path, 2 done
        for (int start = 0; start < items.size(); start++) {
            java.util.Deque<int[]> stack = new java.util.ArrayDeque<>(); // {card, next link to follow}
            List<Integer> path = new ArrayList<>();
            if (state[start] != 0) {
                continue;
            }
            stack.push(new int[] {start, 0});
            state[start] = 1;
            path.add(start);
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                List<Integer> after = items.get(top[0]).after();
                if (top[1] < after.size()) {
                    int next = after.get(top[1]++);
                    if (state[next] == 1) {
                        List<Integer> cycle = new ArrayList<>(path.subList(path.indexOf(next), path.size()));
                        cycle.add(next);
                        java.util.Collections.reverse(cycle); // in the order they would have to be done
                        throw TackException.usage("the file's cards wait for each other in a cycle: "
                                + String.join(" → ", cycle.stream().map(i -> "card " + (i + 1)).toList()));
                    }
                    if (state[next] == 0) {
                        state[next] = 1;
                        path.add(next);
                        stack.push(new int[] {next, 0});
                    }
                } else {
                    state[top[0]] = 2;
                    path.remove(path.size() - 1);
                    stack.pop();
                }
            }
        }
    }
}
