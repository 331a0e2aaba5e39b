package dev.tack.board;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.Column;
import dev.tack.model.Comment;
import dev.tack.model.TackException;
import dev.tack.store.EventRows;
import dev.tack.store.StorageTx;

/**
 * Every change to cards, each one write transaction that leaves one event and bumps the card's
 * version. Positions stay contiguous from 0 in every column because every move closes the gap it
 * leaves and opens the gap it fills inside the same transaction.
 */
public final class Cards {

    private final Workspace workspace;
    private final Hooks hooks;

    public Cards(Workspace workspace) {
        this.workspace = workspace;
        this.hooks = new Hooks(workspace);
    }

    public Card add(NewCard spec) {
        return add(spec, List.of());
    }

    /** A new card that waits for {@code after} (card ids) from the start: the add and its links are one transaction. */
    public Card add(NewCard spec, List<Long> after) {
        String title = Validation.title(spec.title());
        String description = Validation.description(spec.description());
        List<String> tags = Validation.tags(spec.tags());
        int priority = Validation.priority(spec.priority());
        String assignee = Validation.assignee(spec.assignee());
        Card added = workspace.write(tx -> {
            Board board = workspace.board(tx);
            Column column = spec.column() == null ? firstColumn(tx, board) : Columns.find(tx, board, spec.column());
            int count = tx.columns().cardCount(column.id());
            requireRoom(column, count);
            int position = spec.position() == null ? count : clamp(spec.position(), count);
            tx.cards().openGap(column.id(), position);
            long id = tx.cards().insert(board.id(), column.id(), position, title, description, priority, spec.due(), assignee);
            tx.cards().replaceTags(id, tags);
            Card card = load(tx, id);
            record(tx, card, "card.added", "added #" + id + " to " + column.name(), null, card);
            Links links = new Links(workspace);
            for (long prerequisite : after) {
                card = links.linkInside(tx, id, prerequisite).card();
            }
            return card;
        });
        hooks.fire(HookEvent.CREATED, added, null);
        return added;
    }

    /** One move, and after its commit the {@code moved} hooks when the card changed column. */
    private Card moving(java.util.function.BiFunction<StorageTx, Hooks.Pending, Card> move) {
        Hooks.Pending pending = hooks.pending();
        Card after = workspace.write(tx -> {
            pending.clear();
            return move.apply(tx, pending);
        });
        pending.fire();
        return after;
    }

    /** Moves a card to {@code columnName} (null: its own column) at {@code position} (null: the bottom, or where it is). */
    public Card move(long id, String columnName, Integer position, Long ifVersion) {
        return moving((tx, pending) -> {
            Card card = live(tx, id);
            checkVersion(card, ifVersion);
            Board board = new Board(card.boardId(), null);
            Column target = columnName == null ? columnOf(tx, card) : Columns.find(tx, board, columnName);
            return moveInside(tx, card, target, position, pending);
        });
    }

    /** The kind of the event a move to another board leaves (not undoable: undo stays on one board, see {@link History}). */
    public static final String MOVED_BOARD = "card.moved_board";

