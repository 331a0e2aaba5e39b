package dev.tack.board;

import java.util.List;
import dev.tack.model.Card;
import dev.tack.model.Comment;
import dev.tack.model.Event;
import dev.tack.model.Run;

/** One card with its comments, history and runs, as {@code tack show} and the details view show it. */
public record CardDetails(Card card, List<Comment> comments, List<Event> history, List<Run> runs) {

    public CardDetails {
        comments = List.copyOf(comments);
        history = List.copyOf(history);
        runs = List.copyOf(runs);
    }
}
