package dev.tack.tui;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import dev.tack.board.Presence;
import dev.tack.board.Workspace;
import dev.tack.model.Heartbeat;

/**
 * The screen's presence, on a thread of its own ({@code tack-presence}): this screen's beat and
 * the list of who else is here, every {@link Presence#BEAT}. A busy lock delays the beat, never the
 * loop; what changed in the list is handed to the loop through its queue.
 */
final class PresenceBeat {

    private final Presence presence;
    private final Workspace workspace;
    private final Queue<Object> queue;
    /** Who else is here, as handed to the loop: given only when it changes. */
    private final Consumer<List<Heartbeat>> show;
    private ScheduledExecutorService thread;
    private volatile String shown = "";

    PresenceBeat(Workspace workspace, Queue<Object> queue, Consumer<List<Heartbeat>> show) {
        this.presence = new Presence(workspace, Heartbeat.SCREEN);
        this.workspace = workspace;
        this.queue = queue;
        this.show = show;
    }

    /** Starts beating on {@code board} (pinned to the board's id by the first read). */
    void start(Workspace board) {
        presence.follow(board);
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tack-presence");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::beatAndReadOthers, 0, Presence.BEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A new board (the switcher): nobody is shown until it is read; beat there without waiting a round. */
    void moveTo(Workspace board) {
        presence.follow(board);
        shown = "";
        show.accept(List.of());
        if (thread != null) {
            thread.execute(this::beatAndReadOthers);
        }
    }

    /** Stops the thread (the row stays until {@link #leave}). */
    void stop() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    /** Removes this screen's row; safe to repeat and to call from a shutdown hook. */
    void leave() {
        try {
            presence.leave();
        } catch (RuntimeException ignored) {
            // the row goes stale and is dropped by the others within seconds
        }
    }

    /**
     * This screen's presence beat, an ordinary write through the write service on the presence
     * thread. It moves no revision, so no screen re-reads its board for it. A read-only board
     * beats no presence.
     */
    private void beatAndReadOthers() {
        if (!workspace.readOnly()) {
            try {
                presence.beat();
            } catch (RuntimeException e) {
                // presence is a courtesy: a busy or vanished board shows up in the status bar by other means
            }
        }
        readOthers();
    }

    /** Who else is on this board, read on the presence thread and handed to the loop when it changed. */
    private void readOthers() {
        try {
            List<Heartbeat> others = presence.others();
            String now = others.stream().map(h -> h.id() + ":" + h.actor() + ":" + h.kind()).toList().toString();
            if (!now.equals(shown)) {
                shown = now;
                queue.add((Runnable) () -> show.accept(others));
            }
        } catch (RuntimeException e) {
            // presence is a courtesy: a busy or vanished board shows up in the status bar by other means
        }
    }
}
