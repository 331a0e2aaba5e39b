package dev.tack.board;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.Column;
import dev.tack.model.Event;
import dev.tack.model.TackException;
import dev.tack.store.EventRows;
import dev.tack.store.EventRows.Link;
import dev.tack.store.StorageTx;

/**
 * Undo and redo of a person's own card changes, across processes, per board: {@code tack undo} in
 * one terminal undoes what the screen in another did on the same board, and never reaches a card
 * of another board (each board is its own piece of work; an undo that jumped to a board not on the
 * screen would change what nobody is looking at). An undo applies the fields the change touched
 * as they were before it, a redo as they were after; both refuse (conflict) when someone else
 * changed the card since, rather than overwrite them.
 *
 * <p>The two stacks (done, undone) of each person on each board are linked lists through the
 * events ({@link EventRows.Link}): the person's latest step on the board, found by one index
 * seek, says which change is on top of each, so an undo reads three rows however long the history.
 */
public final class History {

    static final List<String> UNDOABLE = EventRows.UNDOABLE;
    static final String UNDO = EventRows.UNDONE;
    static final String REDO = EventRows.REDONE;

    private final Workspace workspace;
    private final Cards cards;
    private final Hooks hooks;

    public History(Workspace workspace) {
        this.workspace = workspace;
        this.cards = new Cards(workspace);
        this.hooks = new Hooks(workspace);
    }

    /** What an undo or redo did: the card as it is now, and the words of the step ("undid: moved #2 from Todo to Doing"). */
    public record Step(Card card, String summary) {
    }

    /** A change the next undos would revert, newest first ({@link #pending}). */
    public record Pending(long eventId, long cardId, String summary, String at) {
    }

    public Card undo() {
        return undoStep().card();
    }

    public Card redo() {
        return redoStep().card();
    }

    public Step undoStep() {
        return firing((tx, pending) -> {
            Board board = workspace.board(tx);
            Tops tops = tops(tx, board.id(), workspace.actor().name());
            if (tops.done() == 0) {
                throw TackException.notFound("nothing to undo for " + workspace.actor().name() + " on board " + board.name());
            }
            EventRows.Step done = tx.events().step(tops.done()).orElseThrow();
            Event target = tx.events().byId(changeOf(done)).orElseThrow();
            return apply(tx, pending, target, CardChange.side(target, false), UNDO, "undid: " + target.summary(),
                    new Link(target.id(), tops.undone(), done.link().below()));
        });
    }

    public Step redoStep() {
        return firing((tx, pending) -> {
            Board board = workspace.board(tx);
            Tops tops = tops(tx, board.id(), workspace.actor().name());
            EventRows.Step undone = tops.undone() == 0 ? null : tx.events().step(tops.undone()).orElseThrow();
            if (undone == null || undone.link().undoes() == null) {
                throw TackException.notFound("nothing to redo for " + workspace.actor().name() + " on board " + board.name());
            }
            Event target = tx.events().byId(undone.link().undoes()).orElseThrow();
            return apply(tx, pending, target, CardChange.side(target, true), REDO, "redid: " + target.summary(),
                    new Link(target.id(), tops.done(), undone.link().below()));
        });
    }

    /** An undo or redo, and after its commit the hooks of the move it made, if it moved the card. */
    private Step firing(java.util.function.BiFunction<StorageTx, Hooks.Pending, Step> step) {
        Hooks.Pending pending = hooks.pending();
        Step done = workspace.write(tx -> {
            pending.clear();
            return step.apply(tx, pending);
        });
        pending.fire();
        return done;
    }

    /**
     * The changes that the acting person's next {@code limit} undos on this board would revert, in
     * the order they would go: the done stack read from its top down, one row per step.
     */
    public List<Pending> pending(int limit) {
        return workspace.read(tx -> {
            Board board = workspace.board(tx);
            List<Pending> next = new ArrayList<>();
            long node = tops(tx, board.id(), workspace.actor().name()).done();
            while (node != 0 && next.size() < limit) {
                EventRows.Step step = tx.events().step(node).orElseThrow();
                Event change = tx.events().byId(changeOf(step)).orElseThrow();
                next.add(new Pending(change.id(), change.cardId(), change.summary(), change.at()));
                node = step.link().below();
            }
            return next;
        });
    }

    /** The link of a new undoable change by {@code actor} on a board: on top of what it can undo, with nothing left to redo. */
    static Link change(StorageTx tx, long boardId, String actor) {
        return new Link(null, tops(tx, boardId, actor).done(), 0);
    }

    /** The event ids on top of a person's done and undone stacks on a board (0: empty). */
    private record Tops(long done, long undone) {
    }

    private static Tops tops(StorageTx tx, long boardId, String actor) {
        return tx.events().lastStep(boardId, actor)
                .map(step -> step.kind().equals(UNDO) ? new Tops(step.link().other(), step.id()) : new Tops(step.id(), step.link().other()))
                .orElse(new Tops(0, 0));
    }

    /** The change a node of the done stack stands for: itself, or the change a redo brought back. */
    private static long changeOf(EventRows.Step step) {
        return step.link().undoes() == null ? step.id() : step.link().undoes();
    }

