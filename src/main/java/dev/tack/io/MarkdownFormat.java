package dev.tack.io;

import java.io.IOException;
import java.io.Writer;
import dev.tack.board.BoardSnapshot;

/**
 * A readable Markdown page: a heading per column, a task-list item per card, its checklist as
 * nested task-list items ({@code - [x]}) and what it waits for ("after: …" by title). Write only.
 */
public final class MarkdownFormat implements Format {

    @Override
    public String name() {
        return "md";
    }

    @Override
    public void write(BoardSnapshot snapshot, Writer out) throws IOException {
        java.util.List<BoardSnapshot.Item> all = snapshot.items();
        out.write("# " + inline(snapshot.board()) + "\n");
        for (BoardSnapshot.Lane lane : snapshot.columns()) {
            long live = lane.cards().stream().filter(c -> !c.archived()).count();
            out.write("\n## " + inline(lane.name()) + " (" + live + (lane.wipLimit() == null ? "" : "/" + lane.wipLimit()) + ")\n\n");
            for (BoardSnapshot.Item item : lane.cards()) {
                if (item.archived()) {
                    continue;
                }
                StringBuilder line = new StringBuilder("- [").append(lane.name().equalsIgnoreCase("done") ? "x" : " ").append("] ");
                line.append(inline(item.title()));
                if (item.priority() > 0) {
                    line.append(" ").append("!".repeat(item.priority()));
                }
                item.tags().forEach(t -> line.append(" `#").append(t).append('`'));
                if (item.due() != null) {
                    line.append(" (due ").append(item.due()).append(')');
                }
                if (item.assignee() != null) {
                    line.append(" @").append(inline(item.assignee()));
                }
                out.write(line.append('\n').toString());
                if (!item.after().isEmpty()) {
                    out.write("  after: " + String.join(", ", item.after().stream().map(i -> inline(all.get(i).title())).toList()) + "\n");
                }
                if (!item.description().isBlank()) {
                    for (String descriptionLine : item.description().strip().split("\n")) {
                        out.write("  > " + descriptionLine + "\n");
                    }
                }
                for (BoardSnapshot.Check check : item.checklist()) {
                    out.write("  - [" + (check.done() ? "x" : " ") + "] " + inline(check.text()) + "\n");
                }
            }
        }
    }

    /** Keeps a value on one line and stops it from opening Markdown syntax. */
    private static String inline(String text) {
        return text.replace("\r", " ").replace("\n", " ").replace("[", "\\[").replace("]", "\\]");
    }
}
