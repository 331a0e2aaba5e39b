package dev.tack.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.tack.board.BoardSnapshot;
import dev.tack.board.Json;
import dev.tack.model.TackException;

/**
 * tack's diff-friendly text format ({@code tack export -f tack}), for a board kept in git. The
 * same board always gives the same bytes: columns in board order, then one block per card in
 * board order (column by column, top to bottom, archived cards after the live ones of their
 * column, by id), fields in a fixed order, a field left out when it holds its default. Every text
 * value is a JSON string (so a title with a quote, a tab or an escape sequence is kept exactly and
 * stays on its line); a description or comment gets one quoted line per line of text, so a
 * changed sentence is a changed line in {@code git diff}. Ids are kept, and links name ids:
 *
 * <pre>
 * # tack board · format 1 · one card per block; read back with: tack import FILE
 * board "main"
 * column "Todo" wip 3 hard
 * column "Done"
 *
 * card 12
 * column "Todo"
 * title "Write the README"
 * tags "docs" "release"
 * priority 2
 * due 2026-12-01
 * assignee "ann"
 * after 3 7
 * archived
 * description
 *   "first line"
 *   "second line"
 * check x "tests pass"
 * check - "docs"
 * comment "ann" "2026-11-30T10:00:00Z"
 *   "looks good"
 * </pre>
 */
public final class TextFormat implements Format {

    static final String HEADER = "# tack board · format 1 · one card per block; read back with: tack import FILE";
    static final String MAGIC = "# tack board";

    @Override
    public String name() {
        return "tack";
    }

    @Override
    public void write(BoardSnapshot snapshot, Writer out) throws IOException {
        List<BoardSnapshot.Item> items = snapshot.items();
        List<Long> ids = snapshot.ids().isEmpty() ? numbered(items.size()) : snapshot.ids();
        StringBuilder text = new StringBuilder();
        text.append(HEADER).append('\n');
        text.append("board ").append(quote(snapshot.board() == null ? "" : snapshot.board())).append('\n');
        for (BoardSnapshot.Lane lane : snapshot.columns()) {
            text.append("column ").append(quote(lane.name()));
            if (lane.wipLimit() != null) {
                text.append(" wip ").append(lane.wipLimit()).append(lane.wipHard() ? " hard" : "");
            }
            text.append('\n');
        }
        int place = 0;
        for (BoardSnapshot.Lane lane : snapshot.columns()) {
            for (BoardSnapshot.Item item : lane.cards()) {
                text.append('\n').append("card ").append(ids.get(place++)).append('\n');
                text.append("column ").append(quote(lane.name())).append('\n');
                text.append("title ").append(quote(item.title())).append('\n');
                if (!item.tags().isEmpty()) {
                    text.append("tags");
                    item.tags().stream().sorted().forEach(t -> text.append(' ').append(quote(t)));
                    text.append('\n');
                }
                if (item.priority() != 0) {
                    text.append("priority ").append(item.priority()).append('\n');
                }
                if (item.due() != null) {
                    text.append("due ").append(item.due()).append('\n');
                }
                if (item.assignee() != null) {
                    text.append("assignee ").append(quote(item.assignee())).append('\n');
                }
                if (!item.after().isEmpty()) {
                    text.append("after");
                    item.after().stream().map(ids::get).sorted().forEach(id -> text.append(' ').append(id));
                    text.append('\n');
                }
                if (item.archived()) {
                    text.append("archived\n");
                }
                if (!item.description().isEmpty()) {
                    text.append("description\n");
                    lines(text, item.description());
                }
                for (BoardSnapshot.Check check : item.checklist()) {
                    text.append("check ").append(check.done() ? "x " : "- ").append(quote(check.text())).append('\n');
                }
                for (BoardSnapshot.Note note : item.comments()) {
                    text.append("comment ").append(quote(note.author() == null ? "" : note.author()));
                    if (note.createdAt() != null) {
                        text.append(' ').append(quote(note.createdAt()));
                    }
                    text.append('\n');
                    lines(text, note.body());
                }
            }
        }
        out.write(text.toString());
    }

    /** Ids for a snapshot that has none (read from another format): 1, 2, 3 … in board order. */
    private static List<Long> numbered(int count) {
        List<Long> ids = new ArrayList<>(count);
        for (long i = 1; i <= count; i++) {
            ids.add(i);
        }
        return ids;
    }

