package dev.tack.store;

import java.util.List;
import java.util.Map;
import dev.tack.model.ChecklistItem;
import dev.tack.model.ChecklistProgress;

/**
 * Storage of cards' checklist items, inside one transaction ({@link StorageTx#checklists}). Its own
 * table, {@code checklist_items}; items go with their card. Positions are kept 0, 1, 2, … per card
 * by the board layer.
 */
public interface ChecklistRows {

    /** A card's items in order. */
    List<ChecklistItem> ofCard(long cardId);

    long insert(long cardId, int position, String text, boolean done);

    void setDone(long itemId, boolean done);

    void setPosition(long itemId, int position);

    void delete(long itemId);

    /** How many items are done, of how many, per card of a board that has any. */
    Map<Long, ChecklistProgress> progressOfBoard(long boardId);
}
