package dev.tack.board;

import java.util.List;
import java.util.Objects;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tack.model.Card;
import dev.tack.model.Event;

/**
 * What a card event stores in {@code before} and {@code after}: the events' own shape (shape 2,
 * docs/ARCHITECTURE.md §7), not the {@code --json} card. Each side holds only the fields the
 * change touched, under their {@code --json} names, and the card's version; a change of place
 * writes the whole place on both sides: {@code column_id} and {@code column} (the name, for the
 * log) with {@code position}, or {@code archived: true}. A move is then about 100 bytes of JSON
 * instead of 700, and undo finds the column by id after a rename.
 *
 * <p>{@link #sides} reads both shapes, so events from schema 1 (whole cards, the column by name)
 * are undone the same way: the fields that differ between their two snapshots are what changed.
 */
public final class CardChange {

    private static final List<String> FIELDS = List.of("title", "description", "tags", "priority", "due", "assignee",
            "claimed_by", "attempts", "failed");

    private CardChange() {
    }

    /** The two sides of a change from {@code before} (null for a new card) to {@code after}, as JSON. */
    static String[] of(Card before, Card after) {
        JsonObject from = fields(before);
        JsonObject to = fields(after);
        if (before == null) {
            JsonObject added = place(after);
            to.entrySet().forEach(e -> {
                if (!isDefault(e.getKey(), e.getValue())) {
                    added.add(e.getKey(), e.getValue());
                }
            });
            added.addProperty("version", after.version());
            return new String[] {null, Json.compact(added)};
        }
        JsonObject was = new JsonObject();
        JsonObject now = new JsonObject();
        if (before.columnId() != after.columnId() || before.archived() != after.archived()
                || (!after.archived() && before.position() != after.position())) {
            place(before).entrySet().forEach(e -> was.add(e.getKey(), e.getValue()));
            place(after).entrySet().forEach(e -> now.add(e.getKey(), e.getValue()));
        }
        for (String field : FIELDS) {
            if (!Objects.equals(from.get(field), to.get(field))) {
                was.add(field, from.get(field));
                now.add(field, to.get(field));
            }
        }
        was.addProperty("version", before.version());
        now.addProperty("version", after.version());
        return new String[] {Json.compact(was), Json.compact(now)};
    }

    /**
     * The side of an event to apply ({@code after} to redo, else {@code before}) in shape 2, with only
     * what the change touched, or null for the "before" of a new card. A schema-1 side has no
     * {@code column_id}: the caller finds its column by the name it had then.
     */
    static JsonObject side(Event event, boolean after) {
        JsonObject wanted = parse(after ? event.after() : event.before());
        if (event.shape() >= 2 || wanted == null) {
            return wanted;
        }
        JsonObject other = parse(after ? event.before() : event.after());
        JsonObject side = new JsonObject();
        boolean archived = wanted.has("archived") && wanted.get("archived").getAsBoolean();
        if (other == null || !Objects.equals(wanted.get("column"), other.get("column"))
                || !Objects.equals(wanted.get("position"), other.get("position"))
                || !Objects.equals(wanted.get("archived"), other.get("archived"))) {
            side.add("column", wanted.get("column"));
            if (archived) {
                side.addProperty("archived", true);
            } else {
                side.add("position", wanted.get("position"));
            }
        }
        if (other != null) {
            for (String field : FIELDS) {
                if (!Objects.equals(wanted.get(field), other.get(field))) {
                    side.add(field, wanted.get(field));
                }
            }
        }
        return side;
    }

    /** Whether an event took its card from one column to another (a move, a claim into doing, a finish). */
    static boolean changedColumn(Event event) {
        JsonObject was = parse(event.before());
        JsonObject now = parse(event.after());
        if (was == null || now == null) {
            return false;
        }
        String key = was.has("column_id") && now.has("column_id") ? "column_id" : "column";
        return was.has(key) && now.has(key) && !Objects.equals(was.get(key), now.get(key));
    }

    /** The title an event left the card with, when it says (an add, a new title, a schema-1 snapshot). */
    public static String title(Event event) {
        for (String json : new String[] {event.after(), event.before()}) {
            JsonObject side = parse(json);
            if (side != null && side.get("title") instanceof com.google.gson.JsonPrimitive title) {
                return title.getAsString();
            }
        }
        return null;
    }

    private static JsonObject parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonElement element = JsonParser.parseString(json);
            return element.isJsonObject() ? element.getAsJsonObject() : null;
        } catch (RuntimeException notJson) {
            return null; // written by another program: nothing tack can read in it
        }
    }

    private static JsonObject place(Card card) {
        JsonObject place = new JsonObject();
        place.addProperty("column_id", card.columnId());
        place.addProperty("column", card.column());
        if (card.archived()) {
            place.addProperty("archived", true);
        } else {
            place.addProperty("position", card.position());
        }
        return place;
    }

    private static JsonObject fields(Card card) {
        JsonObject fields = new JsonObject();
        if (card == null) {
            return fields;
        }
        fields.addProperty("title", card.title());
        fields.addProperty("description", card.description());
        JsonArray tags = new JsonArray();
        card.tags().forEach(tags::add);
        fields.add("tags", tags);
        fields.addProperty("priority", card.priority());
        fields.add("due", card.due() == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(card.due().toString()));
        fields.add("assignee", card.assignee() == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(card.assignee()));
        fields.add("claimed_by", card.claimed() ? new com.google.gson.JsonPrimitive(card.claim().worker()) : JsonNull.INSTANCE);
        fields.addProperty("attempts", card.attempts());
        fields.addProperty("failed", card.failed());
        return fields;
    }

    /** A new card's fields left at their defaults are not written: an empty description costs nothing. */
    private static boolean isDefault(String field, JsonElement value) {
        return value.isJsonNull() || (value.isJsonArray() && value.getAsJsonArray().isEmpty())
                || (field.equals("description") && value.getAsString().isEmpty())
                || ((field.equals("priority") || field.equals("attempts")) && value.getAsInt() == 0)
                || (field.equals("failed") && !value.getAsBoolean());
    }
}
