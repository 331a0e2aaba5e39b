package dev.tack.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.tack.board.BoardSnapshot;
import dev.tack.board.Validation;
import dev.tack.model.TackException;

/**
 * One row per card: {@code column,title,description,tags,priority,due,assignee,archived,checklist,after},
 * tags separated by spaces; {@code checklist} one item a line, {@code [x] text} or {@code [ ] text};
 * {@code after} the rows (1 is the first card's row) of the cards it waits for, separated by
 * spaces, since ids are not kept. Comments do not travel in CSV. On import only {@code title} is
 * required; a row without a column goes to the first column.
 */
public final class CsvFormat implements Format {

    static final List<String> HEADER = List.of("column", "title", "description", "tags", "priority", "due", "assignee", "archived",
            "checklist", "after");

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public void write(BoardSnapshot snapshot, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord(HEADER);
        for (BoardSnapshot.Lane lane : snapshot.columns()) {
            for (BoardSnapshot.Item item : lane.cards()) {
                csv.writeRecord(lane.name(), item.title(), item.description(), String.join(" ", item.tags()),
                        String.valueOf(item.priority()), item.due() == null ? "" : item.due().toString(),
                        item.assignee() == null ? "" : item.assignee(), String.valueOf(item.archived()),
                        String.join("\n", item.checklist().stream().map(c -> (c.done() ? "[x] " : "[ ] ") + c.text()).toList()),
                        String.join(" ", item.after().stream().map(i -> String.valueOf(i + 1)).toList()));
            }
        }
        csv.flush();
    }

    /**
     * Reads the rows as they come (FastCSV), each checked by the board's rules; an error names the
     * line and the field. FastCSV takes a quote that is never closed for a field running to the
     * end of the file, so the quotes are counted on the way in: in valid CSV they come in pairs.
     */
    @Override
    public BoardSnapshot read(Reader in) {
        Map<String, List<BoardSnapshot.Item>> byColumn = new LinkedHashMap<>();
        List<String> rowColumns = new ArrayList<>(); // each card row's column, in file order, to turn rows into places
        QuoteCount quotes = new QuoteCount(in);
        long line = 1;
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().allowMissingFields(true).ofNamedCsvRecord(quotes)) {
            for (NamedCsvRecord record : csv) {
                line = record.getStartingLineNumber();
                if (!record.getHeader().contains("title")) {
                    throw TackException.usage("line 1: the CSV needs a header row with a 'title' column (and optionally "
                            + String.join(", ", HEADER) + "); it has: " + String.join(", ", record.getHeader()));
                }
                Row row = new Row(record, line);
                String column = row.field("column", c -> c.isBlank() ? "" : Validation.name("column", c.strip()));
                int priority = row.field("priority", p -> {
                    try {
                        return Validation.priority(p.isBlank() ? 0 : Integer.parseInt(p.strip()));
                    } catch (NumberFormatException e) {
                        throw TackException.usage("'" + p + "' is not 0-3");
                    }
                });
                List<String> tags = row.field("tags", t -> Validation.tags(Arrays.stream(t.split("[\\s,]+")).filter(s -> !s.isBlank()).toList()));
                BoardSnapshot.Item item = new BoardSnapshot.Item(row.field("title", Validation::title),
                        row.field("description", Validation::description), tags, priority, row.field("due", JsonFormat::date),
                        row.field("assignee", a -> a.isBlank() ? null : Validation.assignee(a)),
                        row.field("archived", a -> a.strip().equalsIgnoreCase("true")), List.of(),
                        row.field("checklist", CsvFormat::checklist), row.field("after", CsvFormat::rows));
                byColumn.computeIfAbsent(column, c -> new ArrayList<>()).add(item);
                rowColumns.add(column);
            }
        } catch (CsvParseException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof TackException reading) {
                throw reading; // the input's own error (not UTF-8, too large) says where already
            }
            java.util.regex.Matcher started = java.util.regex.Pattern.compile("started in line (\\d+)").matcher(e.getMessage());
            throw TackException.usage("line " + (started.find() ? started.group(1) : String.valueOf(line + 1)) + ": "
                    + cause.getMessage() + (cause.getMessage().contains("fields") ? " (a comma in a value needs quotes)" : ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        quotes.requirePairs();
        // Rows are grouped by column; "after" named rows, the snapshot counts places column by column.
        Map<String, Integer> firstPlace = new LinkedHashMap<>();
        int places = 0;
        for (Map.Entry<String, List<BoardSnapshot.Item>> column : byColumn.entrySet()) {
            firstPlace.put(column.getKey(), places);
            places += column.getValue().size();
        }
        int[] placeOfRow = new int[rowColumns.size()];
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < rowColumns.size(); i++) {
            int within = seen.merge(rowColumns.get(i), 1, Integer::sum) - 1;
            placeOfRow[i] = firstPlace.get(rowColumns.get(i)) + within;
        }
        List<BoardSnapshot.Lane> lanes = new ArrayList<>();
        byColumn.forEach((name, items) -> lanes.add(new BoardSnapshot.Lane(name.isEmpty() ? null : name, null, false,
                items.stream().map(item -> new BoardSnapshot.Item(item.title(), item.description(), item.tags(), item.priority(), item.due(),
                        item.assignee(), item.archived(), item.comments(), item.checklist(),
                        item.after().stream().map(r -> r >= 1 && r <= placeOfRow.length ? placeOfRow[r - 1] : placeOfRow.length + r).toList()))
                        .toList())));
        return new BoardSnapshot(null, lanes);
    }

