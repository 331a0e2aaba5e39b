package dev.tack.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import dev.tack.model.Card;
import dev.tack.model.Column;
import dev.tack.model.Comment;
import dev.tack.model.Event;
import dev.tack.model.Run;

/**
 * The JSON shapes tack writes: in event snapshots, on {@code --json} output and in exports.
 * Field names are snake_case and stable (README.md documents them); nulls are written out so
 * every object of a kind has the same keys.
 */
public final class Json {

    private static final Gson COMPACT = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    private static final Gson PRETTY = new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting().create();

    private Json() {
    }

    public static String compact(Object value) {
        return escapeControls(COMPACT.toJson(value));
    }

    public static String pretty(Object value) {
        return escapeControls(PRETTY.toJson(value));
    }

    /**
     * Gson escapes C0 controls but writes DEL, C1 controls (U+009B is a one-character CSI) and
     * bidirectional overrides raw, and {@code --json} output often lands on a terminal. Outside
     * strings JSON is plain ASCII, so each of these can only be inside a string, where
     * a backslash-u escape is the same character to any JSON reader.
     */
    static String escapeControls(String json) {
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean unsafe = (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                    || c == 0x200e || c == 0x200f || c == 0x061c;
            if (unsafe && out == null) {
                out = new StringBuilder(json.length() + 16).append(json, 0, i);
            }
            if (out != null) {
                if (unsafe) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? json : out.toString();
    }

    public static Gson gson() {
        return COMPACT;
    }

    /**
     * {@code compact(card(card))}, written straight to a {@link com.google.gson.stream.JsonWriter}
     * with the same settings: an import makes one per card, and the map and Gson's adapters per
     * value took most of the time the import's preparing thread spent.
     */
    static String compactCard(Card card) {
        java.io.StringWriter text = new java.io.StringWriter(256 + card.description().length());
        try (com.google.gson.stream.JsonWriter json = new com.google.gson.stream.JsonWriter(text)) {
            json.setSerializeNulls(true);
            json.setHtmlSafe(false);
            json.beginObject();
            json.name("id").value(card.id());
            json.name("title").value(card.title());
            json.name("column").value(card.column());
            json.name("position");
            if (card.archived()) {
                json.nullValue();
            } else {
                json.value(card.position());
            }
            json.name("tags").beginArray();
            for (String tag : card.tags()) {
                json.value(tag);
            }
            json.endArray();
            json.name("priority").value(card.priority());
            json.name("due").value(card.due() == null ? null : card.due().toString());
            json.name("assignee").value(card.assignee());
            json.name("version").value(card.version());
            json.name("description").value(card.description());
            json.name("archived").value(card.archived());
            json.name("created_at").value(card.createdAt());
            json.name("updated_at").value(card.updatedAt());
            json.name("claimed_by").value(card.claimed() ? card.claim().worker() : null);
            json.name("attempts").value(card.attempts());
            json.name("failed").value(card.failed());
            json.endObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return escapeControls(text.toString());
    }

    /** The keys of {@link #cards(BoardView)}'s objects, in order (what {@code ls --fields} may name, whether or not a card is listed). */
    public static final List<String> LISTED_CARD_FIELDS = List.of("id", "title", "column", "position", "tags", "priority", "due",
            "assignee", "version", "description", "archived", "created_at", "updated_at", "claimed_by", "attempts", "failed",
            "waits_for", "blocks", "waiting_for", "ready", "checklist", "board");

    public static Map<String, Object> card(Card card) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", card.id());
        map.put("title", card.title());
        map.put("column", card.column());
        map.put("position", card.archived() ? null : card.position()); // an archived card has no place in its column
        map.put("tags", card.tags());
        map.put("priority", card.priority());
        map.put("due", card.due() == null ? null : card.due().toString());
        map.put("assignee", card.assignee());
        map.put("version", card.version());
        map.put("description", card.description());
        map.put("archived", card.archived());
        map.put("created_at", card.createdAt());
        map.put("updated_at", card.updatedAt());
        map.put("claimed_by", card.claimed() ? card.claim().worker() : null);
        map.put("attempts", card.attempts());
        map.put("failed", card.failed());
        return map;
    }

    /** The cards a board view shows, in board order: column by column, top to bottom ({@code tack ls --json}). */
    public static List<Map<String, Object>> cards(BoardView view) {
        List<Map<String, Object>> cards = new ArrayList<>();
        BoardView.Marks marks = view.marks();
        view.lanes().forEach(lane -> lane.cards().forEach(card -> {
            Map<String, Object> map = card(card);
            links(map, marks.waitsFor(card.id()), marks.blocks(card.id()), marks.waitingFor(card.id()));
            map.put("checklist", marks.checklist(card.id()).map(Json::progress).orElse(null));
            cards.add(map);
        }));
        return cards;
    }

    /**
     * A card's links: {@code waits_for} (every card it waits for), {@code blocks} (every card that
     * waits for it), {@code waiting_for} (those it waits for that are not done) and {@code ready}.
     */
    public static Map<String, Object> links(Map<String, Object> card, List<Long> waitsFor, List<Long> blocks, List<Long> waitingFor) {
        card.put("waits_for", waitsFor);
        card.put("blocks", blocks);
        card.put("waiting_for", waitingFor);
        card.put("ready", waitingFor.isEmpty());
        return card;
    }

    /** A card with its links and whole checklist ({@code tack show}, {@code link}, {@code checklist}). */
    public static Map<String, Object> card(CardDetails details) {
        Map<String, Object> map = card(details.card());
        links(map, details.links().waitsFor().stream().map(Links.Neighbour::id).toList(),
                details.links().blocks().stream().map(Links.Neighbour::id).toList(), details.links().status().waitingFor());
        map.put("checklist", details.checklist().stream().map(Json::item).toList());
        return map;
    }

    public static Map<String, Object> item(dev.tack.model.ChecklistItem item) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("number", item.position() + 1);
        map.put("text", item.text());
        map.put("done", item.done());
        return map;
    }

    public static Map<String, Object> progress(dev.tack.model.ChecklistProgress progress) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("done", progress.done());
        map.put("total", progress.total());
        return map;
    }

