package dev.tack.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.tack.board.BoardSnapshot;
import dev.tack.model.TackException;

/**
 * Reads a Trello board export (Menu → Print, export and share → Export as JSON): lists become
 * columns (closed lists are skipped), cards keep their order, labels become tags (their name, or
 * their colour when unnamed), closed cards come in archived, comments keep their authors, and
 * checklists come with their items' state (several checklists on a card become one, in order,
 * each item after the first of a checklist prefixed with that checklist's name when there are several).
 */
public final class TrelloFormat implements Format {

    @Override
    public String name() {
        return "trello";
    }

    @Override
    public BoardSnapshot read(Reader in) throws IOException {
        try {
            return readTree(in);
        } catch (IllegalStateException | ClassCastException | UnsupportedOperationException | NumberFormatException e) {
            // Gson's tree says "Not a JSON Object: [...]": the file has the wrong shape somewhere.
            throw TackException.usage("not a Trello export: a value has the wrong type (" + firstLine(e.getMessage()) + ")");
        }
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    private BoardSnapshot readTree(Reader in) throws IOException {
        JsonObject root;
        try {
            root = JsonParser.parseReader(in).getAsJsonObject();
        } catch (JsonParseException e) {
            throw TackException.usage("not valid JSON: " + firstLine(e.getMessage()));
        } catch (IllegalStateException e) {
            throw TackException.usage("not a Trello export: the JSON is not an object");
        }
        if (!root.has("lists") || !root.has("cards")) {
            throw TackException.usage("not a Trello export: no \"lists\" and \"cards\"");
        }
        Map<String, List<BoardSnapshot.Note>> comments = comments(root);
        Map<String, List<BoardSnapshot.Check>> checklists = checklists(root);
        Map<String, JsonObject> lists = new LinkedHashMap<>();
        List<JsonObject> orderedLists = new ArrayList<>();
        root.getAsJsonArray("lists").forEach(l -> orderedLists.add(l.getAsJsonObject()));
        orderedLists.sort(Comparator.comparingDouble(l -> number(l, "pos")));
        for (JsonObject list : orderedLists) {
            if (!bool(list, "closed")) {
                lists.put(JsonFormat.text(list, "id"), list);
            }
        }
        Map<String, List<BoardSnapshot.Item>> byList = new HashMap<>();
        List<JsonObject> cards = new ArrayList<>();
        root.getAsJsonArray("cards").forEach(c -> cards.add(c.getAsJsonObject()));
        cards.sort(Comparator.comparingDouble(c -> number(c, "pos")));
        for (JsonObject card : cards) {
            String listId = JsonFormat.text(card, "idList");
            if (!lists.containsKey(listId)) {
                continue;
            }
            List<String> tags = new ArrayList<>();
            if (card.has("labels")) {
                for (JsonElement label : card.getAsJsonArray("labels")) {
                    String name = JsonFormat.text(label.getAsJsonObject(), "name");
                    String tag = name == null || name.isBlank() ? JsonFormat.text(label.getAsJsonObject(), "color") : name;
                    if (tag != null && !tag.isBlank()) {
                        tags.add(tag.strip().replaceAll("[\\s,]+", "-"));
                    }
                }
            }
            String id = JsonFormat.text(card, "id");
            byList.computeIfAbsent(listId, k -> new ArrayList<>()).add(new BoardSnapshot.Item(JsonFormat.text(card, "name"),
                    JsonFormat.text(card, "desc"), tags, 0, JsonFormat.date(JsonFormat.text(card, "due")), null,
                    bool(card, "closed"), comments.getOrDefault(id, List.of()), checklists.getOrDefault(id, List.of()), List.of()));
        }
        List<BoardSnapshot.Lane> lanes = new ArrayList<>();
        lists.forEach((id, list) -> lanes.add(new BoardSnapshot.Lane(JsonFormat.text(list, "name"), null, false,
                byList.getOrDefault(id, List.of()))));
        return new BoardSnapshot(JsonFormat.text(root, "name"), lanes);
    }

    /**
     * Trello's {@code checklists} (each with {@code idCard}, {@code name}, {@code pos} and
     * {@code checkItems} with {@code name}, {@code state} "complete" or "incomplete", {@code pos}):
     * one list per card, checklists in order; with several, each item says which checklist it is from.
     */
    private static Map<String, List<BoardSnapshot.Check>> checklists(JsonObject root) {
        Map<String, List<JsonObject>> byCard = new HashMap<>();
        if (!root.has("checklists") || root.get("checklists").isJsonNull()) {
            return Map.of();
        }
        root.getAsJsonArray("checklists").forEach(c -> byCard.computeIfAbsent(JsonFormat.text(c.getAsJsonObject(), "idCard"),
                k -> new ArrayList<>()).add(c.getAsJsonObject()));
        Map<String, List<BoardSnapshot.Check>> result = new HashMap<>();
        byCard.forEach((card, lists) -> {
            lists.sort(Comparator.comparingDouble(l -> number(l, "pos")));
            List<BoardSnapshot.Check> checks = new ArrayList<>();
            for (JsonObject list : lists) {
                String prefix = lists.size() > 1 && JsonFormat.text(list, "name") != null ? JsonFormat.text(list, "name").strip() + ": " : "";
                List<JsonObject> items = new ArrayList<>();
                if (list.has("checkItems")) {
                    list.getAsJsonArray("checkItems").forEach(i -> items.add(i.getAsJsonObject()));
                }
                items.sort(Comparator.comparingDouble(i -> number(i, "pos")));
                for (JsonObject item : items) {
                    String name = JsonFormat.text(item, "name");
                    if (name != null && !name.isBlank()) {
                        String text = (prefix + name.strip()).replaceAll("[\\r\\n]+", " ");
                        checks.add(new BoardSnapshot.Check(text.length() > dev.tack.board.Checklists.MAX_TEXT
                                ? text.substring(0, dev.tack.board.Checklists.MAX_TEXT - 1) + "…" : text,
                                "complete".equals(JsonFormat.text(item, "state"))));
                    }
                }
            }
            result.put(card, checks);
        });
        return result;
    }

    private static Map<String, List<BoardSnapshot.Note>> comments(JsonObject root) {
        Map<String, List<BoardSnapshot.Note>> byCard = new HashMap<>();
        if (!root.has("actions")) {
            return byCard;
        }
        List<JsonObject> actions = new ArrayList<>();
        root.getAsJsonArray("actions").forEach(a -> actions.add(a.getAsJsonObject()));
        actions.sort(Comparator.comparing(a -> String.valueOf(JsonFormat.text(a, "date"))));
        for (JsonObject action : actions) {
            if (!"commentCard".equals(JsonFormat.text(action, "type")) || !action.has("data")) {
                continue;
            }
            JsonObject data = action.getAsJsonObject("data");
            if (!data.has("card")) {
                continue;
            }
            String author = action.has("memberCreator")
                    ? JsonFormat.text(action.getAsJsonObject("memberCreator"), "username") : null;
            byCard.computeIfAbsent(JsonFormat.text(data.getAsJsonObject("card"), "id"), k -> new ArrayList<>())
                    .add(new BoardSnapshot.Note(author, JsonFormat.text(data, "text"), JsonFormat.text(action, "date")));
        }
        return byCard;
    }

    private static double number(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? 0 : value.getAsDouble();
    }

    private static boolean bool(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value != null && !value.isJsonNull() && value.getAsBoolean();
    }
}
