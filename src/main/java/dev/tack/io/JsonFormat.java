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
import java.io.EOFException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import dev.tack.board.BoardSnapshot;
import dev.tack.board.Json;
import dev.tack.board.Validation;
import dev.tack.model.TackException;

/**
 * tack's own JSON: {@code {"format": "tack-board", "version": 1, "board": …, "columns": [{"name",
 * "wip_limit", "wip_hard", "cards": [{"title", "description", "tags", "priority", "due",
 * "assignee", "archived", "comments": [{"author", "body", "created_at"}], "checklist": [{"text",
 * "done"}], "after": [places]}]}]}}. Lossless for everything but ids, versions and history, which
 * belong to the file a board lives in. {@code after} names the cards a card waits for by their
 * places in the file (0 is the first card of the first column, counting column by column, top to
 * bottom), since ids are not kept.
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
                card.put("checklist", item.checklist().stream().map(c -> {
                    Map<String, Object> check = new LinkedHashMap<>();
                    check.put("text", c.text());
                    check.put("done", c.done());
                    return check;
                }).toList());
                card.put("after", item.after());
                cards.add(card);
            }
            column.put("cards", cards);
            columns.add(column);
        }
        root.put("columns", columns);
        out.write(Json.pretty(root));
        out.write('\n');
    }

    /**
     * Reads the file as a stream (Gson's {@link JsonReader}), never as one tree in memory, and
     * checks each card as it comes: an error names the line, the column and the JSON path of the
     * value that is wrong, so the reader knows how far the file was good.
     */
    @Override
    public BoardSnapshot read(Reader in) throws IOException {
        JsonReader json = new JsonReader(in);
        try {
            if (json.peek() != JsonToken.BEGIN_OBJECT) {
                throw TackException.usage("not a tack board export: the JSON is not an object (" + where(json) + ")");
            }
            String board = null;
            List<BoardSnapshot.Lane> lanes = null;
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "format" -> {
                        String format = string(json, "format");
                        if (format != null && !format.equals(FORMAT)) {
                            throw TackException.usage("not a tack board export: \"format\" is '" + format + "', not '" + FORMAT + "'");
                        }
                    }
                    case "board" -> board = string(json, "board");
                    case "columns" -> lanes = lanes(json);
                    default -> json.skipValue();
                }
            }
            json.endObject();
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw TackException.usage("not valid JSON: more after the end of the board (" + where(json) + ")");
            }
            if (lanes == null) {
                throw TackException.usage("not a tack board export: no \"columns\" array");
            }
            return new BoardSnapshot(board, lanes);
        } catch (MalformedJsonException | EOFException e) {
            throw TackException.usage("not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static List<BoardSnapshot.Lane> lanes(JsonReader json) throws IOException {
        expect(json, JsonToken.BEGIN_ARRAY, "\"columns\"", "an array");
        List<BoardSnapshot.Lane> lanes = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            expect(json, JsonToken.BEGIN_OBJECT, "a column", "an object");
            String name = null;
            Integer wip = null;
            boolean hard = false;
            List<BoardSnapshot.Item> items = new ArrayList<>();
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "name" -> name = checked(json, "column name", string(json, "name"), n -> Validation.name("column", n));
                    case "wip_limit" -> wip = integer(json, "wip_limit");
                    case "wip_hard" -> hard = bool(json, "wip_hard");
                    case "cards" -> {
                        expect(json, JsonToken.BEGIN_ARRAY, "\"cards\"", "an array");
                        json.beginArray();
                        while (json.hasNext()) {
                            items.add(card(json, lanes.size(), items.size()));
                        }
                        json.endArray();
                    }
                    default -> json.skipValue();
                }
            }
            json.endObject();
            lanes.add(new BoardSnapshot.Lane(name, wip, hard, items));
        }
        json.endArray();
        return lanes;
    }

    /** A card, the {@code index}th of the {@code lane}th column (for the error that it has no title). */
    private static BoardSnapshot.Item card(JsonReader json, int lane, int index) throws IOException {
        expect(json, JsonToken.BEGIN_OBJECT, "a card", "an object");
        String title = null;
        String description = null;
        List<String> tags = List.of();
        int priority = 0;
        LocalDate due = null;
        String assignee = null;
        boolean archived = false;
        List<BoardSnapshot.Note> notes = List.of();
        List<BoardSnapshot.Check> checklist = List.of();
        List<Integer> after = List.of();
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "title" -> title = checked(json, "title", string(json, "title"), Validation::title);
                case "description" -> description = checked(json, "description", string(json, "description"), Validation::description);
                case "tags" -> {
                    List<String> read = new ArrayList<>();
                    if (nullOr(json, JsonToken.BEGIN_ARRAY, "\"tags\"", "an array of strings")) {
                        json.beginArray();
                        while (json.hasNext()) {
                            read.add(checked(json, "tag", string(json, "tag"), Validation::tag));
                        }
                        json.endArray();
                    }
                    tags = read;
                }
                case "priority" -> {
                    Integer value = integer(json, "priority");
                    priority = checked(json, "priority", value == null ? 0 : value, Validation::priority);
                }
                case "due" -> due = checked(json, "due", string(json, "due"), JsonFormat::date);
                case "assignee" -> assignee = checked(json, "assignee", string(json, "assignee"), Validation::assignee);
                case "archived" -> archived = bool(json, "archived");
                case "comments" -> notes = comments(json);
                case "checklist" -> checklist = checklist(json);
                case "after" -> {
                    List<Integer> read = new ArrayList<>();
                    if (nullOr(json, JsonToken.BEGIN_ARRAY, "\"after\"", "an array of card places (0 is the file's first card)")) {
                        json.beginArray();
                        while (json.hasNext()) {
                            Integer place = integer(json, "after");
                            if (place == null || place < 0) {
                                throw TackException.usage("at " + where(json) + ": \"after\" holds places of cards in the file, 0 or more");
                            }
                            read.add(place);
                        }
                        json.endArray();
                    }
                    after = read;
                }
                default -> json.skipValue();
            }
        }
        if (title == null) {
            // Named by its path and where it ends: taking the reader's place at every card's start
            // (JsonReader.toString) cost more than a tenth of the parse, for an error most files never have.
            String end = PATH_SUFFIX.matcher(READER_PREFIX.matcher(json.toString()).replaceFirst("")).replaceFirst("");
            throw TackException.usage("the card $.columns[" + lane + "].cards[" + index + "] (ending at " + end + ") has no \"title\"");
        }
        json.endObject();
        return new BoardSnapshot.Item(title, description, tags, priority, due, assignee, archived, notes, checklist, after);
    }

    private static List<BoardSnapshot.Check> checklist(JsonReader json) throws IOException {
        List<BoardSnapshot.Check> checks = new ArrayList<>();
        if (!nullOr(json, JsonToken.BEGIN_ARRAY, "\"checklist\"", "an array")) {
            return checks;
        }
        json.beginArray();
        while (json.hasNext()) {
            expect(json, JsonToken.BEGIN_OBJECT, "a checklist item", "an object");
            String text = null;
            boolean done = false;
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "text" -> text = checked(json, "checklist item", string(json, "text"), dev.tack.board.Checklists::text);
                    case "done" -> done = bool(json, "done");
                    default -> json.skipValue();
                }
            }
            json.endObject();
            if (text == null) {
                throw TackException.usage("at " + where(json) + ": a checklist item needs \"text\"");
            }
            checks.add(new BoardSnapshot.Check(text, done));
        }
        json.endArray();
        return checks;
    }

    private static List<BoardSnapshot.Note> comments(JsonReader json) throws IOException {
        List<BoardSnapshot.Note> notes = new ArrayList<>();
        if (!nullOr(json, JsonToken.BEGIN_ARRAY, "\"comments\"", "an array")) {
            return notes;
        }
        json.beginArray();
        while (json.hasNext()) {
            expect(json, JsonToken.BEGIN_OBJECT, "a comment", "an object");
            String author = null;
            String body = null;
            String at = null;
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "author" -> author = string(json, "author");
                    case "body" -> body = checked(json, "comment", string(json, "body"), b -> b == null || b.isBlank() ? b : Validation.comment(b));
                    case "created_at" -> at = string(json, "created_at");
                    default -> json.skipValue();
                }
            }
            json.endObject();
            notes.add(new BoardSnapshot.Note(author, body, at));
        }
        json.endArray();
        return notes;
    }

    /** Where the reader is, as a person reads it: "line 12 column 5 ($.columns[0].cards[3].title)". */
    static String where(JsonReader json) {
        return where(json.toString());
    }

    /** {@link #where} of a reader's {@code toString()} taken earlier. */
    private static String where(String reader) {
        String location = READER_PREFIX.matcher(reader).replaceFirst("");
        return PATH_SUFFIX.matcher(location).replaceFirst(" ($1)");
    }

    /** Compiled once: {@link #where} runs for every card and number (String.replaceFirst compiles per call). */
    private static final java.util.regex.Pattern READER_PREFIX = java.util.regex.Pattern.compile("^JsonReader at ");
    private static final java.util.regex.Pattern PATH_SUFFIX = java.util.regex.Pattern.compile(" path (.*)$");

    private interface Check<T, R> {
        R apply(T value);
    }

    /** A value checked by the board's rules, its error located in the file. */
    private static <T, R> R checked(JsonReader json, String what, T value, Check<T, R> check) {
        try {
            return check.apply(value);
        } catch (TackException e) {
            throw TackException.usage(where(json) + ": " + e.getMessage());
        }
    }

    private static void expect(JsonReader json, JsonToken token, String what, String shape) throws IOException {
        JsonToken actual = json.peek();
        if (actual != token) {
            throw TackException.usage(where(json) + ": " + what + " should be " + shape + ", not " + describe(actual));
        }
    }

    /** True when the value is {@code token}, false when it is null (consumed). */
    private static boolean nullOr(JsonReader json, JsonToken token, String what, String shape) throws IOException {
        if (json.peek() == JsonToken.NULL) {
            json.nextNull();
            return false;
        }
        expect(json, token, what, shape);
        return true;
    }

    private static String string(JsonReader json, String field) throws IOException {
        JsonToken token = json.peek();
        if (token == JsonToken.NULL) {
            json.nextNull();
            return null;
        }
        if (token != JsonToken.STRING) {
            throw TackException.usage(where(json) + ": \"" + field + "\" should be a string, not " + describe(token));
        }
        return json.nextString();
    }

    private static Integer integer(JsonReader json, String field) throws IOException {
        JsonToken token = json.peek();
        if (token == JsonToken.NULL) {
            json.nextNull();
            return null;
        }
        if (token != JsonToken.NUMBER) {
            throw TackException.usage(where(json) + ": \"" + field + "\" should be a whole number, not " + describe(token));
        }
        String number = json.nextString();
        try {
            return Integer.valueOf(number);
        } catch (NumberFormatException e) {
            // where the number ends: the reader's place is taken only when there is an error to name
            throw TackException.usage(where(json) + ": \"" + field + "\" should be a whole number, not " + number);
        }
    }

    private static boolean bool(JsonReader json, String field) throws IOException {
        JsonToken token = json.peek();
        if (token == JsonToken.NULL) {
            json.nextNull();
            return false;
        }
        if (token != JsonToken.BOOLEAN) {
            throw TackException.usage(where(json) + ": \"" + field + "\" should be true or false, not " + describe(token));
        }
        return json.nextBoolean();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case BEGIN_ARRAY -> "an array";
            case BEGIN_OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case NULL -> "null";
            default -> "the end of the file";
        };
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
