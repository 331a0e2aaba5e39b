package dev.tack.board;

import java.util.List;
import dev.tack.model.Card;
import dev.tack.model.ChecklistItem;
import dev.tack.model.Comment;
import dev.tack.model.Event;
import dev.tack.model.Run;

/**
 * One card with its comments, history and runs, what it waits for and what waits for it, and its
 * checklist, and what the cards it waits for reported when an agent finished them ({@link Agents.Report}), as
 * {@code tack show} and the details view show it.
 */
public record CardDetails(Card card, List<Comment> comments, List<Event> history, List<Run> runs, Links.Neighbours links,
                          List<ChecklistItem> checklist, List<Agents.Report> reports) {

    public CardDetails {
        comments = List.copyOf(comments);
        history = List.copyOf(history);
        runs = List.copyOf(runs);
        checklist = List.copyOf(checklist);
        reports = reports == null ? List.of() : List.copyOf(reports);
        links = links == null ? new Links.Neighbours(List.of(), List.of(), new Readiness.Status(card.id(), List.of())) : links;
    }

    public CardDetails(Card card, List<Comment> comments, List<Event> history, List<Run> runs) {
        this(card, comments, history, runs, null, List.of(), List.of());
    }

    public CardDetails(Card card, List<Comment> comments, List<Event> history, List<Run> runs, Links.Neighbours links,
                       List<ChecklistItem> checklist) {
        this(card, comments, history, runs, links, checklist, List.of());
    }
}
