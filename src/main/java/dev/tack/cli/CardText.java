package dev.tack.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import dev.tack.board.BoardView;
import dev.tack.board.CardDetails;
import dev.tack.model.Card;
import dev.tack.model.Comment;
import dev.tack.model.Event;
import dev.tack.model.Run;
import dev.tack.text.Sanitizer;
import dev.tack.text.Width;

/** Cards as aligned, sanitised text for a terminal or a pipe. */
final class CardText {

    private static final String[] PRIORITY_MARKS = {"", "!", "!!", "!!!"};

    private final Style style;
    private final LocalDate today;

    CardText(Style style, LocalDate today) {
        this.style = style;
        this.today = today;
    }

    /** The board column by column, each card on one aligned line. */
    void board(PrintWriter out, BoardView view) {
        int idWidth = view.lanes().stream().flatMap(l -> l.cards().stream()).mapToInt(c -> String.valueOf(c.id()).length() + 1)
                .max().orElse(2);
        int titleWidth = Math.min(60, view.lanes().stream().flatMap(l -> l.cards().stream())
                .mapToInt(c -> Width.of(Sanitizer.line(c.title()))).max().orElse(10));
        // Priority marks differ in width ("!" to "!!!"); a fixed slot keeps the tags after them aligned.
        int priorityWidth = view.lanes().stream().flatMap(l -> l.cards().stream())
                .mapToInt(c -> PRIORITY_MARKS[c.priority()].length()).max().orElse(0);
        StringBuilder text = new StringBuilder(view.cardCount() * 80 + 256);
        for (BoardView.Lane lane : view.lanes()) {
            text.append(header(lane)).append('\n');
            if (lane.cards().isEmpty()) {
                text.append("  ").append(style.dim("(empty)")).append('\n');
            }
            for (Card card : lane.cards()) {
                text.append("  ").append(line(card, idWidth, titleWidth, priorityWidth));
                String marks = marks(view.marks(), card.id());
                if (!marks.isEmpty()) {
                    text.append(' ').append(marks);
                }
                text.append('\n');
            }
        }
        out.print(text);
        out.flush();
    }

    /** Archived cards ({@code ls --archived}), in one aligned list under one heading, each with the column it left. */
    void archived(PrintWriter out, List<Card> cards) {
        int idWidth = cards.stream().mapToInt(c -> String.valueOf(c.id()).length() + 1).max().orElse(2);
        int titleWidth = Math.min(60, cards.stream().mapToInt(c -> Width.of(Sanitizer.line(c.title()))).max().orElse(10));
        int priorityWidth = cards.stream().mapToInt(c -> PRIORITY_MARKS[c.priority()].length()).max().orElse(0);
        StringBuilder text = new StringBuilder(style.bold("Archived (" + cards.size() + ")")).append('\n');
        if (cards.isEmpty()) {
            text.append("  ").append(style.dim("(none)")).append('\n');
        }
        for (Card card : cards) {
            text.append("  ").append(line(card, idWidth, titleWidth, priorityWidth)).append(' ')
                    .append(style.dim("(from " + Sanitizer.line(card.column()) + ")")).append('\n');
        }
        out.print(text);
        out.flush();
    }

    String header(BoardView.Lane lane) {
        String name = Sanitizer.line(lane.column().name());
        String count = lane.column().wipLimit() == null ? "(" + lane.total() + ")"
                : "(" + lane.total() + "/" + lane.column().wipLimit() + (lane.column().wipHard() ? " hard" : "") + ")";
        if (lane.cards().size() != lane.total()) {
            // a filter (ls -t, -a, -q) hides some: say how many are shown, not only how many there are
            count = "(" + lane.cards().size() + " of " + count.substring(1);
        }
        String header = name + " " + count;
        return lane.overLimit() ? style.red(style.bold(header + " over limit")) : style.bold(header);
    }

