package dev.tack.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.Column;
import dev.tack.model.Comment;
import dev.tack.model.TackException;
import dev.tack.store.StorageTx;

/**
 * Boards in and out as {@link BoardSnapshot}s. An export is one read transaction; an import is
 * one write transaction, so a file that fails half-way (a bad date on card 900) writes nothing.
 */
public final class Transfers {

    private final Workspace workspace;
    /** From the first statement under the write lock to the commit's return, of the last import (for --debug and the bench). */
    private long lockHeldNanos;

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

    /**
     * Adds a snapshot's cards to the workspace's board (created when {@code --board} names one that
     * does not exist), making missing columns, in one transaction. Returns how many cards came in.
     *
     * <p>Everything that can be checked without the board is checked before the write lock is
     * taken (the formats parse and validate the whole file first); inside it, each column is
     * counted once and positions follow in memory, so the transaction is linear in the cards
     * (counting the column per card made it quadratic: 40,000 cards held the lock for 39 s).
     * Hard WIP limits hold: a file that would put a column with a hard limit over it (the limit of
     * an existing column, or one the file itself declares) is refused, naming the column, and
     * nothing is written. Soft limits are only flagged, as for any move.
     */
    public int importSnapshot(BoardSnapshot snapshot) {
        List<BoardSnapshot.Lane> lanes = validate(snapshot);
        long[] start = new long[1];
        int imported = workspace.write(tx -> {
            start[0] = System.nanoTime();
            Board board = boardFor(tx, lanes);
            Map<Long, Landing> landings = new LinkedHashMap<>();
            for (BoardSnapshot.Lane lane : lanes) {
                Column column = columnFor(tx, board, lane);
                Landing landing = landings.get(column.id());
                if (landing == null) {
                    landing = new Landing(column, tx.columns().cardCount(column.id()), new ArrayList<>());
                    landings.put(column.id(), landing);
                }
                landing.items().addAll(lane.cards());
            }
            for (Landing landing : landings.values()) {
                landing.requireRoom();
            }
            int count = 0;
            long nextId = tx.cards().highestIdIssued() + 1;
            String now = dev.tack.store.Clock.of(workspace.clock());
            for (Landing landing : landings.values()) {
                int position = landing.live();
                for (BoardSnapshot.Item item : landing.items()) {
                    insert(tx, board, landing.column(), item, nextId++, item.archived() ? -1 : position++, now);
                    count++;
                }
            }
            tx.events().append(workspace.actor(), board.id(), null, "board.imported",
                    "imported " + count + " card(s) into " + board.name(), null, null);
            return count;
        });
        lockHeldNanos = System.nanoTime() - start[0];
        return imported;
    }

    /** How long the last {@link #importSnapshot} held the write lock, from its first statement to the commit. */
    public java.time.Duration lockHeld() {
        return java.time.Duration.ofNanos(lockHeldNanos);
    }

    /** The cards a file sends to one column, and how many live ones it had. */
    private record Landing(Column column, int live, List<BoardSnapshot.Item> items) {

        void requireRoom() {
            long incoming = items.stream().filter(i -> !i.archived()).count();
            if (column.wipHard() && column.wipLimit() != null && live + incoming > column.wipLimit()) {
                throw TackException.conflict("the file puts " + incoming + " card(s) in " + column.name()
                        + (live > 0 ? ", which holds " + live : "") + ", over its hard WIP limit of " + column.wipLimit()
                        + "; nothing was imported (raise the limit with: tack column wip NAME N --hard, or edit the file)");
            }
        }
    }

    private static List<BoardSnapshot.Lane> validate(BoardSnapshot snapshot) {
        List<BoardSnapshot.Lane> lanes = new ArrayList<>();
        for (BoardSnapshot.Lane lane : snapshot.columns()) {
            List<BoardSnapshot.Item> items = new ArrayList<>(lane.cards().size());
            for (BoardSnapshot.Item item : lane.cards()) {
                items.add(new BoardSnapshot.Item(Validation.title(item.title()), Validation.description(item.description()),
                        Validation.tags(item.tags()), Validation.priority(item.priority()), item.due(),
                        Validation.assignee(item.assignee()), item.archived(), item.comments()));
            }
            String name = lane.name() == null ? null : Validation.name("column", lane.name());
            if (lane.wipLimit() != null && lane.wipLimit() < 0) {
                throw TackException.usage("column " + name + ": wip_limit must not be negative");
            }
            lanes.add(new BoardSnapshot.Lane(name, lane.wipLimit(), lane.wipHard() && lane.wipLimit() != null, items));
        }
        return lanes;
    }

    private Board boardFor(StorageTx tx, List<BoardSnapshot.Lane> lanes) {
        String requested = workspace.requestedBoard();
        if (requested != null) {
            Optional<Board> existing = tx.boards().byName(requested);
            if (existing.isEmpty()) {
                List<String> names = lanes.stream().map(BoardSnapshot.Lane::name).filter(java.util.Objects::nonNull).distinct().toList();
                return Boards.create(tx, workspace.actor(), requested, names.isEmpty() ? Boards.DEFAULT_COLUMNS : names);
            }
        }
        return workspace.board(tx);
    }

    /** The lane's column, made when missing; a lane without a name (a CSV row without one) goes to the first column. */
    private static Column columnFor(StorageTx tx, Board board, BoardSnapshot.Lane lane) {
        if (lane.name() == null) {
            List<Column> columns = tx.columns().ofBoard(board.id());
            if (!columns.isEmpty()) {
                return columns.get(0);
            }
            return columnFor(tx, board, new BoardSnapshot.Lane("Todo", null, false, lane.cards()));
        }
        Optional<Column> existing = tx.columns().byName(board.id(), lane.name());
        if (existing.isPresent()) {
            return existing.get();
        }
        int position = tx.columns().ofBoard(board.id()).size();
        long id = tx.columns().insert(board.id(), lane.name(), position, lane.wipLimit(), lane.wipHard());
        return new Column(id, board.id(), lane.name(), position, lane.wipLimit(), lane.wipHard());
    }

    /**
     * One card, written without reading anything back: the id is the next one AUTOINCREMENT would
     * hand out (the import holds the write lock, so nobody else takes it), and the event's snapshot
     * is built from the values just written, as {@link Cards#load} would return them (tags sorted
     * and distinct, version 1).
     */
    private void insert(StorageTx tx, Board board, Column column, BoardSnapshot.Item item, long id, int position, String now) {
        List<String> tags = new ArrayList<>(new java.util.TreeSet<>(item.tags()));
        tx.cards().insertImported(id, board.id(), column.id(), position, item.title(), item.description(),
                item.priority(), item.due(), item.assignee(), item.archived(), tags, now);
        for (BoardSnapshot.Note note : item.comments()) {
            if (note.body() != null && !note.body().isBlank()) {
                tx.comments().insert(id, note.author() == null ? workspace.actor().name() : note.author(), note.body(),
                        note.createdAt() == null ? now : note.createdAt());
            }
        }
        Card card = new Card(id, board.id(), column.id(), column.name(), position, item.title(), item.description(), tags,
                item.priority(), item.due(), item.assignee(), item.archived(), 1, now, now, null, 0, false);
        tx.events().appendQuietly(workspace.actor(), board.id(), id, "card.added",
                "imported #" + id + " into " + column.name(), null, Json.compact(Json.card(card)), now);
    }
}
