package dev.tack.board;

import java.util.ArrayList;
import java.util.List;
import com.google.gson.JsonObject;
import dev.tack.model.Card;
import dev.tack.model.ChecklistItem;
import dev.tack.model.TackException;
import dev.tack.store.StorageTx;

/**
 * A card's checklist: items added, ticked, unticked, removed and reordered, each one write
 * transaction with one {@code card.checklist} event on the card (which bumps its version and can
 * be undone). People number items from 1, as {@code tack show} lists them. (Not {@code tack check},
 * which is the database's integrity check.)
 *
 * <p>An event's sides hold {@code item}: the item at its place ({@code position} from 0,
 * {@code text}, {@code done}) before and after, null where there was none, so undo and redo are
 * one rule: take the item the other side names and make it this side.
 */
public final class Checklists {

    static final String KIND = "card.checklist";
    public static final int MAX_TEXT = 500;
    public static final int MAX_ITEMS = 200;

    private final Workspace workspace;

    public Checklists(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The checklist of a card, after a change. */
    public record Result(Card card, List<ChecklistItem> items, ChecklistItem item) {
    }

    public List<ChecklistItem> of(long cardId) {
        return workspace.read(tx -> {
            Cards.any(tx, cardId);
            return tx.checklists().ofCard(cardId);
        });
    }

    /** Adds an item at the end, or at item number {@code number} (1 is the top). */
    public Result add(long cardId, String rawText, Integer number) {
        String text = text(rawText);
        return workspace.write(tx -> {
            Card card = Cards.any(tx, cardId);
            List<ChecklistItem> items = tx.checklists().ofCard(cardId);
            if (items.size() >= MAX_ITEMS) {
                throw TackException.conflict("#" + cardId + " already has " + items.size() + " checklist items; the limit is " + MAX_ITEMS);
            }
            int position = number == null ? items.size() : Math.max(0, Math.min(number - 1, items.size()));
            ChecklistItem added = new ChecklistItem(0, cardId, position, text, false);
            applyState(tx, cardId, null, added);
            return recorded(tx, card, null, added, "added item " + (position + 1) + " to #" + cardId + ": " + brief(text));
        });
    }

    /** Ticks ({@code done}) or unticks item {@code number}; ticking a ticked item changes nothing. */
    public Result done(long cardId, int number, boolean done) {
        return workspace.write(tx -> {
            Card card = Cards.any(tx, cardId);
            ChecklistItem item = item(tx, cardId, number);
            if (item.done() == done) {
                return new Result(card, tx.checklists().ofCard(cardId), item);
            }
            ChecklistItem changed = new ChecklistItem(item.id(), cardId, item.position(), item.text(), done);
            applyState(tx, cardId, item, changed);
            return recorded(tx, card, item, changed, (done ? "ticked" : "unticked") + " item " + number + " of #" + cardId + ": "
                    + brief(item.text()));
        });
    }

    public Result remove(long cardId, int number) {
        return workspace.write(tx -> {
            Card card = Cards.any(tx, cardId);
            ChecklistItem item = item(tx, cardId, number);
            applyState(tx, cardId, item, null);
            return recorded(tx, card, item, null, "removed item " + number + " from #" + cardId + ": " + brief(item.text()));
        });
    }

    /** Moves item {@code number} to be item {@code to} (both from 1; past the end is the end). */
    public Result move(long cardId, int number, int to) {
        return workspace.write(tx -> {
            Card card = Cards.any(tx, cardId);
            ChecklistItem item = item(tx, cardId, number);
            int size = tx.checklists().ofCard(cardId).size();
            int position = Math.max(0, Math.min(to - 1, size - 1));
            if (position == item.position()) {
                return new Result(card, tx.checklists().ofCard(cardId), item);
            }
            ChecklistItem moved = new ChecklistItem(item.id(), cardId, position, item.text(), item.done());
            applyState(tx, cardId, item, moved);
            return recorded(tx, card, item, moved, "moved item " + number + " of #" + cardId + " to " + (position + 1) + ": "
                    + brief(item.text()));
        });
    }

    private Result recorded(StorageTx tx, Card card, ChecklistItem was, ChecklistItem now, String summary) {
        Card after = Links.touch(tx, card);
        JsonObject before = side(was, card.version());
        JsonObject afterSide = side(now, after.version());
        tx.events().append(workspace.actor(), after.boardId(), after.id(), KIND, summary, Json.compact(before), Json.compact(afterSide),
                History.change(tx, after.boardId(), workspace.actor().name()));
        List<ChecklistItem> items = tx.checklists().ofCard(card.id());
        ChecklistItem item = now == null ? null : items.get(now.position());
        return new Result(after, items, item);
    }

    private static JsonObject side(ChecklistItem item, long version) {
        JsonObject side = new JsonObject();
        if (item == null) {
            side.add("item", com.google.gson.JsonNull.INSTANCE);
        } else {
            JsonObject state = new JsonObject();
            state.addProperty("position", item.position());
            state.addProperty("text", item.text());
            state.addProperty("done", item.done());
            side.add("item", state);
        }
        side.addProperty("version", version);
        return side;
    }

    /**
     * Makes the item at {@code from}'s place (none: {@code from} null) into {@code to} (gone: null),
     * keeping positions 0, 1, 2, … on the card.
     */
    static void applyState(StorageTx tx, long cardId, ChecklistItem from, ChecklistItem to) {
        List<ChecklistItem> items = new ArrayList<>(tx.checklists().ofCard(cardId));
        ChecklistItem current = null;
        if (from != null) {
            if (from.position() >= items.size()) {
                throw TackException.conflict("#" + cardId + "'s checklist has changed; cannot put item " + (from.position() + 1) + " back");
            }
            current = items.remove(from.position());
        }
        if (to == null) {
            tx.checklists().delete(current.id());
        } else if (current == null) {
            long id = tx.checklists().insert(cardId, items.size(), to.text(), to.done());
            items.add(Math.min(to.position(), items.size()), new ChecklistItem(id, cardId, items.size(), to.text(), to.done()));
        } else {
            if (current.done() != to.done()) {
                tx.checklists().setDone(current.id(), to.done());
            }
            items.add(Math.min(to.position(), items.size()), current);
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).position() != i) {
                tx.checklists().setPosition(items.get(i).id(), i);
            }
        }
    }

    /** Undo and redo: the item the {@code other} side describes becomes the {@code wanted} side. */
    static void apply(StorageTx tx, long cardId, JsonObject wanted, JsonObject other) {
        applyState(tx, cardId, item(cardId, other), item(cardId, wanted));
    }

    private static ChecklistItem item(long cardId, JsonObject side) {
        if (side == null || !side.has("item") || side.get("item").isJsonNull()) {
            return null;
        }
        JsonObject state = side.getAsJsonObject("item");
        return new ChecklistItem(0, cardId, state.get("position").getAsInt(), state.get("text").getAsString(),
                state.get("done").getAsBoolean());
    }

    private static ChecklistItem item(StorageTx tx, long cardId, int number) {
        List<ChecklistItem> items = tx.checklists().ofCard(cardId);
        if (number < 1 || number > items.size()) {
            throw TackException.notFound("#" + cardId + " has no checklist item " + number
                    + (items.isEmpty() ? " (its checklist is empty)" : " (it has " + items.size() + ")"));
        }
        return items.get(number - 1);
    }

    public static String text(String raw) {
        if (raw == null || raw.isBlank()) {
            throw TackException.usage("a checklist item needs text that is not empty");
        }
        String text = raw.strip();
        if (text.contains("\n") || text.contains("\r")) {
            throw TackException.usage("a checklist item is one line");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT) {
            throw TackException.usage("checklist item is " + length + " characters long; the limit is " + MAX_TEXT);
        }
        return text;
    }

    private static String brief(String text) {
        return text.length() > 60 ? text.substring(0, 59) + "…" : text;
    }
}
