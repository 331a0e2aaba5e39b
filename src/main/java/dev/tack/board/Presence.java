package dev.tack.board;

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

    /**
     * Refreshes this process's row for the current board, through the write service and waiting for
     * the lock as any write does (a screen beats on a thread of its own). It changes no board data,
     * so the revision does not move and no open screen re-reads its board for it.
     */
    public synchronized void beat() {
        Workspace ws = workspace;
        long now = ws.clock().millis();
        Long current = rowId;
        rowId = ws.write(tx -> {
            long id = tx.presence().beat(current, ws.board(tx).id(), ws.actor(), kind, now);
            tx.presence().prune(now - PRUNE_AFTER.toMillis());
            return id;
        });
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
