package dev.tack.board;

import java.util.function.Predicate;
import dev.tack.store.Work;

import java.time.Duration;
import java.util.List;
import dev.tack.model.Heartbeat;

/**
 * Who has a board open right now. Each screen (or worker) calls {@link #beat} every
 * {@link #BEAT} and {@link #leave} when it closes; rows older than {@link #LIVE} count as gone and
 * are pruned a while later. A beat is a write (one short transaction) but not an event: it changes
 * no card and is not part of the audit log.
 */
public final class Presence {

    public static final Duration BEAT = Duration.ofSeconds(2);
    public static final Duration LIVE = Duration.ofSeconds(10);
    private static final Duration PRUNE_AFTER = Duration.ofMinutes(1);

    private volatile String kind;
    private volatile Workspace workspace;
    private Long rowId;
    private long ownStampChange;

    public Presence(Workspace workspace, String kind) {
        this.workspace = workspace;
        this.kind = kind;
    }

    /** What the row says from the next beat on (a worker's note: {@link Heartbeat#worker(String)}). */
    public void kind(String newKind) {
        this.kind = newKind;
    }

    /** Follows the workspace to another board; the next beat moves the row there. */
    public void follow(Workspace newWorkspace) {
        this.workspace = newWorkspace;
    }

    /** Refreshes this process's row for the current board, waiting for the write lock as any write does. */
    public void beat() {
        beat(work -> {
            workspace.write(work);
            return true;
        });
    }

    /**
     * Refreshes this process's row through {@code commit}, which runs the work in one write
     * transaction of its choosing and answers whether it did (a screen beats through its change
     * feed, and only when the lock is free: see {@code ChangeFeed.writeUnnoticed}).
     */
    public synchronized boolean beat(Predicate<Work<?>> commit) {
        Workspace ws = workspace;
        long now = ws.clock().millis();
        Long current = rowId;
        long[] written = new long[2];
        boolean done = commit.test(tx -> {
            long before = tx.presence().stamp();
            long boardId = ws.board(tx).id();
            written[0] = tx.presence().beat(current, boardId, ws.actor(), kind, now);
            tx.presence().prune(now - PRUNE_AFTER.toMillis());
            // Inside the write transaction nobody else commits: the difference is this beat's alone.
            written[1] = tx.presence().stamp() - before;
            return null;
        });
        if (done) {
            rowId = written[0];
            ownStampChange = written[1];
        }
        return done;
    }

    /** How much the last beat moved {@link #stamp}: a screen adds it to the stamp it last saw, leaving others' beats to show. */
    public synchronized long ownStampChange() {
        return ownStampChange;
    }

    /**
     * A number that moves whenever anyone's presence row is written or removed, read on
     * {@code feed}'s connection: a change without events that moved it was most likely only a beat.
     */
    public static long stamp(Changes feed) {
        return feed.presenceStamp();
    }

    /** The other screens and workers seen on the current board within {@link #LIVE}, by name. */
    public List<Heartbeat> others() {
        Workspace ws = workspace;
        Long own;
        synchronized (this) {
            own = rowId;
        }
        long since = ws.clock().millis() - LIVE.toMillis();
        List<Heartbeat> live = ws.read(tx -> tx.presence().live(ws.board(tx).id(), since));
        return live.stream().filter(h -> own == null || h.id() != own).toList();
    }

    /** Removes this process's row, so the others stop listing it at once. */
    public synchronized void leave() {
        if (rowId != null) {
            long id = rowId;
            rowId = null;
            workspace.write(tx -> {
                tx.presence().remove(id);
                return null;
            });
        }
    }
}