    /**
     * Moves a card to another board of the database, to {@code columnName} there (null: its first
     * column) at {@code position} (null: the bottom). The card keeps its id, its comments, checklist,
     * links and history; the target's hard WIP limit and gate apply as to any move, and a worker
     * holding it loses it. One transaction, one event (on the target board, so its log shows where
     * the card came from). A move to its own board is an ordinary {@link #move}.
     */
    public Card moveToBoard(long id, String boardName, String columnName, Integer position, Long ifVersion) {
        String name = boardName == null ? "" : boardName.strip();
        if (name.isEmpty()) {
            throw TackException.usage("name the board to move #" + id + " to");
        }
        return moving((tx, pending) -> {
            Card card = live(tx, id);
            checkVersion(card, ifVersion);
            Board target = tx.boards().byName(name).orElseThrow(() -> TackException.notFound("no board named '" + name + "'"));
            if (target.id() == card.boardId()) {
                Column column = columnName == null ? columnOf(tx, card) : Columns.find(tx, target, columnName);
                return moveInside(tx, card, column, position, pending);
            }
            Board source = tx.boards().byId(card.boardId()).orElseThrow();
            Column column = columnName == null ? firstColumn(tx, target) : Columns.find(tx, target, columnName);
            if (card.failed()) {
                tx.cards().clearFailure(card.id());
            }
            Card taken = takeFromWorker(tx, load(tx, card.id()));
            int count = tx.columns().cardCount(column.id());
            requireRoom(column, count);
            requireReadyFor(tx, taken, column);
            tx.cards().closeGap(taken.columnId(), taken.position());
            int at = position == null ? count : clamp(position, count);
            tx.cards().openGap(column.id(), at);
            Card moved = new Card(taken.id(), target.id(), column.id(), column.name(), at, taken.title(), taken.description(),
                    taken.tags(), taken.priority(), taken.due(), taken.assignee(), false, taken.version(), taken.createdAt(),
                    taken.updatedAt(), taken.claim(), taken.attempts(), taken.failed());
            save(tx, taken, moved);
            Card after = load(tx, id);
            String[] sides = CardChange.of(card, after);
            tx.events().append(workspace.actor(), target.id(), id, MOVED_BOARD, "moved #" + id + " from board " + source.name()
                    + " (" + card.column() + ") to board " + target.name() + " (" + column.name() + ")",
                    withBoard(sides[0], source), withBoard(sides[1], target), null);
            return after;
        });
    }

    /** An event side with the board it names, so the log and any reader can tell the two boards apart. */
    private static String withBoard(String side, Board board) {
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(side).getAsJsonObject();
        json.addProperty("board_id", board.id());
        json.addProperty("board", board.name());
        return Json.compact(json);
    }

    /** Moves a card by {@code delta} places in its column (negative: up), as the screen's J/K keys do. */
    public Card shift(long id, int delta, Long ifVersion) {
        return moving((tx, pending) -> {
            Card card = live(tx, id);
            checkVersion(card, ifVersion);
            return moveInside(tx, card, columnOf(tx, card), Math.max(0, card.position() + delta), pending);
        });
    }

    /** Moves a card to the next ({@code +1}) or previous ({@code -1}) column, as the screen's H/L keys do. */
    public Card step(long id, int direction, Long ifVersion) {
        return moving((tx, pending) -> {
            Card card = live(tx, id);
            checkVersion(card, ifVersion);
            List<Column> columns = tx.columns().ofBoard(card.boardId());
            int index = indexOf(columns, card.columnId()) + Integer.signum(direction);
            if (index < 0 || index >= columns.size()) {
                throw TackException.usage("#" + id + " is already in the " + (direction < 0 ? "first" : "last") + " column");
            }
            return moveInside(tx, card, columns.get(index), null, pending);
        });
    }

    /** The move itself, inside a caller's transaction, with its event. */
    private Card moveInside(StorageTx tx, Card card, Column target, Integer position, Hooks.Pending pending) {
        if (card.failed()) {
            tx.cards().clearFailure(card.id()); // a person moving a failed card gives it a fresh start
        }
        Card taken = takeFromWorker(tx, card);
        Card after = relocate(tx, taken, target, position);
        String where = target.id() == card.columnId() ? "to position " + after.position() + " in " + target.name()
                : "from " + card.column() + " to " + target.name();
        record(tx, after, "card.moved", "moved #" + card.id() + " " + where, card, after);
        pending.moved(tx, card, after);
        return after;
    }

