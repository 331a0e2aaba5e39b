package dev.tack.tui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.CardDetails;
import dev.tack.board.Links;
import dev.tack.model.ChecklistItem;
import dev.tack.model.Card;
import dev.tack.model.Comment;
import dev.tack.model.Event;
import dev.tack.model.Run;
import dev.tack.model.TackException;

/**
 * One card in full: fields, description (rendered as Markdown: {@link MarkdownParas}), comments, runs and its history (who, when, from which
 * host and process). Follows the card live: when the board changes it reads the card again and
 * keeps its scroll position. {@code e}, {@code E} and {@code c} act on the card over it, and the
 * person comes back here to see the result.
 */
final class DetailsView implements Dialog {

    private final long cardId;
    private final LongFunction<CardDetails> reader;
    private final Consumer<Action> forward;
    private final LocalDate today;
    private final Pager pager = new Pager();
    private String title;
    private String problem;
    private List<ChecklistItem> items = List.of();

    DetailsView(CardDetails details, LongFunction<CardDetails> reader, Consumer<Action> forward, LocalDate today) {
        this.cardId = details.card().id();
        this.reader = reader;
        this.forward = forward;
        this.today = today;
        show(details);
    }

    long cardId() {
        return cardId;
    }

    @Override
    public void boardChanged() {
        try {
            show(reader.apply(cardId));
            problem = null;
        } catch (TackException e) {
            problem = e.getMessage();
        }
    }

    private void show(CardDetails details) {
        Card card = details.card();
        title = "#" + card.id() + " " + card.title();
        List<Pager.Para> paras = new ArrayList<>();
        Pen label = BoardRenderer.DIM;
        // The box's top border cuts a long title; here it is whole, wrapped like any paragraph.
        paras.add(new Pager.Para(card.title(), Pen.PLAIN.bold(), 0));
        field(paras, "Column", card.column() + (card.archived() ? " (archived)" : ", position " + (card.position() + 1)));
        if (card.priority() > 0) {
            field(paras, "Priority", card.priority() + " " + "!".repeat(card.priority()));
        }
        if (!card.tags().isEmpty()) {
            field(paras, "Tags", String.join(" ", card.tags().stream().map(t -> "#" + t).toList()));
        }
        if (card.due() != null) {
            field(paras, "Due", card.due() + (card.due().isBefore(today) ? " (overdue)" : card.due().equals(today) ? " (today)" : ""));
        }
        if (card.assignee() != null) {
            field(paras, "Assignee", "@" + card.assignee());
        }
        if (card.claimed()) {
            field(paras, "Worker", card.claim().worker() + " on " + card.claim().host() + " (pid " + card.claim().pid()
                    + "), lease until " + Times.local(card.claim().leaseUntilMillis(), today));
        }
        if (card.attempts() > 0 || card.failed()) {
            field(paras, "Attempts", card.attempts() + (card.failed() ? " (failed)" : ""));
        }
        field(paras, "Created", Times.local(card.createdAt(), today));
        field(paras, "Updated", Times.local(card.updatedAt(), today) + "  (version " + card.version() + ")");
        paras.add(new Pager.Para("", Pen.PLAIN, 0));
        paras.add(new Pager.Para("Description", Pen.PLAIN.bold(), 0));
        if (card.description().isBlank()) {
            paras.add(new Pager.Para("(none: e or E adds one)", label, 2));
        } else {
            // As Markdown; MarkdownParas (and the parser behind it) loads here, when details first open, not at start.
            paras.addAll(MarkdownParas.of(card.description(), 2));
        }
        links(paras, "Waits for", details.links().waitsFor(), label);
        links(paras, "Blocks", details.links().blocks(), label);
        items = details.checklist();
        if (!items.isEmpty()) {
            long done = items.stream().filter(ChecklistItem::done).count();
            paras.add(new Pager.Para("", Pen.PLAIN, 0));
            paras.add(new Pager.Para("Checklist ☑ " + done + "/" + items.size() + (items.size() > 1 ? "  (1–" + Math.min(9, items.size()) + " ticks)" : "  (1 ticks)"),
                    Pen.PLAIN.bold(), 0));
            for (ChecklistItem item : items) {
                paras.add(new Pager.Para((item.position() + 1) + ". [" + (item.done() ? "x" : " ") + "] " + item.text(),
                        item.done() ? label : Pen.PLAIN, 2));
            }
        }
        paras.add(new Pager.Para("", Pen.PLAIN, 0));
        paras.add(new Pager.Para("Comments (" + details.comments().size() + ")", Pen.PLAIN.bold(), 0));
        for (Comment comment : details.comments()) {
            paras.add(new Pager.Para(comment.author() + " · " + Times.local(comment.createdAt(), today), BoardRenderer.ASSIGNEE, 2));
            paras.add(new Pager.Para(comment.body(), Pen.PLAIN, 4));
        }
        if (!details.runs().isEmpty()) {
            paras.add(new Pager.Para("", Pen.PLAIN, 0));
            paras.add(new Pager.Para("Runs (" + details.runs().size() + ")", Pen.PLAIN.bold(), 0));
            for (Run run : details.runs()) {
                String outcome = run.outcome() + (run.exitCode() == null ? "" : ", exit " + run.exitCode());
                String when = Times.local(run.startedAt(), today) + (run.finishedAt() == null ? "" : " → " + Times.local(run.finishedAt(), today));
                paras.add(new Pager.Para("#" + run.id() + " attempt " + run.attempt() + " · " + run.worker() + "@" + run.host()
                        + ":" + run.pid() + " · " + when + " · " + outcome,
                        "running".equals(run.outcome()) ? BoardRenderer.WORKER : "succeeded".equals(run.outcome()) ? BoardRenderer.INFO
                                : BoardRenderer.ERROR, 2));
                if (run.outputTail() != null && !run.outputTail().isBlank()) {
                    paras.add(new Pager.Para(run.outputTail().stripTrailing(), label, 6));
                }
            }
        }
        paras.add(new Pager.Para("", Pen.PLAIN, 0));
        paras.add(new Pager.Para("History (" + details.history().size() + ")", Pen.PLAIN.bold(), 0));
        for (Event event : details.history()) {
            paras.add(new Pager.Para(Times.local(event.at(), today) + "  " + event.actor() + "@" + event.host() + ":" + event.pid()
                    + "  " + event.summary(), Pen.PLAIN, 2));
        }
        pager.content(paras);
    }

