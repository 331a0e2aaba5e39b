package dev.tack.io;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.tack.board.BoardSnapshot;
import dev.tack.board.Json;
import dev.tack.store.TackException;

/**
 * tack's own JSON: {@code {"format": "tack-board", "version": 1, "board": …, "columns": [{"name",
 * "wip_limit", "wip_hard", "cards": [{"title", "description", "tags", "priority", "due",
 * "assignee", "archived", "comments": [{"author", "body", "created_at"}]}]}]}}. Lossless for
 * everything but ids, versions and history, which belong to the file a board lives in.
 */
public final class JsonFormat implements Format {

    static final String FORMAT = "tack-board";

    @Override
    public String name() {
        return "json";
    }

    @Override
    public void write(BoardSnapshot snapshot, Writer out) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("board", snapshot.board());
        List<Object> columns = new ArrayList<>();
        for (BoardSnapshot.Lane lane : snapshot.columns()) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("name", lane.name());
            column.put("wip_limit", lane.wipLimit());
            column.put("wip_hard", lane.wipHard());
            List<Object> cards = new ArrayList<>();
            for (BoardSnapshot.Item item : lane.cards()) {
                Map<String, Object> card = new LinkedHashMap<>();
                card.put("title", item.title());
                card.put("description", item.description());
                card.put("tags", item.tags());
                card.put("priority", item.priority());
                card.put("due", item.due() == null ? null : item.due().toString());
                card.put("assignee", item.assignee());
                card.put("archived", item.archived());
                List<Object> comments = new ArrayList<>();
                for (BoardSnapshot.Note note : item.comments()) {
                    Map<String, Object> comment = new LinkedHashMap<>();
                    comment.put("author", note.author());
                    comment.put("body", note.body());
                    comment.put("created_at", note.createdAt());
                    comments.add(comment);
                }
                card.put("comments", comments);
                cards.add(card);
            }
            column.put("cards", cards);
            columns.add(column);
        }
        root.put("columns", columns);
        out.write(Json.pretty(root));
        out.write('\n');
    }

    @Override
    public BoardSnapshot read(Reader in) throws IOException {
        JsonObject root;
        try {
            JsonElement element = JsonParser.parseReader(in);
            if (!element.isJsonObject()) {
                throw TackException.usage("not a tack board export: the JSON is not an object");
            }
            root = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw TackException.usage("not valid JSON: " + firstLine(e.getMessage()));
        }
        if (!root.has("columns") || !root.get("columns").isJsonArray()) {
            throw TackException.usage("not a tack board export: no \"columns\" array");
        }
        List<BoardSnapshot.Lane> lanes = new ArrayList<>();
        for (JsonElement columnElement : root.getAsJsonArray("columns")) {
            JsonObject column = columnElement.getAsJsonObject();
            List<BoardSnapshot.Item> items = new ArrayList<>();
            JsonArray cards = column.has("cards") ? column.getAsJsonArray("cards") : new JsonArray();
            for (JsonElement cardElement : cards) {
                JsonObject card = cardElement.getAsJsonObject();
                List<String> tags = new ArrayList<>();
                if (card.has("tags") && card.get("tags").isJsonArray()) {
                    card.getAsJsonArray("tags").forEach(t -> tags.add(t.getAsString()));
                }
                List<BoardSnapshot.Note> notes = new ArrayList<>();
                if (card.has("comments") && card.get("comments").isJsonArray()) {
                    for (JsonElement c : card.getAsJsonArray("comments")) {
                        JsonObject comment = c.getAsJsonObject();
                        notes.add(new BoardSnapshot.Note(text(comment, "author"), text(comment, "body"), text(comment, "created_at")));
                    }
                }
                items.add(new BoardSnapshot.Item(text(card, "title"), text(card, "description"), tags,
                        card.has("priority") && !card.get("priority").isJsonNull() ? card.get("priority").getAsInt() : 0,
                        date(text(card, "due")), text(card, "assignee"),
                        card.has("archived") && card.get("archived").getAsBoolean(), notes));
            }
            Integer wip = column.has("wip_limit") && !column.get("wip_limit").isJsonNull() ? column.get("wip_limit").getAsInt() : null;
            boolean hard = column.has("wip_hard") && column.get("wip_hard").getAsBoolean();
            lanes.add(new BoardSnapshot.Lane(text(column, "name"), wip, hard, items));
        }
        return new BoardSnapshot(text(root, "board"), lanes);
    }

    static String text(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw TackException.usage("cannot read '" + text + "' as a date");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
