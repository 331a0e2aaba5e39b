package dev.tack.board;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.Column;
import dev.tack.model.Event;
import dev.tack.model.TackException;
import dev.tack.store.StorageTx;

/**
 * Undo and redo of a person's own card changes, across processes: the person's events are
 * replayed into an undo stack and a redo stack, so {@code tack undo} in one terminal undoes what
 * the screen in another did. An undo applies the event's "before" snapshot, a redo its "after";
 * both refuse (conflict) when someone else changed the card since, rather than overwrite them.
 */
public final class History {

    static final List<String> UNDOABLE = List.of("card.added", "card.moved", "card.edited", "card.archived", "card.restored");
    static final String UNDO = "card.undone";
    static final String REDO = "card.redone";

    private final Workspace workspace;
    private final Cards cards;

    public History(Workspace workspace) {
        this.workspace = workspace;
        this.cards = new Cards(workspace);
    }

    public Card undo() {
        return workspace.write(tx -> {
            Stacks stacks = stacks(tx);
            Event target = stacks.done.peek();
            if (target == null) {
                throw TackException.notFound("nothing to undo for " + workspace.actor().name());
            }
            return apply(tx, target, snapshot(target.before()), UNDO, "undid: " + target.summary());
        });
    }

    public Card redo() {
        return workspace.write(tx -> {
            Stacks stacks = stacks(tx);
            Event target = stacks.undone.peek();
            if (target == null) {
                throw TackException.notFound("nothing to redo for " + workspace.actor().name());
            }
            return apply(tx, target, snapshot(target.after()), REDO, "redid: " + target.summary());
        });
    }

    private record Stacks(Deque<Event> done, Deque<Event> undone) {
    }

    private Stacks stacks(StorageTx tx) {
        List<String> kinds = new ArrayList<>(UNDOABLE);
        kinds.add(UNDO);
        kinds.add(REDO);
        Deque<Event> done = new ArrayDeque<>();
        Deque<Event> undone = new ArrayDeque<>();
        for (Event event : tx.events().byActor(workspace.actor().name(), kinds)) {
            switch (event.kind()) {
                case UNDO -> {
                    if (!done.isEmpty()) {
                        undone.push(done.pop());
                    }
                }
                case REDO -> {
                    if (!undone.isEmpty()) {
                        done.push(undone.pop());
                    }
                }
                default -> {
                    done.push(event);
                    undone.clear();
                }
            }
        }
        return new Stacks(done, undone);
    }

    private Card apply(StorageTx tx, Event target, JsonObject state, String kind, String summary) {
        Card card = Cards.any(tx, target.cardId());
        Event last = tx.events().lastOfCard(card.id()).orElseThrow();
        if (!last.actor().equals(workspace.actor().name())) {
            throw TackException.conflict("#" + card.id() + " was changed by " + last.actor() + " since (" + last.summary()
                    + "); not undoing over their change");
        }
        Card after = state == null ? archive(tx, card) : restoreState(tx, card, state);
        cards.record(tx, after, kind, summary, card, after);
        return after;
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

    private static Card restoreState(StorageTx tx, Card card, JsonObject state) {
        Column column = Columns.find(tx, new Board(card.boardId(), null), state.get("column").getAsString());
        boolean archived = state.get("archived").getAsBoolean();
        Card current = card;
        if (card.archived() && !archived) {
            current = Cards.load(tx, card.id());
        }
        List<String> tags = new ArrayList<>();
        state.getAsJsonArray("tags").forEach(t -> tags.add(t.getAsString()));
        // Fields first (no move), then the place, so positions stay contiguous.
        Card fields = new Card(current.id(), current.boardId(), current.columnId(), current.column(), current.position(),
                state.get("title").getAsString(), text(state.get("description")), tags, state.get("priority").getAsInt(),
                isNull(state.get("due")) ? null : LocalDate.parse(state.get("due").getAsString()),
                isNull(state.get("assignee")) ? null : state.get("assignee").getAsString(),
                current.archived(), current.version(), current.createdAt(), current.updatedAt(), current.claim(),
                current.attempts(), current.failed());
        if (!tx.cards().update(fields, current.version())) {
            throw TackException.conflict("#" + card.id() + " changed under this write; try again");
        }
        tx.cards().replaceTags(card.id(), tags);
        Card loaded = Cards.load(tx, card.id());
        if (archived) {
            return archive(tx, loaded);
        }
        if (loaded.archived()) {
            // bring it back into the column at the remembered place
            Card placed = new Card(loaded.id(), loaded.boardId(), column.id(), column.name(), Integer.MAX_VALUE, loaded.title(),
                    loaded.description(), loaded.tags(), loaded.priority(), loaded.due(), loaded.assignee(), false,
                    loaded.version(), loaded.createdAt(), loaded.updatedAt(), loaded.claim(), loaded.attempts(), loaded.failed());
            int count = tx.columns().cardCount(column.id());
            Cards.requireRoom(column, count);
            int position = Math.min(state.get("position").getAsInt(), count);
            tx.cards().openGap(column.id(), position);
            Card withPlace = new Card(placed.id(), placed.boardId(), placed.columnId(), placed.column(), position, placed.title(),
                    placed.description(), placed.tags(), placed.priority(), placed.due(), placed.assignee(), false, placed.version(),
                    placed.createdAt(), placed.updatedAt(), placed.claim(), placed.attempts(), placed.failed());
            if (!tx.cards().update(withPlace, loaded.version())) {
                throw TackException.conflict("#" + card.id() + " changed under this write; try again");
            }
            return Cards.load(tx, card.id());
        }
        return Cards.relocate(tx, loaded, column, state.get("position").getAsInt());
    }

    private static JsonObject snapshot(String json) {
        if (json == null) {
            return null;
        }
        JsonElement element = JsonParser.parseString(json);
        return element.isJsonObject() ? element.getAsJsonObject() : null;
    }

    private static boolean isNull(JsonElement element) {
        return element == null || element.isJsonNull();
    }

    private static String text(JsonElement element) {
        return isNull(element) ? "" : element.getAsString();
    }

}
