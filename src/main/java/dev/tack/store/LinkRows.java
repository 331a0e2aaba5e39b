package dev.tack.store;

import java.util.List;
import dev.tack.model.CardLink;

/**
 * Storage of the links between cards ("card 7 waits for card 5"), inside one transaction
 * ({@link StorageTx#links}). Its own table, {@code card_links}; the rules (no cycles, readiness)
 * are the board layer's. A link goes when either card is deleted (a board removed, a failed import).
 */
public interface LinkRows {

    /** Adds the link; false when it was there already. */
    boolean add(long cardId, long waitsFor);

    /** Removes the link; false when there was none. */
    boolean remove(long cardId, long waitsFor);

    /** The cards {@code cardId} waits for, by id. */
    List<Long> waitsFor(long cardId);

    /** The cards that wait for {@code cardId}, by id. */
    List<Long> blocks(long cardId);

    /** Every link with either card on board {@code boardId} (archived cards included). */
    List<CardLink> ofBoard(long boardId);
}