    /** A text of several lines, one indented JSON string per line ({@code split} keeps empty and trailing ones). */
    private static void lines(StringBuilder text, String value) {
        for (String line : value.split("\n", -1)) {
            text.append("  ").append(quote(line)).append('\n');
        }
    }

    private static String quote(String value) {
        return Json.compact(value);
    }

    // -- reading --------------------------------------------------------------------------------

    /** A card as read, before its column and links are resolved. */
    private static final class Block {
        long id;
        int line;
        String column;
        String title;
        List<String> tags = new ArrayList<>();
        int priority;
        LocalDate due;
        String assignee;
        List<Long> after = new ArrayList<>();
        boolean archived;
        List<String> description;
        List<BoardSnapshot.Check> checklist = new ArrayList<>();
        List<String[]> comments = new ArrayList<>(); // {author, created_at or null}
        List<List<String>> bodies = new ArrayList<>();
    }

    @Override
    public BoardSnapshot read(Reader in) throws IOException {
        BufferedReader reader = new BufferedReader(in);
        String board = null;
        Map<String, BoardSnapshot.Lane> columns = new LinkedHashMap<>();
        List<Block> blocks = new ArrayList<>();
        Block card = null;
        List<String> open = null; // the multi-line text the indented lines belong to
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                open = line.isBlank() ? null : open;
                continue;
            }
            if (line.startsWith("  ")) {
                if (open == null) {
                    throw problem(number, "an indented line belongs under description or comment");
                }
                List<Object> values = values(line.substring(2), number);
                if (values.size() != 1 || !(values.get(0) instanceof String text)) {
                    throw problem(number, "a line of text is one quoted string");
                }
                open.add(text);
                continue;
            }
            open = null;
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            List<Object> values = values(space < 0 ? "" : line.substring(space + 1), number);
            if (key.equals("card")) {
                card = new Block();
                card.line = number;
                card.id = number(values, 0, number, "card");
                if (card.id <= 0) {
                    throw problem(number, "a card id is a positive number");
                }
                blocks.add(card);
                continue;
            }
            if (card == null) {
                switch (key) {
                    case "board" -> board = string(values, 0, number, key);
                    case "column" -> {
                        String name = string(values, 0, number, key);
                        Integer wip = null;
                        boolean hard = false;
                        if (values.size() > 1) {
                            if (!"wip".equals(values.get(1))) {
                                throw problem(number, "after a column's name comes: wip N [hard]");
                            }
                            wip = (int) number(values, 2, number, "wip");
                            hard = values.size() > 3 && "hard".equals(values.get(3));
                        }
                        columns.put(name, new BoardSnapshot.Lane(name, wip, hard, List.of()));
                    }
                    default -> throw problem(number, "unknown line '" + key + "' before the first card (board, column)");
                }
                continue;
            }
            switch (key) {
                case "column" -> card.column = string(values, 0, number, key);
                case "title" -> card.title = string(values, 0, number, key);
                case "tags" -> {
                    for (int i = 0; i < values.size(); i++) {
                        card.tags.add(string(values, i, number, key));
                    }
                }
                case "priority" -> card.priority = (int) number(values, 0, number, key);
                case "due" -> {
                    try {
                        card.due = LocalDate.parse(String.valueOf(values.isEmpty() ? "" : values.get(0)));
                    } catch (DateTimeParseException e) {
                        throw problem(number, "due is a date like 2026-12-31");
                    }
                }
                case "assignee" -> card.assignee = string(values, 0, number, key);
                case "after" -> {
                    for (int i = 0; i < values.size(); i++) {
                        card.after.add(number(values, i, number, key));
                    }
                }
                case "archived" -> card.archived = true;
                case "description" -> {
                    card.description = new ArrayList<>();
                    open = card.description;
                }
                case "check" -> {
                    Object mark = values.isEmpty() ? null : values.get(0);
                    if (!"x".equals(mark) && !"-".equals(mark)) {
                        throw problem(number, "a check is: check x \"text\" (done) or check - \"text\"");
                    }
                    card.checklist.add(new BoardSnapshot.Check(string(values, 1, number, key), "x".equals(mark)));
                }
                case "comment" -> {
                    String author = string(values, 0, number, key);
                    String at = values.size() > 1 ? string(values, 1, number, key) : null;
                    card.comments.add(new String[] {author, at});
                    List<String> body = new ArrayList<>();
                    card.bodies.add(body);
                    open = body;
                }
                default -> throw problem(number, "unknown line '" + key + "' in card " + card.id);
            }
        }
        return snapshot(board, columns, blocks);
    }

    private static BoardSnapshot snapshot(String board, Map<String, BoardSnapshot.Lane> declared, List<Block> blocks) {
        Map<Long, Integer> places = new HashMap<>();
        Map<String, List<Block>> byColumn = new LinkedHashMap<>();
        declared.keySet().forEach(name -> byColumn.put(name, new ArrayList<>()));
        for (Block block : blocks) {
            if (block.title == null) {
                throw problem(block.line, "card " + block.id + " has no title");
            }
            if (block.column == null) {
                throw problem(block.line, "card " + block.id + " names no column");
            }
            byColumn.computeIfAbsent(block.column, name -> new ArrayList<>()).add(block);
        }
        List<Long> ids = new ArrayList<>();
        for (List<Block> cards : byColumn.values()) {
            for (Block block : cards) {
                if (places.put(block.id, ids.size()) != null) {
                    throw problem(block.line, "two cards are numbered " + block.id);
                }
                ids.add(block.id);
            }
        }
        List<BoardSnapshot.Lane> lanes = new ArrayList<>();
        for (Map.Entry<String, List<Block>> entry : byColumn.entrySet()) {
            BoardSnapshot.Lane lane = declared.get(entry.getKey());
            List<BoardSnapshot.Item> items = new ArrayList<>();
            for (Block block : entry.getValue()) {
                List<Integer> after = new ArrayList<>();
                for (long id : block.after) {
                    Integer place = places.get(id);
                    if (place == null) {
                        throw problem(block.line, "card " + block.id + " waits for card " + id + ", which the file does not have");
                    }
                    after.add(place);
                }
                List<BoardSnapshot.Note> notes = new ArrayList<>();
                for (int i = 0; i < block.comments.size(); i++) {
                    notes.add(new BoardSnapshot.Note(block.comments.get(i)[0], String.join("\n", block.bodies.get(i)),
                            block.comments.get(i)[1]));
                }
                items.add(new BoardSnapshot.Item(block.title, block.description == null ? "" : String.join("\n", block.description),
                        block.tags, block.priority, block.due, block.assignee, block.archived, notes, block.checklist, after));
            }
            lanes.add(new BoardSnapshot.Lane(entry.getKey(), lane == null ? null : lane.wipLimit(), lane != null && lane.wipHard(), items));
        }
        return new BoardSnapshot(board, lanes, ids);
    }

    /** The values after a line's key: JSON strings, numbers and bare words, read as a stream of JSON values. */
    private static List<Object> values(String rest, int line) throws IOException {
        List<Object> values = new ArrayList<>();
        if (rest.isBlank()) {
            return values; // a key alone (archived, description)
        }
        JsonReader json = new JsonReader(new StringReader(rest));
        json.setLenient(true); // several top-level values, and bare words (x, wip, hard)
        try {
            while (json.peek() != JsonToken.END_DOCUMENT) {
                JsonToken token = json.peek();
                if (token == JsonToken.NUMBER) {
                    String raw = json.nextString();
                    try {
                        values.add(Long.parseLong(raw));
                    } catch (NumberFormatException e) {
                        throw problem(line, "'" + raw + "' is not a whole number");
                    }
                } else if (token == JsonToken.STRING) {
                    values.add(json.nextString());
                } else {
                    throw problem(line, "expected quoted text or a number");
                }
            }
        } catch (com.google.gson.stream.MalformedJsonException | java.io.EOFException e) {
            throw problem(line, "cannot read the values: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return values;
    }

    private static String string(List<Object> values, int index, int line, String key) {
        if (index >= values.size() || !(values.get(index) instanceof String text)) {
            throw problem(line, key + " needs quoted text");
        }
        return text;
    }

    private static long number(List<Object> values, int index, int line, String key) {
        if (index >= values.size() || !(values.get(index) instanceof Long value)) {
            throw problem(line, key + " needs a number");
        }
        return value;
    }

    private static TackException problem(int line, String what) {
        return TackException.usage("line " + line + ": " + what);
    }
}