    /** A checklist cell: one item a line, "[x] text" (done) or "[ ] text"; a line without a box is an item not done. */
    private static List<BoardSnapshot.Check> checklist(String cell) {
        List<BoardSnapshot.Check> checks = new ArrayList<>();
        for (String line : cell.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            String text = line.strip();
            boolean done = text.startsWith("[x] ") || text.startsWith("[X] ");
            if (done || text.startsWith("[ ] ")) {
                text = text.substring(4);
            }
            checks.add(new BoardSnapshot.Check(dev.tack.board.Checklists.text(text), done));
        }
        return checks;
    }

    /** An "after" cell: card rows (1 is the first card's row), separated by spaces or commas. */
    private static List<Integer> rows(String cell) {
        List<Integer> rows = new ArrayList<>();
        for (String word : cell.strip().split("[\\s,]+")) {
            if (word.isEmpty()) {
                continue;
            }
            try {
                int row = Integer.parseInt(word);
                if (row < 1) {
                    throw new NumberFormatException();
                }
                rows.add(row);
            } catch (NumberFormatException e) {
                throw TackException.usage("'" + word + "' is not a card row (1 is the first card)");
            }
        }
        return rows;
    }

    /** One record and its line, for errors that say where. */
    private record Row(NamedCsvRecord record, long line) {

        interface Check<T> {
            T apply(String value);
        }

        /** The field (empty when the row has no such column), checked; a failed check names the line and the field. */
        <T> T field(String name, Check<T> check) {
            String value = record.findField(name).orElse("");
            try {
                return check.apply(value);
            } catch (TackException e) {
                throw TackException.usage("line " + line + ", field " + name + ": " + e.getMessage());
            }
        }
    }

    /** Counts quote characters as FastCSV reads them and remembers the line of the last one that opened a pair. */
    private static final class QuoteCount extends java.io.FilterReader {

        private long line = 1;
        private boolean open;
        private long openedOn;

        QuoteCount(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                see((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                see(buffer[i]);
            }
            return n;
        }

        private void see(char c) {
            if (c == '"') {
                open = !open;
                if (open) {
                    openedOn = line;
                }
            } else if (c == '\n') {
                line++;
            }
        }

        void requirePairs() {
            if (open) {
                throw TackException.usage("line " + openedOn + ": a quote (\") opened here is never closed, so the rest of the"
                        + " file would be one field; nothing was imported");
            }
        }
    }
}