    String line(Card card, int idWidth, int titleWidth, int priorityWidth) {
        List<String> parts = new ArrayList<>();
        parts.add(style.dim(Width.pad("#" + card.id(), idWidth)));
        parts.add(Width.pad(Sanitizer.line(card.title()), titleWidth));
        if (priorityWidth > 0) {
            parts.add(style.red(PRIORITY_MARKS[card.priority()]) + " ".repeat(priorityWidth - PRIORITY_MARKS[card.priority()].length()));
        }
        for (String tag : card.tags()) {
            parts.add(style.cyan("#" + Sanitizer.line(tag)));
        }
        if (card.due() != null) {
            String due = "due " + card.due();
            parts.add(card.due().isBefore(today) ? style.red(due + " (overdue)") : style.yellow(due));
        }
        if (card.assignee() != null) {
            parts.add(style.magenta("@" + Sanitizer.line(card.assignee())));
        }
        if (card.claimed()) {
            parts.add(style.blue("[" + Sanitizer.line(card.claim().worker()) + " working]"));
        }
        if (card.failed()) {
            parts.add(style.red("[failed]"));
        }
        return String.join(" ", parts).stripTrailing();
    }

    /** "⧗ #5" for a card that waits (the first card it waits for), "☑ 2/5" for a checklist. */
    String marks(BoardView.Marks marks, long id) {
        List<String> parts = new ArrayList<>();
        List<Long> waiting = marks.waitingFor(id);
        if (!waiting.isEmpty()) {
            parts.add(style.yellow("⧗ #" + waiting.get(0) + (waiting.size() > 1 ? " +" + (waiting.size() - 1) : "")));
        }
        marks.checklist(id).ifPresent(p -> parts.add(style.dim("☑ " + p.done() + "/" + p.total())));
        return String.join(" ", parts);
    }

    void details(PrintWriter out, CardDetails details) {
        Card card = details.card();
        out.println(style.bold("#" + card.id() + " " + Sanitizer.line(card.title())));
        field(out, "column", Sanitizer.line(card.column()) + (card.archived() ? " (archived)" : ", position " + card.position()));
        field(out, "priority", String.valueOf(card.priority()));
        if (!card.tags().isEmpty()) {
            field(out, "tags", String.join(" ", card.tags().stream().map(t -> "#" + Sanitizer.line(t)).toList()));
        }
        if (card.due() != null) {
            field(out, "due", card.due() + (card.due().isBefore(today) ? " (overdue)" : ""));
        }
        if (card.assignee() != null) {
            field(out, "assignee", "@" + Sanitizer.line(card.assignee()));
        }
        if (card.claimed()) {
            field(out, "claimed by", Sanitizer.line(card.claim().worker()) + " (pid " + card.claim().pid() + " on "
                    + Sanitizer.line(card.claim().host()) + ")");
        }
        if (card.attempts() > 0 || card.failed()) {
            field(out, "attempts", card.attempts() + (card.failed() ? " (failed)" : ""));
        }
        field(out, "version", String.valueOf(card.version()));
        field(out, "created", card.createdAt());
        field(out, "updated", card.updatedAt());
        if (!details.links().waitsFor().isEmpty() || !details.links().blocks().isEmpty()) {
            field(out, "ready", details.links().status().ready() ? "yes" : "no, " + details.links().status().reason());
        }
        if (!card.description().isEmpty()) {
            out.println();
            Sanitizer.lines(card.description()).lines().forEach(l -> out.println("  " + l));
        }
        links(out, "Waits for", details.links().waitsFor());
        links(out, "Blocks", details.links().blocks());
        reports(out, details.reports());
        if (!details.checklist().isEmpty()) {
            out.println();
            long done = details.checklist().stream().filter(dev.tack.model.ChecklistItem::done).count();
            out.println(style.bold("Checklist") + " " + style.dim("☑ " + done + "/" + details.checklist().size()));
            for (dev.tack.model.ChecklistItem item : details.checklist()) {
                out.println("  " + (item.position() + 1) + ". [" + (item.done() ? "x" : " ") + "] " + Sanitizer.line(item.text()));
            }
        }
        if (!details.comments().isEmpty()) {
            out.println();
            out.println(style.bold("Comments"));
            for (Comment comment : details.comments()) {
                out.println("  " + style.dim(comment.createdAt()) + " " + style.magenta(Sanitizer.line(comment.author())) + ":");
                Sanitizer.lines(comment.body()).lines().forEach(l -> out.println("    " + l));
            }
        }
        if (!details.runs().isEmpty()) {
            out.println();
            out.println(style.bold("Runs"));
            for (Run run : details.runs()) {
                out.println("  " + runLine(run));
                if (run.summary() != null) {
                    Sanitizer.lines(run.summary()).lines().forEach(l -> out.println("    " + style.bold("summary") + " " + l));
                }
                if (run.meta() != null) {
                    out.println("    " + style.bold("meta") + " " + Sanitizer.line(run.meta()));
                }
                if (!run.outputTail().isBlank()) {
                    Sanitizer.lines(run.outputTail()).lines().forEach(l -> out.println("    | " + l));
                }
            }
        }
        out.println();
        out.println(style.bold("History"));
        for (Event event : details.history()) {
            String title = dev.tack.board.CardChange.title(event);
            out.println("  " + eventLine(event, title == null ? details.card().title() : title));
        }
        out.flush();
    }

