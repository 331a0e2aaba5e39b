package dev.tack.store;

import java.util.List;
import dev.tack.model.Actor;
import dev.tack.model.Heartbeat;

/** Storage of presence rows (one per open screen or worker; not events), inside one transaction ({@link StorageTx#presence}). */
public interface PresenceRows {

    /**
     * Refreshes the row {@code rowId} (null: none yet) and returns its id; a row that is gone (pruned
     * by another process after a long pause) is inserted again under a new id.
     */
    long beat(Long rowId, Long boardId, Actor actor, String kind, long nowMillis);

    /** Rows of a board seen at or after {@code sinceMillis}, by actor. */
    List<Heartbeat> live(long boardId, long sinceMillis);

    void remove(long rowId);

    /** Drops rows not refreshed since {@code beforeMillis}: screens and workers that died without leaving. */
    int prune(long beforeMillis);

    /**
     * Whether the process {@code pid} on {@code host}, which took a claim, is proven gone: no
     * session holds its mark of life ({@link Storage#markAlive}). False when the engine cannot tell
     * (a board file: another host's processes cannot reach it anyway), and for this process itself.
     */
    default boolean provenGone(String host, long pid) {
        return false;
    }
}