    /**
     * Puts a card at {@code position} of {@code target} (null: the bottom, or where it is in its own
     * column), closing the gap it leaves and opening the one it fills, and bumps its version. Hard
     * WIP limits are checked here, so every path that moves a card (people, workers) obeys them.
     * Writes no event: the caller records the one event of its operation.
     */
    static Card relocate(StorageTx tx, Card card, Column target, Integer position) {
        boolean sameColumn = target.id() == card.columnId();
        int count = tx.columns().cardCount(target.id()) - (sameColumn ? 1 : 0);
        if (!sameColumn) {
            requireRoom(target, count);
            requireReadyFor(tx, card, target);
        }
        tx.cards().closeGap(card.columnId(), card.position());
        int newPosition = position == null ? (sameColumn ? Math.min(card.position(), count) : count) : clamp(position, count);
        tx.cards().openGap(target.id(), newPosition);
        save(tx, card, withPlace(card, target.id(), target.name(), newPosition, false));
        return load(tx, card.id());
    }

    public Card edit(long id, CardEdit edit, Long ifVersion) {
        return editIfChanged(id, edit, ifVersion).card();
    }

    /** A card after an edit, and whether the edit changed anything (an edit to the values it had writes nothing). */
    public record Edited(Card card, boolean changed) {
    }

    public Edited editIfChanged(long id, CardEdit edit, Long ifVersion) {
        if (edit.isEmpty()) {
            throw TackException.usage("nothing to change: give at least one of --title, -d, -t, -p, --due, -a");
        }
        String title = edit.title() == null ? null : Validation.title(edit.title());
        String description = edit.description() == null ? null : Validation.description(edit.description());
        List<String> added = Validation.tags(edit.addTags());
        List<String> removed = Validation.tags(edit.removeTags());
        Integer priority = edit.priority() == null ? null : Validation.priority(edit.priority());
        String assignee = edit.assignee() == null ? null : Validation.assignee(edit.assignee().orElse(null));
        return workspace.write(tx -> {
            Card card = any(tx, id);
            checkVersion(card, ifVersion);
            Set<String> tags = new LinkedHashSet<>(card.tags());
            tags.addAll(added);
            removed.forEach(tags::remove);
            Card changed = new Card(card.id(), card.boardId(), card.columnId(), card.column(), card.position(),
                    title == null ? card.title() : title,
                    description == null ? card.description() : description,
                    new ArrayList<>(tags),
                    priority == null ? card.priority() : priority,
                    edit.due() == null ? card.due() : edit.due().orElse(null),
                    edit.assignee() == null ? card.assignee() : assignee,
                    card.archived(), card.version(), card.createdAt(), card.updatedAt(), card.claim(), card.attempts(),
                    card.failed());
            if (changedFields(card, changed).isEmpty()) {
                return new Edited(card, false); // no event, no new version: nothing happened
            }
            save(tx, card, changed);
            if (!changed.tags().equals(card.tags())) {
                tx.cards().replaceTags(id, changed.tags());
            }
            Card after = load(tx, id);
            record(tx, after, "card.edited", "edited #" + id + ": " + String.join(", ", changedFields(card, after)), card, after);
            return new Edited(after, true);
        });
    }

    public Card archive(long id, Long ifVersion) {
        return archive(id, ifVersion, false).card();
    }

    /** An archived card, and the cards that were waiting only for it (ready now). */
    public record Archived(Card card, List<Long> unblocked) {
    }

    /**
     * Archives a card. An archived card counts as done for the cards that wait for it, so archiving
     * one that others wait for (and that is not done yet) needs {@code force}: without it the
     * refusal (a conflict) names the cards it would unblock.
     */
    public Archived archive(long id, Long ifVersion, boolean force) {
        return workspace.write(tx -> {
            Card card = takeFromWorker(tx, live(tx, id));
            checkVersion(card, ifVersion);
            ArchiveImpact impact = impact(tx, card);
            List<Long> waiting = impact.waiting();
            List<Long> unblocked = impact.unblocked();
            if (!waiting.isEmpty() && !force) {
                throw TackException.conflict("#" + id + " is not done and " + ids(waiting) + (waiting.size() == 1 ? " waits" : " wait")
                        + " for it; archiving counts it as done" + (unblocked.isEmpty() ? "" : " and unblocks " + ids(unblocked))
                        + " (use --force to archive it anyway)");
            }
            tx.cards().closeGap(card.columnId(), card.position());
            save(tx, card, withPlace(card, card.columnId(), card.column(), -1, true));
            Card after = load(tx, id);
            record(tx, after, "card.archived", "archived #" + id + " from " + card.column(), card, after);
            return new Archived(after, unblocked);
        });
    }