    /** One direction of the card's links: each other card, whether it is done, and its board when that is another. */
    private static void links(List<Pager.Para> paras, String heading, List<Links.Neighbour> cards, Pen label) {
        if (cards.isEmpty()) {
            return;
        }
        paras.add(new Pager.Para("", Pen.PLAIN, 0));
        paras.add(new Pager.Para(heading + " (" + cards.size() + ")", Pen.PLAIN.bold(), 0));
        for (Links.Neighbour other : cards) {
            paras.add(new Pager.Para((other.done() ? "✓ " : "⧗ ") + "#" + other.id() + " " + other.title() + "  (" + other.column()
                    + (other.otherBoard() == null ? "" : " on board " + other.otherBoard()) + (other.done() ? ", done" : "") + ")",
                    other.done() ? label : Pen.PLAIN, 2));
        }
    }

    private static void field(List<Pager.Para> paras, String name, String value) {
        paras.add(new Pager.Para(String.format("%-9s", name) + " " + value, Pen.PLAIN, 0));
    }

    @Override
    public boolean handle(KeyStroke key) {
        if (pager.scrollKey(key)) {
            return true;
        }
        KeyType type = key.getKeyType();
        if (type == KeyType.Character && !key.isCtrlDown() && !key.isAltDown()) {
            switch (key.getCharacter()) {
                case 'e' -> {
                    forward.accept(new Action.Edit());
                    return true;
                }
                case 'E' -> {
                    forward.accept(new Action.EditInEditor());
                    return true;
                }
                case 'c' -> {
                    forward.accept(new Action.Comment());
                    return true;
                }
                case 'q' -> {
                    return false;
                }
                case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                    int number = key.getCharacter() - '0';
                    if (number <= items.size()) {
                        forward.accept(new Action.ToggleItem(cardId, number, !items.get(number - 1).done()));
                    }
                    return true;
                }
                default -> {
                    return true;
                }
            }
        }
        if (type == KeyType.Character && key.isCtrlDown() && Character.toLowerCase(key.getCharacter()) == 'c') {
            forward.accept(new Action.Quit());
            return false;
        }
        return !(type == KeyType.Escape || type == KeyType.Enter);
    }

    @Override
    public void render(Canvas canvas, Layout layout) {
        int x = 1;
        int y = 1;
        int w = layout.width() - 2;
        int h = layout.height() - 2;
        canvas.box(x, y, w, h, title, Form.BORDER, Pen.PLAIN);
        int bodyH = h - 3;
        if (problem != null) {
            canvas.line(x + 2, y + 1, problem, w - 4, BoardRenderer.ERROR);
        }
        pager.render(canvas, x + 2, y + 1 + (problem == null ? 0 : 1), w - 4, bodyH - (problem == null ? 0 : 1));
        canvas.line(x + 2, y + h - 2, "j/k scroll · e edit · E $EDITOR · c comment · 1-9 tick · Esc back", w - 4, BoardRenderer.DIM);
    }
}
