package dev.tack.store;

import java.util.List;
import java.util.Optional;
import dev.tack.model.Hook;

/**
 * Storage of a board's hooks (issue 16), inside one transaction ({@link StorageTx#hooks}). Its own
 * table, {@code hooks}: board data (the revision counts its rows), gone with its board, and with
 * its column for a hook narrowed to one. Which events exist and when hooks run is the board layer's.
 */
public interface HookRows {

    long insert(long boardId, String event, Long columnId, String command, long timeoutMillis, String createdBy);

    /** The board's hooks in id order, each with its column's current name. */
    List<Hook> ofBoard(long boardId);

    /** The board's hooks for one event, in id order (the ones a write runs after its commit). */
    List<Hook> ofBoard(long boardId, String event);

    Optional<Hook> byId(long id);

    /** Deletes the hook; false when there was none. */
    boolean delete(long id);
}
