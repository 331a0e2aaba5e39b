package dev.tack.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.tack.board.Json;
import dev.tack.model.TackException;

/**
 * How {@code --json} is shaped for a reader with little room, an agent's context window above all:
 * {@code --fields a,b,c} keeps only those keys of each object (in that order), and
 * {@code --compact} prints each object on one line (a list: one object per line, JSON Lines)
 * without nulls, empty strings, empty lists or empty objects. A field no object has, and that the
 * command does not know, is a usage error that names it.
 */
final class JsonShape {

    private final List<String> fields;
    private final boolean compact;

    JsonShape(List<String> fields, boolean compact) {
        this.fields = fields == null ? List.of() : fields.stream().map(String::strip).filter(f -> !f.isEmpty()).toList();
        this.compact = compact;
    }

    boolean plain() {
        return fields.isEmpty() && !compact;
    }

    /** The document for {@code value}; {@code known} names the fields the command's objects may have even when none are printed. */
    String render(Object value, Set<String> known) {
        JsonElement tree = Json.gson().toJsonTree(value);
        if (!fields.isEmpty()) {
            check(tree, known);
            tree = select(tree);
        }
        if (!compact) {
            return Json.pretty(tree);
        }
        if (tree instanceof JsonArray array) {
            List<String> lines = new ArrayList<>();
            array.forEach(item -> lines.add(Json.compact(prune(item))));
            return String.join("\n", lines);
        }
        return Json.compact(prune(tree));
    }

    private void check(JsonElement tree, Set<String> known) {
        Set<String> present = new LinkedHashSet<>(known);
        objects(tree).forEach(object -> present.addAll(object.keySet()));
        if (present.isEmpty()) {
            return; // an empty list of a kind the command did not describe: nothing to check against
        }
        for (String field : fields) {
            if (!present.contains(field)) {
                throw TackException.usage("--fields: no field '" + field + "' here (fields: " + String.join(", ", present) + ")");
            }
        }
    }

    private static List<JsonObject> objects(JsonElement tree) {
        List<JsonObject> objects = new ArrayList<>();
        if (tree instanceof JsonObject object) {
            objects.add(object);
        } else if (tree instanceof JsonArray array) {
            array.forEach(item -> {
                if (item instanceof JsonObject object) {
                    objects.add(object);
                }
            });
        }
        return objects;
    }

    private JsonElement select(JsonElement tree) {
        if (tree instanceof JsonArray array) {
            JsonArray selected = new JsonArray();
            array.forEach(item -> selected.add(select(item)));
            return selected;
        }
        if (tree instanceof JsonObject object) {
            JsonObject selected = new JsonObject();
            for (String field : fields) {
                if (object.has(field)) {
                    selected.add(field, object.get(field));
                }
            }
            return selected;
        }
        return tree;
    }

    /** The element without nulls and empties, at every depth. */
    static JsonElement prune(JsonElement element) {
        if (element instanceof JsonObject object) {
            JsonObject pruned = new JsonObject();
            for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
                JsonElement value = prune(entry.getValue());
                if (!empty(value)) {
                    pruned.add(entry.getKey(), value);
                }
            }
            return pruned;
        }
        if (element instanceof JsonArray array) {
            JsonArray pruned = new JsonArray();
            array.forEach(item -> {
                JsonElement value = prune(item);
                if (!empty(value)) {
                    pruned.add(value);
                }
            });
            return pruned;
        }
        return element;
    }

    private static boolean empty(JsonElement value) {
        return value == null || value.isJsonNull()
                || value instanceof JsonPrimitive p && p.isString() && p.getAsString().isEmpty()
                || value instanceof JsonArray a && a.isEmpty()
                || value instanceof JsonObject o && o.isEmpty();
    }

    /** An error as {@code --json} readers get it on standard error: {@code {"code": 3, "kind": "not_found", "message": "…"}}. */
    static String error(TackException.Kind kind, String message) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("code", kind.exitCode());
        map.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        map.put("message", message);
        return Json.compact(map);
    }
}
