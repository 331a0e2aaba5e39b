package dev.tack.store;

import java.time.LocalDate;
import java.util.List;
import dev.tack.model.Actor;

/** Storage of imports in progress (staged rows hidden from every query until published), inside one transaction ({@link StorageTx#imports}). */
public interface ImportRows {

    /** An import in progress, as its row says. */
    record Pending(long id, String actor, String host, long pid, String startedAt) {
    }

    /** A card an import stages, with every value of its row, its tags and its {@code card.added} event. */
    record StagedCard(long id, long columnId, int position, String title, String description, int priority, LocalDate due,
                      String assignee, boolean archived, List<String> tags, String at, String summary, String event) {
    }

    long begin(Actor actor);

    /**
     * Stages {@code cards} of board {@code boardId}, in the order given, each with its tags and its
     * {@code card.added} event by {@code actor}: hidden until import {@code importId} is published.
     * The ids are the caller's (reserved when the import began). One call per batch, so an engine can
     * write the batch in a few statements instead of a few per card.
     */
    void stage(long importId, long boardId, Actor actor, List<StagedCard> cards);

    List<Pending> all();

    boolean exists(long id);

    /** Makes every row the import staged visible at once. */
    void publish(long id);

    /** How many cards the import has staged so far. */
    long stagedCards(long id);

    /**
     * Deletes up to {@code limit} of the import's staged rows, cards first (their tags and comments go
     * with them), then its events, columns and board, and its own row last, once nothing is left.
     * Returns how many rows went; 0 means the import is gone. Called again and again, each call its
     * own short transaction, so removing 100,000 staged cards never holds the lock for long.
     */
    int deleteSome(long id, int limit);
}
