package dev.tack.tui;

import java.time.Clock;
import java.util.Objects;
import dev.tack.board.Workspace;

/**
 * Watches the board file under the open screen (rule 1 of docs/ARCHITECTURE.md §5): every second
 * a stat tells whether it was deleted, moved or replaced (no I/O on the file), and while there is
 * a problem the board is read again every 2 s, so the screen recovers by itself when it can.
 */
final class FileWatch {

    private static final long FILE_CHECK_MILLIS = 1_000;
    private static final long RETRY_MILLIS = 2_000;

    private final Workspace workspace;
    private final Clock clock;
    private final BoardController controller;
    private final LiveFeed live;
    private long lastFileCheck;
    private long lastRetry;

    FileWatch(Workspace workspace, Clock clock, BoardController controller, LiveFeed live) {
        this.workspace = workspace;
        this.clock = clock;
        this.controller = controller;
        this.live = live;
    }

    /** Asked once per turn of the loop; true when the status line should be drawn again. */
    boolean check() {
        boolean changed = checkFile();
        return retryIfBroken() | changed;
    }

    private boolean checkFile() {
        long now = clock.millis();
        if (now - lastFileCheck < FILE_CHECK_MILLIS) {
            return false;
        }
        lastFileCheck = now;
        String before = controller.problem();
        controller.fileProblem(workspace.fileProblem().map(problem -> problem + ": nothing can be saved; q quits").orElse(null));
        return !Objects.equals(before, controller.problem());
    }

    private boolean retryIfBroken() {
        long now = clock.millis();
        if (controller.problem() == null || now - lastRetry < RETRY_MILLIS) {
            return false;
        }
        lastRetry = now;
        String before = controller.problem();
        live.reread();
        return !Objects.equals(before, controller.problem()) || controller.problem() == null;
    }
}
