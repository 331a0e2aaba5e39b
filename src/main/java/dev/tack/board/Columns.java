package dev.tack.board;

import java.util.ArrayList;
import java.util.List;
import dev.tack.model.Board;
import dev.tack.model.Column;
import dev.tack.model.ColumnRule;
import dev.tack.model.TackException;
import dev.tack.store.StorageTx;

/** The columns of the workspace's board: order, names and WIP limits. */
public final class Columns {

    private final Workspace workspace;

    public Columns(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Finds a column by name (case-insensitive) on a board, or fails with the names there are. */
    static Column find(StorageTx tx, Board board, String name) {
        return tx.columns().byName(board.id(), name.strip()).orElseThrow(() -> {
            List<String> names = tx.columns().ofBoard(board.id()).stream().map(Column::name).toList();
            return TackException.notFound("no column '" + name + "'" + (names.isEmpty() ? "" : "; columns are: " + String.join(", ", names)));
        });
    }

    public Column add(String rawName, Integer wipLimit, boolean hard, Integer position) {
        String name = Validation.name("column", rawName);
        requireLimit(wipLimit);
        return workspace.write(tx -> {
            Board board = workspace.board(tx);
            if (tx.columns().byName(board.id(), name).isPresent()) {
                throw TackException.conflict("board '" + board.name() + "' already has a column '" + name + "'");
            }
            List<Column> columns = tx.columns().ofBoard(board.id());
            int at = position == null ? columns.size() : Math.max(0, Math.min(position, columns.size()));
            long id = tx.columns().insert(board.id(), name, columns.size(), wipLimit, hard);
            Column added = new Column(id, board.id(), name, columns.size(), wipLimit, hard);
            columns.add(added);
            reorder(tx, columns, added, at);
            event(tx, board, "column.added", "added column " + name);
            return tx.columns().byName(board.id(), name).orElseThrow();
        });
    }

    public Column rename(String oldName, String rawNewName) {
        String newName = Validation.name("column", rawNewName);
        return workspace.write(tx -> {
            Board board = workspace.board(tx);
            Column column = find(tx, board, oldName);
            tx.columns().byName(board.id(), newName).filter(other -> other.id() != column.id()).ifPresent(other -> {
                throw TackException.conflict("board '" + board.name() + "' already has a column '" + newName + "'");
            });
            Column renamed = new Column(column.id(), column.boardId(), newName, column.position(), column.wipLimit(), column.wipHard());
            tx.columns().update(renamed);
            event(tx, board, "column.renamed", "renamed column " + column.name() + " to " + newName);
            return renamed;
        });
    }

    public void remove(String name) {
        workspace.write(tx -> {
            Board board = workspace.board(tx);
            Column column = find(tx, board, name);
            int cards = tx.columns().anyCardCount(column.id());
            if (cards > 0) {
                throw TackException.conflict("column " + column.name() + " still holds " + cards
                        + " card(s), archived ones included; move them first");
            }
            tx.columns().delete(column.id());
            List<Column> rest = tx.columns().ofBoard(board.id());
            renumber(tx, rest);
            event(tx, board, "column.removed", "removed column " + column.name());
            return null;
        });
    }

    public Column move(String name, int position) {
        return workspace.write(tx -> {
            Board board = workspace.board(tx);
            Column column = find(tx, board, name);
            List<Column> columns = tx.columns().ofBoard(board.id());
            reorder(tx, columns, column, Math.max(0, Math.min(position, columns.size() - 1)));
            event(tx, board, "column.moved", "moved column " + column.name() + " to position " + position);
            return find(tx, board, name);
        });
    }

    /** Sets or clears ({@code limit == null}) a column's WIP limit. */
    public Column limit(String name, Integer limit, boolean hard) {
        requireLimit(limit);
        return workspace.write(tx -> {
            Board board = workspace.board(tx);
            Column column = find(tx, board, name);
            Column changed = new Column(column.id(), column.boardId(), column.name(), column.position(), limit, limit != null && hard);
            tx.columns().update(changed);
            event(tx, board, "column.limited", limit == null ? "cleared the WIP limit of " + column.name()
                    : "set the WIP limit of " + column.name() + " to " + limit + (hard ? " (hard)" : ""));
            return changed;
        });
    }

    /**
     * Marks a column done ({@code on}) or not: cards in a done column count as done for the cards
     * that wait for them. While no column of a board is marked, its last column is the done one.
     */
    public Column markDone(String name, boolean on) {
        return mark(name, on, true);
    }

    /** Makes a column a gate ({@code on}) or not: a card that still waits for another cannot be moved into a gate. */
    public Column markGate(String name, boolean on) {
        return mark(name, on, false);
    }

    private Column mark(String name, boolean on, boolean done) {
        return workspace.write(tx -> {
            Board board = workspace.board(tx);
            Column column = find(tx, board, name);
            ColumnRule rule = rule(tx, board, column);
            if ((done ? rule.done() : rule.gate()) == on) {
                return column; // already so: nothing written
            }
            tx.columnRules().set(done ? rule.withDone(on) : rule.withGate(on));
            event(tx, board, done ? "column.done" : "column.gate", (on ? "marked " : "unmarked ") + column.name()
                    + (done ? " as done" : " as a gate (ready cards only)"));
            return column;
        });
    }

    private static ColumnRule rule(StorageTx tx, Board board, Column column) {
        return tx.columnRules().ofBoard(board.id()).stream().filter(r -> r.columnId() == column.id()).findFirst()
                .orElse(ColumnRule.none(column.id()));
    }

    /**
     * Sets the lane's doing column: where {@code claim --next --from FROM} moves the card it takes
     * when no {@code --doing} is given (null: none, the card stays in FROM). Kept in the database, so
     * every agent of the board shares it. Returns the doing column, or empty when it was cleared.
     */
    public java.util.Optional<Column> setDoing(String from, String doing) {
        return workspace.write(tx -> {
            Board board = workspace.board(tx);
            Column lane = find(tx, board, from);
            Column target = doing == null ? null : find(tx, board, doing);
            if (target != null && target.id() == lane.id()) {
                throw TackException.usage("a lane's doing column must be another column than " + lane.name());
            }
            ColumnRule rule = rule(tx, board, lane);
            Long wanted = target == null ? null : target.id();
            if (java.util.Objects.equals(rule.doingColumnId(), wanted)) {
                return java.util.Optional.ofNullable(target); // already so: nothing written
            }
            tx.columnRules().set(rule.withDoing(wanted));
            event(tx, board, "column.doing", target == null ? "cleared the doing column of " + lane.name()
                    : "set the doing column of " + lane.name() + " to " + target.name());
            return java.util.Optional.ofNullable(target);
        });
    }

    /** The name of the doing column set for the lane {@code from} ({@code tack column doing}), if any. */
    public java.util.Optional<String> doingOf(String from) {
        return workspace.read(tx -> {
            Board board = workspace.board(tx);
            return doingOf(tx, board, find(tx, board, from)).map(Column::name);
        });
    }

    /** The doing column configured for cards claimed from {@code from}, if any. */
    static java.util.Optional<Column> doingOf(StorageTx tx, Board board, Column from) {
        Long id = rule(tx, board, from).doingColumnId();
        return id == null ? java.util.Optional.empty()
                : tx.columns().ofBoard(board.id()).stream().filter(c -> c.id() == id).findFirst();
    }

    /** A column with its marks, as {@code column ls} shows them: done, gate, and the doing column of its lane (or null). */
    public record Marks(boolean done, boolean gate, String doing) {
        public static final Marks NONE = new Marks(false, false, null);
    }

    /** The marks of each column of the board, by column id: done (marked, or the last column while none is) and gate. */
    public java.util.Map<Long, Marks> marks() {
        return workspace.read(tx -> marks(tx, workspace.board(tx).id()));
    }

    static java.util.Map<Long, Marks> marks(StorageTx tx, long boardId) {
        Readiness readiness = Readiness.in(tx);
        java.util.Set<Long> done = readiness.doneColumnsOf(boardId);
        java.util.Map<Long, Marks> marks = new java.util.LinkedHashMap<>();
        Board board = new Board(boardId, null);
        for (Column column : tx.columns().ofBoard(boardId)) {
            marks.put(column.id(), new Marks(done.contains(column.id()), readiness.isGate(column),
                    doingOf(tx, board, column).map(Column::name).orElse(null)));
        }
        return marks;
    }

    public List<ColumnCount> list() {
        return workspace.read(tx -> {
            Board board = workspace.board(tx);
            List<ColumnCount> result = new ArrayList<>();
            for (Column column : tx.columns().ofBoard(board.id())) {
                result.add(new ColumnCount(column, tx.columns().cardCount(column.id())));
            }
            return result;
        });
    }

    /** A column with how many live cards it holds. */
    public record ColumnCount(Column column, int cards) {
    }

    private static void requireLimit(Integer limit) {
        if (limit != null && limit < 1) {
            throw TackException.usage("a WIP limit must be at least 1 (got " + limit + ")");
        }
    }

    private static void reorder(StorageTx tx, List<Column> columns, Column moving, int at) {
        List<Column> order = new ArrayList<>(columns);
        order.removeIf(c -> c.id() == moving.id());
        order.add(at, moving);
        renumber(tx, order);
    }

    private static void renumber(StorageTx tx, List<Column> order) {
        for (int i = 0; i < order.size(); i++) {
            Column c = order.get(i);
            if (c.position() != i) {
                tx.columns().update(new Column(c.id(), c.boardId(), c.name(), i, c.wipLimit(), c.wipHard()));
            }
        }
    }

    private void event(StorageTx tx, Board board, String kind, String summary) {
        tx.events().append(workspace.actor(), board.id(), null, kind, summary, null, null);
    }
}
