package dev.tack.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.Column;
import dev.tack.model.TackException;
import dev.tack.store.StorageTx;
import dev.tack.store.Work;
import dev.tack.store.ImportMark;
import dev.tack.store.ImportRows;

/**
 * One import, written so that no other writer waits longer than one short transaction, and all or
 * nothing for everyone who reads the board.
 *
 * <ol>
 * <li><b>Begin</b> (one short transaction): a row in {@code imports} names the import (who, pid,
 *     host, when) and this process marks it alive with a lock the OS drops if it dies
 *     ({@link Workspace#markImport}); the board (when {@code --board} names a new one) and missing
 *     columns are made, hidden; each target column's live cards are counted, hard WIP limits
 *     checked a first time, and one card id per card of the file reserved
 *     ({@link dev.tack.store.CardRows#reserveIds}).</li>
 * <li><b>Stage</b>: the cards, their tags, comments and {@code card.added} events are written in
 *     batches sized to take about {@link #BATCH_NANOS} each (at most {@link #BATCH_CARDS} cards),
 *     each its own transaction. Every staged row carries the import's id and stays out of every query
 *     (the engine's own condition: on SQLite {@code ImportTable.visible}) while the import's row exists. Cards take their final,
 *     reserved ids (so their events are final too) and the positions after the cards counted at the
 *     beginning. Every row's values, each event's snapshot included, are made by a thread of their
 *     own ({@link PreparedCards}) ahead of the batches, which only write them.</li>
 * <li><b>Publish</b> (one short transaction): the board, columns and hard WIP limits are checked
 *     again against the board as it is now; positions are put right if the column changed
 *     meanwhile; a {@code board.imported} event is written and the import's row deleted, which makes
 *     every staged row visible at once.</li>
 * </ol>
 *
 * <p>On any failure the staged rows are deleted in batches and nothing was ever visible; if the
 * process dies, its mark goes with it and the next import or {@code tack check} sweeps the rows
 * ({@link #sweep}).
 */
final class StagedImport {

    /**
     * A batch is written in a few statements whatever its size, so its size is what bounds the time
     * others wait for the lock: each batch is sized from the last one's time per card to take about
     * {@link #BATCH_NANOS}, between {@link #FIRST_BATCH_CARDS} and {@link #BATCH_CARDS} cards.
     */
    static final int BATCH_CARDS = 2_000;
    static final long BATCH_NANOS = 50_000_000L;
    private static final int FIRST_BATCH_CARDS = 250;
    /** Rows one clean-up transaction deletes. */
    private static final int DELETE_BATCH = 5_000;

    /**
     * The importing thread's CPU clock for --debug's figure, looked up on first use and only if the
     * runtime has java.management: the standalone image leaves that module out, and tack check and
     * import must work there (the figure is then 0).
     */
    private static final class CpuClock {
        private static final java.lang.management.ThreadMXBean THREADS = lookUp();

        private static java.lang.management.ThreadMXBean lookUp() {
            try {
                return java.lang.management.ManagementFactory.getThreadMXBean();
            } catch (LinkageError missingModule) {
                return null;
            }
        }

        static long now() {
            return THREADS == null ? 0 : Math.max(0, THREADS.getCurrentThreadCpuTime());
        }
    }

    /** The cards a file sends to one column: its live count when the import began, and whether the import made it. */
    private record Landing(Column column, boolean made, int base, List<BoardSnapshot.Item> items) {

        long incoming() {
            return items.stream().filter(i -> !i.archived()).count();
        }

        void requireRoom(Column now, int live) {
            long incoming = incoming();
            if (now.wipHard() && now.wipLimit() != null && live + incoming > now.wipLimit()) {
                throw TackException.conflict("the file puts " + incoming + " card(s) in " + now.name()
                        + (live > 0 ? ", which holds " + live : "") + ", over its hard WIP limit of " + now.wipLimit()
                        + "; nothing was imported (raise the limit with: tack column wip NAME N --hard, or edit the file)");
            }
        }
    }

