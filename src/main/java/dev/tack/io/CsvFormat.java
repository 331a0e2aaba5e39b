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
import dev.tack.store.TackException;

/**
 * One row per card: {@code column,title,description,tags,priority,due,assignee,archived}, tags
 * separated by spaces. Comments do not travel in CSV. On import only {@code title} is required;
 * a row without a column goes to the first column.
 */
public final class CsvFormat implements Format {

    static final List<String> HEADER = List.of("column", "title", "description", "tags", "priority", "due", "assignee", "archived");

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
                        item.assignee() == null ? "" : item.assignee(), String.valueOf(item.archived()));
            }
        }
        csv.flush();
    }

    @Override
    public BoardSnapshot read(Reader in) {
        Map<String, List<BoardSnapshot.Item>> byColumn = new LinkedHashMap<>();
        int row = 1;
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().allowMissingFields(true).ofNamedCsvRecord(in)) {
            for (NamedCsvRecord record : csv) {
                row++;
                if (!record.getHeader().contains("title")) {
                    throw TackException.usage("the CSV needs a header row with a 'title' column (and optionally "
                            + String.join(", ", HEADER) + ")");
                }
                String column = record.findField("column").filter(c -> !c.isBlank()).orElse("");
                String priority = record.findField("priority").filter(p -> !p.isBlank()).orElse("0");
                int parsedPriority;
                try {
                    parsedPriority = Integer.parseInt(priority.strip());
                } catch (NumberFormatException e) {
                    throw TackException.usage("row " + row + ": priority '" + priority + "' is not 0-3");
                }
                List<String> tags = record.findField("tags").map(t -> Arrays.stream(t.split("[\\s,]+"))
                        .filter(s -> !s.isBlank()).toList()).orElse(List.of());
                String due = record.findField("due").orElse("");
                BoardSnapshot.Item item = new BoardSnapshot.Item(record.getField("title"),
                        record.findField("description").orElse(""), tags, parsedPriority,
                        JsonFormat.date(due), record.findField("assignee").filter(a -> !a.isBlank()).orElse(null),
                        record.findField("archived").map(a -> a.strip().equalsIgnoreCase("true")).orElse(false), List.of());
                byColumn.computeIfAbsent(column, c -> new ArrayList<>()).add(item);
            }
        } catch (CsvParseException e) {
            throw TackException.usage("cannot read the CSV near row " + row + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<BoardSnapshot.Lane> lanes = new ArrayList<>();
        byColumn.forEach((name, items) -> lanes.add(new BoardSnapshot.Lane(name.isEmpty() ? null : name, null, false, items)));
        return new BoardSnapshot(null, lanes);
    }
}