    /**
     * What archiving a card would do to the cards that wait for it: the live cards that wait for it
     * ({@code waiting}; none when it is done already, so archiving changes nothing for them) and
     * those of them it is the last unfinished prerequisite of ({@code unblocked}).
     */
    public record ArchiveImpact(List<Long> waiting, List<Long> unblocked) {
        public boolean matters() {
            return !waiting.isEmpty();
        }
    }

    /** {@link ArchiveImpact} of archiving card {@code id} now (the screen asks before it archives). */
    public ArchiveImpact archiveImpact(long id) {
        return workspace.read(tx -> impact(tx, live(tx, id)));
    }

    private static ArchiveImpact impact(StorageTx tx, Card card) {
        Readiness readiness = Readiness.in(tx);
        if (readiness.isDone(card)) {
            return new ArchiveImpact(List.of(), List.of());
        }
        List<Long> waiting = tx.links().blocks(card.id()).stream()
                .filter(w -> tx.cards().byId(w).map(c -> !c.archived()).orElse(false)).toList();
        return new ArchiveImpact(waiting, readiness.unblockedBy(card.id()));
    }

    public static String ids(List<Long> ids) {
        return String.join(", ", ids.stream().map(i -> "#" + i).toList());
    }

    public Card restore(long id) {
        return workspace.write(tx -> {
            Card card = any(tx, id);
            if (!card.archived()) {
                // not found among archived cards, as an archived card is not found by mv, edit and rm (exit 3)
                throw TackException.notFound("#" + id + " is not archived (it is in " + card.column() + ")");
            }
            Column column = columnOf(tx, card);
            int count = tx.columns().cardCount(column.id());
            requireRoom(column, count);
            save(tx, card, withPlace(card, column.id(), column.name(), count, false));
            Card after = load(tx, id);
            record(tx, after, "card.restored", "restored #" + id + " to " + column.name(), card, after);
            return after;
        });
    }

    public Comment comment(long id, String text) {
        String body = Validation.comment(text);
        return workspace.write(tx -> {
            Card card = any(tx, id);
            long commentId = tx.comments().insert(id, workspace.actor().name(), body);
            save(tx, card, card);
            Card after = load(tx, id);
            tx.events().append(workspace.actor(), card.boardId(), id, "card.commented",
                    "commented on #" + id + ": " + firstLine(body), null, Json.compact(java.util.Map.of("comment", body)));
            return tx.comments().ofCard(after.id()).stream().filter(c -> c.id() == commentId).findFirst().orElseThrow();
        });
    }

    /**
     * A person moving or archiving a card a worker holds takes it back: the claim goes and the run is
     * cancelled, so the worker's heartbeat fails (it stops its command) and its late result is ignored.
     * Otherwise the claim would outlive the worker in a column no reclaim looks at.
     */
    private static Card takeFromWorker(StorageTx tx, Card card) {
        if (!card.claimed()) {
            return card;
        }
        tx.cards().dropClaim(card.id());
        tx.runs().cancelRunning(card.id());
        return load(tx, card.id());
    }

    // -- helpers shared by every operation ---------------------------------------------------------

    static Card any(StorageTx tx, long id) {
        return tx.cards().byId(id).orElseThrow(() -> TackException.notFound("no card #" + id));
    }

    static Card live(StorageTx tx, long id) {
        Card card = any(tx, id);
        if (card.archived()) {
            throw TackException.notFound("#" + id + " is archived (bring it back with: tack restore " + id + ")");
        }
        return card;
    }