    private final Workspace workspace;
    private final List<BoardSnapshot.Lane> lanes;
    private final Transfers.Progress progress;
    private long importId;
    /** The first of the card ids {@link #begin} reserved, one per card of the file, in order. */
    private long firstId;
    private ImportMark mark;
    private Board board;
    /** Non-null when the import makes the board: the name it takes when published. */
    private String newBoardName;
    /** The columns of the board the import makes, in order. */
    private final List<String> newBoardColumns = new ArrayList<>();
    private final Map<Long, Landing> landings = new LinkedHashMap<>();
    private long longestHold;
    private long totalHold;
    private int holds;
    private long publishHold;
    /** This thread's CPU time inside the holds, where the thread's CPU clock is supported (0 otherwise). */
    private long cpuInLock;
    /** Cards the next batch takes: see {@link #BATCH_CARDS}. */
    private int batchCards = FIRST_BATCH_CARDS;

    StagedImport(Workspace workspace, List<BoardSnapshot.Lane> lanes, Transfers.Progress progress) {
        this(workspace, lanes, List.of(), progress);
    }

    /** {@code fileIds}: the ids the file gives its cards, in its order (empty: none), kept when none was ever issued here. */
    StagedImport(Workspace workspace, List<BoardSnapshot.Lane> lanes, List<Long> fileIds, Transfers.Progress progress) {
        this.workspace = workspace;
        this.lanes = lanes;
        this.progress = progress;
        java.util.IdentityHashMap<BoardSnapshot.Item, Long> given = new java.util.IdentityHashMap<>();
        List<BoardSnapshot.Item> items = new BoardSnapshot(null, lanes).items();
        for (int i = 0; i < fileIds.size() && fileIds.size() == items.size(); i++) {
            given.put(items.get(i), fileIds.get(i));
        }
        this.fileIds = given.size() == items.size() && new java.util.HashSet<>(fileIds).size() == fileIds.size() && !given.isEmpty()
                ? given : null;
    }

    /** The file's ids by item, when it gives one per card, all different; null otherwise. */
    private final java.util.IdentityHashMap<BoardSnapshot.Item, Long> fileIds;
    /** Whether {@link #begin} found none of {@link #fileIds} issued yet, so the cards keep them. */
    private boolean keepIds;

    boolean keptIds() {
        return keepIds;
    }

    long longestHoldNanos() {
        return longestHold;
    }

    long totalHoldNanos() {
        return totalHold;
    }

    int holds() {
        return holds;
    }

    /** How many cards fit in {@link #BATCH_NANOS}, at the pace of the batch just written. */
    private int nextBatchSize(int count, long heldNanos) {
        if (count < batchCards) {
            return batchCards; // it ended early, short of prepared cards: its pace says little
        }
        long fitting = heldNanos <= 0 ? BATCH_CARDS : count * BATCH_NANOS / heldNanos;
        return (int) Math.max(FIRST_BATCH_CARDS / 2, Math.min(BATCH_CARDS, fitting));
    }

    long cpuInLockNanos() {
        return cpuInLock;
    }

    long publishHoldNanos() {
        return publishHold;
    }

