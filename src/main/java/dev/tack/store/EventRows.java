package dev.tack.store;

import java.util.List;
import java.util.Optional;
import dev.tack.model.Actor;
import dev.tack.model.Event;

/** Storage of the event log, inside one transaction ({@link StorageTx#events}). */
public interface EventRows {

    /** How {@code before} and {@code after} of the events written now read (see {@link Event}). */
    int SHAPE = 2;

    /** The kinds of change undo reverts; with {@link #UNDONE} and {@link #REDONE} the steps of undo. */
    List<String> UNDOABLE = List.of("card.added", "card.moved", "card.edited", "card.archived", "card.restored",
            "card.linked", "card.unlinked", "card.checklist");
    String UNDONE = "card.undone";
    String REDONE = "card.redone";

    /**
     * Where a step of undo sits in its person's two stacks on its board (docs/ARCHITECTURE.md §7):
     * the change it is about ({@code undoes}, null for a change itself), the node under it in its
     * own stack and the top of the other stack after it (0: none).
     */
    record Link(Long undoes, long below, long other) {
    }

    /** A stored step of undo: an event's id and kind with its {@link Link}. */
    record Step(long id, String kind, Link link) {
    }

    long append(Actor actor, Long boardId, Long cardId, String kind, String summary, String before, String after);

    /** An event in the current shape that may be a step of undo ({@code link} non-null). */
    long append(Actor actor, Long boardId, Long cardId, String kind, String summary, String before, String after, Link link);

    /** As {@link #append}, without reading the new id back: for the many events of one import. */
    void appendQuietly(Actor actor, Long boardId, Long cardId, String kind, String summary, String before, String after, String at);

    List<Event> after(long afterId, int limit);

    /** Events after {@code afterId}, of one board ({@code boardId} non-null: by the index {@code events_by_board}) or all. */
    List<Event> after(Long boardId, long afterId, int limit);

    /** The id just before the last {@code count} events (of one board, or all), 0 when there are no more than that. */
    long idBeforeLast(Long boardId, int count);

    List<Event> ofCard(long cardId);

    /** The person's latest step of undo on a board, by the partial index {@code events_undo}: one seek, whatever the history's length. */
    Optional<Step> lastStep(long boardId, String actor);

    /** The step of undo with this id, if the event is one. */
    Optional<Step> step(long id);

    /** The column renames of a board after an event, oldest first, as their summaries ("renamed column A to B"). */
    List<String> columnRenamesAfter(long boardId, long afterId);

    Optional<Event> lastOfCard(long cardId);

    Optional<Event> byId(long id);

    long lastId();

    long count();
}