    private void links(PrintWriter out, String heading, List<dev.tack.board.Links.Neighbour> cards) {
        if (cards.isEmpty()) {
            return;
        }
        out.println();
        out.println(style.bold(heading));
        for (dev.tack.board.Links.Neighbour other : cards) {
            String where = Sanitizer.line(other.column()) + (other.otherBoard() == null ? "" : " on board " + Sanitizer.line(other.otherBoard()));
            out.println("  " + (other.done() ? style.green("✓") : style.yellow("⧗")) + " " + style.dim("#" + other.id()) + " "
                    + Width.cut(Sanitizer.line(other.title()), 60) + " " + style.dim("(" + where + (other.done() ? ", done" : "") + ")"));
        }
    }

    /** What the cards this one waits for reported when they were done (tack done --summary --meta). */
    private void reports(PrintWriter out, List<dev.tack.board.Agents.Report> reports) {
        if (reports.stream().allMatch(r -> r.summary() == null && r.meta() == null)) {
            return;
        }
        out.println();
        out.println(style.bold("Reports of the cards it waits for"));
        for (dev.tack.board.Agents.Report report : reports) {
            if (report.summary() == null && report.meta() == null) {
                continue;
            }
            out.println("  " + style.dim("#" + report.cardId()) + " " + Width.cut(Sanitizer.line(report.title()), 60) + " "
                    + style.dim("(" + Sanitizer.line(report.by()) + ", " + report.at() + ")"));
            if (report.summary() != null) {
                Sanitizer.lines(report.summary()).lines().forEach(l -> out.println("    " + l));
            }
            if (report.meta() != null) {
                out.println("    " + style.bold("meta") + " " + Sanitizer.line(report.meta()));
            }
        }
    }

    String runLine(Run run) {
        String exit = run.exitCode() == null ? "" : " exit " + run.exitCode();
        return "run " + run.id() + " attempt " + run.attempt() + " by " + Sanitizer.line(run.worker()) + " started "
                + run.startedAt() + (run.finishedAt() == null ? "" : " finished " + run.finishedAt()) + " " + run.outcome() + exit;
    }

    /** One line of the log; {@code title} is the card's title to show (null: none), see {@code Queries.titles}. */
    String eventLine(Event event, String title) {
        return style.dim("#" + event.id() + " " + event.at()) + " " + style.magenta(Sanitizer.line(event.actor()))
                + style.dim("@" + Sanitizer.line(event.host()) + ":" + event.pid()) + " " + Sanitizer.line(event.summary())
                + (title == null ? "" : " " + style.dim("\u201c") + Width.cut(Sanitizer.line(title), 60) + style.dim("\u201d"));
    }

    private void field(PrintWriter out, String name, String value) {
        out.println("  " + style.dim(Width.pad(name, 11)) + value);
    }
}