    int run() {
        sweep(workspace, this::timed);
        timed(this::begin);
        try (PreparedCards cards = new PreparedCards(targets(), board.id(), firstId, keepIds ? fileIds : null, workspace.clock())) {
            int total = landings.values().stream().mapToInt(l -> l.items().size()).sum();
            int staged = 0;
            for (PreparedCards.Row first = cards.next(); first != null; first = cards.next()) {
                PreparedCards.Row batchFirst = first;
                long[] held = new long[1];
                int count = timed(tx -> stageBatch(tx, batchFirst, cards), held);
                staged += count;
                batchCards = nextBatchSize(count, held[0]);
                progress.committed(staged, total, held[0]);
                letOthersIn();
            }
            while (linksPending()) {
                timed(tx -> stageLinks(tx, System.nanoTime()));
                letOthersIn();
            }
            long[] held = new long[1];
            int count = timed(this::publish, held);
            publishHold = held[0];
            return count;
        } catch (RuntimeException e) {
            try {
                discard(workspace, importId, this::timed);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup); // its rows stay hidden; the next import or tack check sweeps them
            }
            throw e;
        } finally {
            mark.close();
        }
    }

    /** The landings in order, each with the position its first live card takes. */
    private List<PreparedCards.Target> targets() {
        return landings.values().stream().map(l -> new PreparedCards.Target(l.column(), l.base(), l.items())).toList();
    }

    /**
     * Deletes the staged rows of every import whose process is gone (its mark is free), in short
     * transactions. Returns the imports swept, as their rows described them.
     */
    static List<ImportRows.Pending> sweep(Workspace workspace) {
        return sweep(workspace, workspace::write);
    }

    private interface Runner {
        <T> T write(Work<T> work);
    }

    private static List<ImportRows.Pending> sweep(Workspace workspace, Runner runner) {
        List<ImportRows.Pending> pending = workspace.read(tx -> tx.imports().all());
        List<ImportRows.Pending> dead = new ArrayList<>();
        for (ImportRows.Pending one : pending) {
            boolean alive = runner.write(tx -> workspace.importAlive(one.id()));
            if (!alive) {
                discard(workspace, one.id(), runner);
                dead.add(one);
            }
        }
        return dead;
    }

    private static void discard(Workspace workspace, long id, Runner runner) {
        while (runner.write(tx -> tx.imports().deleteSome(id, DELETE_BATCH)) > 0) {
            // each round is its own short transaction
        }
    }

    /**
     * A gap between two batches, outside the lock, longer than the longest back-off of a writer
     * polling for it (1 ms, docs/ARCHITECTURE.md §2 rule 2): taking the lock again within
     * microseconds of the commit, batch after batch, would let a waiting worker in only by luck.
     */
    private static void letOthersIn() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TackException.failed("interrupted while importing; nothing was imported");
        }
    }

    private <T> T timed(Work<T> work) {
        return timed(work, new long[1]);
    }

    private <T> T timed(Work<T> work, long[] held) {
        long[] start = new long[2];
        T result = workspace.write(tx -> {
            start[0] = System.nanoTime();
            start[1] = CpuClock.now();
            return work.apply(tx);
        });
        held[0] = System.nanoTime() - start[0];
        cpuInLock += Math.max(0, CpuClock.now() - start[1]);
        longestHold = Math.max(longestHold, held[0]);
        totalHold += held[0];
        holds++;
        return result;
    }

    private Void begin(StorageTx tx) {
        importId = tx.imports().begin(workspace.actor());
        mark = workspace.markImport(importId);
        try {
            placeLanes(tx);
            int total = landings.values().stream().mapToInt(l -> l.items().size()).sum();
            long issued = tx.cards().highestIdIssued();
            keepIds = fileIds != null && fileIds.values().stream().allMatch(id -> id > issued);
            if (keepIds) {
                // every id above the highest ever issued, so none is reused: reserve up to the file's highest
                long highest = fileIds.values().stream().mapToLong(Long::longValue).max().orElse(issued);
                firstId = tx.cards().reserveIds((int) (highest - issued));
            } else {
                firstId = tx.cards().reserveIds(total);
            }
        } catch (RuntimeException e) {
            mark.close(); // the transaction rolls back: no row, no mark
            throw e;
        }
        return null;
    }

    private void placeLanes(StorageTx tx) {
        String requested = workspace.requestedBoard();
        Map<String, Column> made = new LinkedHashMap<>(); // by lower-case name: columns are found in any case
        if (requested != null && tx.boards().byName(requested).isEmpty()) {
            newBoardName = Validation.name("board", requested);
            List<String> names = lanes.stream().map(BoardSnapshot.Lane::name).filter(java.util.Objects::nonNull).distinct().toList();
            names = Validation.columnNames(names.isEmpty() ? Boards.DEFAULT_COLUMNS : names);
            // A name no person can type (control characters are refused), so it squats on nothing.
            long boardId = tx.boards().insertStaged("\u0001import " + importId, importId);
            board = new Board(boardId, newBoardName);
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                BoardSnapshot.Lane declared = lanes.stream().filter(l -> name.equals(l.name())).findFirst().orElse(null);
                Integer wip = declared == null ? null : declared.wipLimit();
                boolean hard = declared != null && declared.wipHard();
                long id = tx.columns().insertStaged(boardId, name, i, wip, hard, importId);
                made.put(name.toLowerCase(Locale.ROOT), new Column(id, boardId, name, i, wip, hard));
                newBoardColumns.add(name);
            }
        } else {
            board = workspace.board(tx);
        }
        List<Column> existing = newBoardName == null ? tx.columns().ofBoard(board.id()) : List.of();
        for (BoardSnapshot.Lane lane : lanes) {
            Column column;
            boolean isNew;
            String name = lane.name();
            if (name == null) {
                if (!existing.isEmpty()) {
                    column = existing.get(0);
                    isNew = false;
                } else if (!made.isEmpty()) {
                    column = made.values().iterator().next();
                    isNew = true;
                } else {
                    column = makeColumn(tx, made, new BoardSnapshot.Lane("Todo", null, false, List.of()), existing.size());
                    isNew = true;
                }
            } else {
                Optional<Column> found = newBoardName == null ? tx.columns().byName(board.id(), name) : Optional.empty();
                if (found.isPresent()) {
                    column = found.get();
                    isNew = false;
                } else {
                    Column already = made.get(name.toLowerCase(Locale.ROOT));
                    column = already != null ? already : makeColumn(tx, made, lane, existing.size());
                    isNew = true;
                }
            }
            Landing landing = landings.get(column.id());
            if (landing == null) {
                landing = new Landing(column, isNew, isNew ? 0 : tx.columns().cardCount(column.id()), new ArrayList<>());
                landings.put(column.id(), landing);
            }
            landing.items().addAll(lane.cards());
        }
        for (Landing landing : landings.values()) {
            landing.requireRoom(landing.column(), landing.base()); // first check; exact again at publish
        }
    }

    /** A column the import makes on an existing board: hidden, under a name no person can type, named when published. */
    private Column makeColumn(StorageTx tx, Map<String, Column> made, BoardSnapshot.Lane lane, int existingCount) {
        int position = existingCount + made.size();
        long id = tx.columns().insertStaged(board.id(), "\u0001import " + importId + " column " + made.size(), position,
                lane.wipLimit(), lane.wipHard(), importId);
        Column column = new Column(id, board.id(), lane.name(), position, lane.wipLimit(), lane.wipHard());
        made.put(lane.name().toLowerCase(Locale.ROOT), column);
        return column;
    }

    /**
     * One batch: the cards the preparing thread has made, from {@code first} on, up to
     * {@link #BATCH_CARDS} or {@link #BATCH_NANOS} of work, or until it has none ready (a batch never
     * waits for it inside the lock). Nothing is read back: the ids were reserved in {@link #begin}.
     */
    private int stageBatch(StorageTx tx, PreparedCards.Row first, PreparedCards cards) {
        long start = System.nanoTime();
        if (!tx.imports().exists(importId)) {
            throw TackException.failed("the import's staged cards were removed by another process; nothing was imported");
        }
        List<PreparedCards.Row> batch = new ArrayList<>();
        for (PreparedCards.Row row = first; row != null; row = cards.poll()) {
            batch.add(row);
            if (batch.size() >= batchCards || System.nanoTime() - start >= BATCH_NANOS) {
                break;
            }
        }
        tx.imports().stage(importId, board.id(), workspace.actor(), batch.stream().map(StagedImport::staged).toList());
        batch.forEach(row -> attach(tx, row));
        return batch.size();
    }

    private static ImportRows.StagedCard staged(PreparedCards.Row row) {
        BoardSnapshot.Item item = row.item();
        return new ImportRows.StagedCard(row.id(), row.column().id(), row.position(), item.title(), item.description(), item.priority(),
                item.due(), item.assignee(), item.archived(), row.tags(), row.at(), row.summary(), row.event());
    }

    /**
     * After the cards, their links (by the places the file gives, turned into the ids the cards were
     * staged under), in batches like the cards. They hang off staged cards, so they stay hidden with
     * them and go with them if the import fails. The file was checked for cycles before the lock.
     */
    private int stageLinks(StorageTx tx, long start) {
        int count = 0;
        while (linkCursor < linksToStage.size() && (count == 0 || (count < BATCH_CARDS && System.nanoTime() - start < BATCH_NANOS))) {
            long[] link = linksToStage.get(linkCursor++);
            tx.links().add(link[0], link[1]);
            count++;
        }
        return 0;
    }

    /** Staged card ids by the file's items, and the links still to stage ({waiting id, prerequisite id}). */
    private final java.util.IdentityHashMap<BoardSnapshot.Item, Long> ids = new java.util.IdentityHashMap<>();
    private List<long[]> linksToStage;
    private int linkCursor;

    private boolean linksPending() {
        if (linksToStage == null) {
            List<BoardSnapshot.Item> items = new BoardSnapshot(null, lanes).items();
            linksToStage = new ArrayList<>();
            for (BoardSnapshot.Item item : items) {
                for (int other : item.after()) {
                    linksToStage.add(new long[] {ids.get(item), ids.get(items.get(other))});
                }
            }
        }
        return linkCursor < linksToStage.size();
    }

    /** What hangs off a staged card: its checklist and comments, and its id for the links staged after the cards. */
    private void attach(StorageTx tx, PreparedCards.Row row) {
        BoardSnapshot.Item item = row.item();
        int number = 0;
        for (BoardSnapshot.Check check : item.checklist()) {
            tx.checklists().insert(row.id(), number++, check.text(), check.done());
        }
        ids.put(item, row.id());
        for (BoardSnapshot.Note note : item.comments()) {
            if (note.body() != null && !note.body().isBlank()) {
                tx.comments().insert(row.id(), note.author() == null ? workspace.actor().name() : note.author(), note.body(),
                        note.createdAt() == null ? row.at() : note.createdAt());
            }
        }
    }

    /** Checks the file against the board as it is now and makes every staged row visible, in this one transaction. */
    private int publish(StorageTx tx) {
        if (!tx.imports().exists(importId)) {
            throw TackException.failed("the import's staged cards were removed by another process; nothing was imported");
        }
        if (newBoardName != null) {
            if (tx.boards().byName(newBoardName).isPresent()) {
                throw TackException.conflict("a board named '" + newBoardName + "' was made while the import ran; nothing was imported");
            }
            tx.boards().rename(board.id(), newBoardName);
        } else if (tx.boards().byId(board.id()).isEmpty()) {
            throw TackException.notFound("the board '" + board.name() + "' was removed while the import ran; nothing was imported");
        }
        List<Column> columns = newBoardName == null ? tx.columns().ofBoard(board.id()) : List.of();
        int nextPosition = columns.size();
        int count = 0;
        for (Landing landing : landings.values()) {
            Column column = landing.column();
            if (landing.made()) {
                if (newBoardName == null) {
                    if (tx.columns().byName(board.id(), column.name()).isPresent()) {
                        throw TackException.conflict("a column named '" + column.name() + "' was made while the import ran;"
                                + " nothing was imported");
                    }
                    column = new Column(column.id(), column.boardId(), column.name(), nextPosition++, column.wipLimit(), column.wipHard());
                    tx.columns().update(column);
                }
                landing.requireRoom(column, 0);
            } else {
                long id = column.id();
                column = columns.stream().filter(c -> c.id() == id).findFirst().orElseThrow(() -> TackException.notFound(
                        "the column '" + landing.column().name() + "' was removed while the import ran; nothing was imported"));
                int live = tx.columns().cardCount(id);
                landing.requireRoom(column, live);
                int incoming = (int) landing.incoming();
                if (live > landing.base()) {
                    // Cards came in at the bottom while the import ran: they go below the imported ones.
                    tx.cards().shiftVisibleDown(id, landing.base(), incoming);
                } else if (live < landing.base()) {
                    // Cards left: the imported ones move up to close the gap (the one case that touches every staged card).
                    tx.cards().shiftStaged(importId, id, live - landing.base());
                }
            }
            count += landing.items().size();
        }
        if (newBoardName != null) {
            tx.events().append(workspace.actor(), board.id(), null, "board.added",
                    "added board " + newBoardName + " (" + String.join(", ", newBoardColumns) + ")", null, null);
        }
        tx.events().append(workspace.actor(), board.id(), null, "board.imported",
                "imported " + count + " card(s) into " + (newBoardName != null ? newBoardName : board.name()), null, null);
        tx.imports().publish(importId);
        return count;
    }
}