    private Step apply(StorageTx tx, Hooks.Pending pending, Event target, JsonObject state, String kind, String summary, Link link) {
        Card card = Cards.any(tx, target.cardId());
        if (target.boardId() != null && target.boardId() != card.boardId()) {
            // moved to another board since (tack mv --to-board): its columns are not this board's to put it back in
            throw TackException.conflict("#" + card.id() + " moved to another board since; not undoing (move it back with"
                    + " tack mv " + card.id() + " COLUMN --to-board NAME)");
        }
        Event last = tx.events().lastOfCard(card.id()).orElseThrow();
        if (!last.actor().equals(workspace.actor().name())) {
            throw TackException.conflict("#" + card.id() + " was changed by " + last.actor() + " since (" + last.summary()
                    + "); not undoing over their change");
        }
        Card after;
        if (Links.isLinkKind(target.kind()) || target.kind().equals(Checklists.KIND)) {
            // a change to what hangs off the card: put back that side, the other naming what to take away
            JsonObject other = CardChange.side(target, !kind.equals(REDO));
            if (target.kind().equals(Checklists.KIND)) {
                Checklists.apply(tx, card.id(), state, other);
            } else {
                Links.apply(tx, card.id(), state, other);
            }
            after = Links.touch(tx, card);
        } else {
            after = state == null ? archive(tx, card) : restoreState(tx, target, card, state);
        }
        cards.record(tx, after, kind, summary, card, after, link);
        pending.moved(tx, card, after); // an undone or redone move fires the move hooks as the move did
        return new Step(after, summary);
    }

    /** Undoing an add (no "before") archives the card. */
    private static Card archive(StorageTx tx, Card card) {
        if (card.archived()) {
            return card;
        }
        tx.cards().closeGap(card.columnId(), card.position());
        Card archived = new Card(card.id(), card.boardId(), card.columnId(), card.column(), -1, card.title(), card.description(),
                card.tags(), card.priority(), card.due(), card.assignee(), true, card.version(), card.createdAt(),
                card.updatedAt(), card.claim(), card.attempts(), card.failed());
        if (!tx.cards().update(archived, card.version())) {
            throw TackException.conflict("#" + card.id() + " changed under this write; try again");
        }
        return Cards.load(tx, card.id());
    }

    /**
     * Puts back what {@code state} holds (one side of {@code event}, {@link CardChange#side}):
     * the fields it names, then its place, so positions stay contiguous. Claims and attempts are
     * the workers' and are not put back.
     */
    private static Card restoreState(StorageTx tx, Event event, Card card, JsonObject state) {
        List<String> tags = card.tags();
        if (state.has("tags")) {
            tags = new ArrayList<>();
            for (JsonElement tag : state.getAsJsonArray("tags")) {
                tags.add(tag.getAsString());
            }
        }
        Card fields = new Card(card.id(), card.boardId(), card.columnId(), card.column(), card.position(),
                state.has("title") ? state.get("title").getAsString() : card.title(),
                state.has("description") ? text(state.get("description")) : card.description(), tags,
                state.has("priority") ? state.get("priority").getAsInt() : card.priority(),
                state.has("due") ? (isNull(state.get("due")) ? null : LocalDate.parse(state.get("due").getAsString())) : card.due(),
                state.has("assignee") ? (isNull(state.get("assignee")) ? null : state.get("assignee").getAsString()) : card.assignee(),
                card.archived(), card.version(), card.createdAt(), card.updatedAt(), card.claim(), card.attempts(), card.failed());
        if (!fields.equals(card)) {
            if (!tx.cards().update(fields, card.version())) {
                throw TackException.conflict("#" + card.id() + " changed under this write; try again");
            }
            tx.cards().replaceTags(card.id(), tags);
        }
        Card loaded = Cards.load(tx, card.id());
        if (!state.has("column")) {
            return loaded; // the change did not move the card
        }
        if (state.has("archived") && state.get("archived").getAsBoolean()) {
            return archive(tx, loaded);
        }
        Column column = column(tx, event, card.boardId(), state);
        int wanted = state.get("position").getAsInt();
        if (!loaded.archived()) {
            return Cards.relocate(tx, loaded, column, wanted);
        }
        // bring it back into the column at the remembered place
        int count = tx.columns().cardCount(column.id());
        Cards.requireRoom(column, count);
        int position = Math.min(wanted, count);
        tx.cards().openGap(column.id(), position);
        Card placed = new Card(loaded.id(), loaded.boardId(), column.id(), column.name(), position, loaded.title(),
                loaded.description(), loaded.tags(), loaded.priority(), loaded.due(), loaded.assignee(), false, loaded.version(),
                loaded.createdAt(), loaded.updatedAt(), loaded.claim(), loaded.attempts(), loaded.failed());
        if (!tx.cards().update(placed, loaded.version())) {
            throw TackException.conflict("#" + card.id() + " changed under this write; try again");
        }
        return Cards.load(tx, card.id());
    }

    /**
     * The column a side names: by id (shape 2), or, for an event from schema 1, by the name it had
     * then, followed through the board's later column renames ("renamed column A to B").
     */
    private static Column column(StorageTx tx, Event event, long boardId, JsonObject state) {
        List<Column> columns = tx.columns().ofBoard(boardId);
        if (state.has("column_id")) {
            long id = state.get("column_id").getAsLong();
            return columns.stream().filter(c -> c.id() == id).findFirst().orElseThrow(() -> TackException.notFound(
                    "column " + state.get("column").getAsString() + " no longer exists; cannot put #" + event.cardId() + " back there"));
        }
        String name = state.get("column").getAsString();
        for (String rename : tx.events().columnRenamesAfter(boardId, event.id())) {
            String prefix = "renamed column " + name + " to ";
            if (rename.startsWith(prefix)) {
                name = rename.substring(prefix.length());
            }
        }
        return Columns.find(tx, new Board(boardId, null), name);
    }

    private static boolean isNull(JsonElement element) {
        return element == null || element.isJsonNull();
    }

    private static String text(JsonElement element) {
        return isNull(element) ? "" : element.getAsString();
    }

}
