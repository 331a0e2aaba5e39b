package dev.tack.store;

import java.util.List;
import java.util.Optional;
import dev.tack.model.Actor;
import dev.tack.model.Event;

/** Storage of the event log, inside one transaction ({@link StorageTx#events}). */
public interface EventRows {

    long append(Actor actor, Long boardId, Long cardId, String kind, String summary, String before, String after);

    /** As {@link #append}, without reading the new id back: for the many events of one import. */
    void appendQuietly(Actor actor, Long boardId, Long cardId, String kind, String summary, String before, String after, String at);

    /** As {@link #appendQuietly}, for a row an import stages: hidden until the import is published. */
    void appendStaged(long importId, Actor actor, Long boardId, Long cardId, String kind, String summary, String before, String after, String at);

    List<Event> after(long afterId, int limit);

    List<Event> ofCard(long cardId);

    /** An actor's events of the given kinds, oldest first: the history undo and redo replay. */
    List<Event> byActor(String actor, List<String> kinds);

    java.util.Optional<Event> lastOfCard(long cardId);

    java.util.Optional<Event> byId(long id);

    long lastId();

    long count();
}