    static Card load(StorageTx tx, long id) {
        return tx.cards().byId(id).orElseThrow();
    }

    /** Writes the new state with a compare-and-swap on the version the transaction read. */
    private static void save(StorageTx tx, Card before, Card after) {
        if (!tx.cards().update(after, before.version())) {
            throw new StaleVersion("#" + before.id() + " changed under this write; try again");
        }
    }

    /** Appends a card's event in the events' own shape ({@link CardChange}); an undoable kind becomes the top of its person's undo. */
    void record(StorageTx tx, Card card, String kind, String summary, Card before, Card after) {
        record(tx, card, kind, summary, before, after,
                EventRows.UNDOABLE.contains(kind) ? History.change(tx, card.boardId(), workspace.actor().name()) : null);
    }

    void record(StorageTx tx, Card card, String kind, String summary, Card before, Card after, EventRows.Link link) {
        String[] sides = CardChange.of(before, after);
        tx.events().append(workspace.actor(), card.boardId(), card.id(), kind, summary, sides[0], sides[1], link);
    }

    static void checkVersion(Card card, Long ifVersion) {
        if (ifVersion != null && ifVersion != card.version()) {
            throw new StaleVersion("#" + card.id() + " is at version " + card.version() + ", not " + ifVersion
                    + ": someone changed it since you read it (tack show " + card.id() + ")");
        }
    }

    /** A gate column ({@code tack column gate}) takes only ready cards: the refusal says what the card waits for. */
    static void requireReadyFor(StorageTx tx, Card card, Column target) {
        Readiness readiness = Readiness.in(tx);
        if (readiness.isGate(target)) {
            Readiness.Status status = readiness.of(card.id());
            if (!status.ready()) {
                throw TackException.conflict(target.name() + " takes only ready cards: #" + card.id() + " is " + status.reason());
            }
        }
    }

    static void requireRoom(Column column, int liveCount) {
        if (column.wipHard() && column.wipLimit() != null && liveCount >= column.wipLimit()) {
            throw TackException.conflict(column.name() + " is at its hard WIP limit (" + liveCount + "/" + column.wipLimit() + ")");
        }
    }

    static Column columnOf(StorageTx tx, Card card) {
        return tx.columns().ofBoard(card.boardId()).stream().filter(c -> c.id() == card.columnId()).findFirst().orElseThrow();
    }

    private static Column firstColumn(StorageTx tx, Board board) {
        List<Column> columns = tx.columns().ofBoard(board.id());
        if (columns.isEmpty()) {
            throw TackException.notFound("board '" + board.name() + "' has no columns (add one with: tack column add NAME)");
        }
        return columns.get(0);
    }

    private static int indexOf(List<Column> columns, long columnId) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).id() == columnId) {
                return i;
            }
        }
        return -1;
    }

    private static int clamp(int position, int count) {
        return Math.max(0, Math.min(position, count));
    }

    private static Card withPlace(Card card, long columnId, String column, int position, boolean archived) {
        return new Card(card.id(), card.boardId(), columnId, column, position, card.title(), card.description(),
                card.tags(), card.priority(), card.due(), card.assignee(), archived, card.version(), card.createdAt(),
                card.updatedAt(), card.claim(), card.attempts(), card.failed());
    }

    private static List<String> changedFields(Card before, Card after) {
        List<String> fields = new ArrayList<>();
        if (!before.title().equals(after.title())) {
            fields.add("title");
        }
        if (!before.description().equals(after.description())) {
            fields.add("description");
        }
        if (!before.tags().equals(after.tags())) {
            fields.add("tags");
        }
        if (before.priority() != after.priority()) {
            fields.add("priority");
        }
        if (!java.util.Objects.equals(before.due(), after.due())) {
            fields.add("due");
        }
        if (!java.util.Objects.equals(before.assignee(), after.assignee())) {
            fields.add("assignee");
        }
        return fields;
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 59) + "…" : line;
    }
}