    public static Map<String, Object> column(Column column, int cards) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", column.name());
        map.put("position", column.position());
        map.put("cards", cards);
        map.put("wip_limit", column.wipLimit());
        map.put("wip_hard", column.wipHard());
        return map;
    }

    public static Map<String, Object> comment(Comment comment) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", comment.id());
        map.put("author", comment.author());
        map.put("body", comment.body());
        map.put("created_at", comment.createdAt());
        return map;
    }

    /** {@code tack db copy --json}: where from and to (never a password), each table's rows on both sides, and the checks. */
    public static Map<String, Object> copyReport(DatabaseCopy.Report report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("from", report.from());
        map.put("to", report.to());
        Map<String, Object> tables = new LinkedHashMap<>();
        for (DatabaseCopy.TableCount count : report.counts()) {
            tables.put(count.table(), Map.of("from", count.from(), "to", count.to()));
        }
        map.put("tables", tables);
        map.put("from_problems", report.fromProblems());
        map.put("to_problems", report.toProblems());
        map.put("verified", report.verified());
        return map;
    }

    public static Map<String, Object> event(Event event) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", event.id());
        map.put("at", event.at());
        map.put("actor", event.actor());
        map.put("host", event.host());
        map.put("pid", event.pid());
        map.put("card_id", event.cardId());
        map.put("kind", event.kind());
        map.put("summary", event.summary());
        map.put("before", event.before() == null ? null : JsonParser.parseString(event.before()));
        map.put("after", event.after() == null ? null : JsonParser.parseString(event.after()));
        return map;
    }

    public static Map<String, Object> hook(dev.tack.model.Hook hook) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", hook.id());
        map.put("event", hook.event());
        map.put("column", hook.column());
        map.put("command", hook.command());
        map.put("timeout_ms", hook.timeoutMillis());
        map.put("created_by", hook.createdBy());
        map.put("created_at", hook.createdAt());
        return map;
    }

    public static Map<String, Object> run(Run run) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", run.id());
        map.put("card_id", run.cardId());
        map.put("worker", run.worker());
        map.put("host", run.host());
        map.put("pid", run.pid());
        map.put("attempt", run.attempt());
        map.put("started_at", run.startedAt());
        map.put("finished_at", run.finishedAt());
        map.put("outcome", run.outcome());
        map.put("exit_code", run.exitCode());
        map.put("output_tail", run.outputTail());
        map.put("summary", run.summary());
        map.put("meta", run.meta() == null ? null : JsonParser.parseString(run.meta()));
        return map;
    }

    /** What a card another waits for reported ({@code tack done --summary --meta}), for whoever takes the waiting card. */
    public static Map<String, Object> report(Agents.Report report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", report.cardId());
        map.put("title", report.title());
        map.put("column", report.column());
        map.put("done", report.done());
        map.put("summary", report.summary());
        map.put("meta", report.meta() == null ? null : JsonParser.parseString(report.meta()));
        map.put("by", report.by());
        map.put("at", report.at());
        return map;
    }

    /**
     * {@code text} as one JSON document, written compactly (an agent's {@code --meta}); a usage
     * error when it is not JSON, so that nothing is written.
     */
    public static String document(String option, String text) {
        try {
            com.google.gson.stream.JsonReader reader = new com.google.gson.stream.JsonReader(new java.io.StringReader(text));
            reader.setStrictness(com.google.gson.Strictness.STRICT);
            com.google.gson.JsonElement element = COMPACT.getAdapter(com.google.gson.JsonElement.class).read(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("more than one JSON document");
            }
            return COMPACT.toJson(element);
        } catch (java.io.IOException | RuntimeException e) {
            throw dev.tack.model.TackException.usage(option + " is not valid JSON (" + where(e.getMessage()) + ")");
        }
    }

    /** Where Gson's message says the JSON went wrong ("at line 1 column 5"), without its advice on leniency. */
    private static String where(String message) {
        java.util.regex.Matcher where = message == null ? null
                : java.util.regex.Pattern.compile("line \\d+ column \\d+").matcher(message);
        return where != null && where.find() ? "error at " + where.group() : "unreadable";
    }
}
