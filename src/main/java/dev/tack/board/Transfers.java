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
            Map<Long, List<BoardSnapshot.Item>> byColumn = new LinkedHashMap<>();
            List<Column> columns = tx.columns().ofBoard(board.id());
            columns.forEach(c -> byColumn.put(c.id(), new ArrayList<>()));
            List<Card> cards = new ArrayList<>(tx.cards().liveOfBoard(board.id()));
            cards.addAll(tx.cards().archivedOfBoard(board.id()));
            for (Card card : cards) {
                List<BoardSnapshot.Note> notes = new ArrayList<>();
                for (Comment comment : tx.comments().ofCard(card.id())) {
                    notes.add(new BoardSnapshot.Note(comment.author(), comment.body(), comment.createdAt()));
                }
                byColumn.get(card.columnId()).add(new BoardSnapshot.Item(card.title(), card.description(), card.tags(),
                        card.priority(), card.due(), card.assignee(), card.archived(), notes));
            }
            List<BoardSnapshot.Lane> lanes = new ArrayList<>();
            for (Column column : columns) {
                lanes.add(new BoardSnapshot.Lane(column.name(), column.wipLimit(), column.wipHard(), byColumn.get(column.id())));
            }
            return new BoardSnapshot(board.name(), lanes);
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
        StagedImport run = new StagedImport(workspace, validate(snapshot), progress);
        try {
            return run.run();
        } finally {
            lastRun = run;
        }
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
        for (BoardSnapshot.Lane lane : snapshot.columns()) {
            List<BoardSnapshot.Item> items = new ArrayList<>(lane.cards().size());
            for (BoardSnapshot.Item item : lane.cards()) {
                String title = Validation.title(item.title());
                String description = Validation.description(item.description());
                List<String> tags = Validation.tags(item.tags());
                int priority = Validation.priority(item.priority());
                String assignee = Validation.assignee(item.assignee());
                boolean same = title == item.title() && description == item.description() && tags == item.tags()
                        && assignee == item.assignee();
                // A format that checked its cards as it read them (JSON, CSV) gives them back unchanged: kept, not copied.
                items.add(same ? item : new BoardSnapshot.Item(title, description, tags, priority, item.due(), assignee,
                        item.archived(), item.comments()));
            }
            String name = lane.name() == null ? null : Validation.name("column", lane.name());
            if (lane.wipLimit() != null && lane.wipLimit() < 0) {
                throw TackException.usage("column " + name + ": wip_limit must not be negative");
            }
            lanes.add(new BoardSnapshot.Lane(name, lane.wipLimit(), lane.wipHard() && lane.wipLimit() != null, items));
        }
        return lanes;
    }
}
