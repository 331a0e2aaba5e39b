package dev.tack.tui;

import java.io.IOException;
import java.time.Clock;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import dev.tack.model.Card;

/**
 * Draws the board onto the session's screen and refreshes it: by delta, or completely after a
 * resize, Ctrl+L or a program that had the terminal. It also remembers what the last refresh
 * showed, for tests that watch the screen from another thread.
 */
final class ScreenPainter {

    /** Cards held by workers are redrawn this often for their elapsed time. */
    private static final long TICK_MILLIS = 1_000;

    private final Session session;
    private final BoardController controller;
    private final Clock clock;
    private boolean repaintAll;
    /** When the screen was last drawn by {@link #drawIf}. */
    private long lastRender;
    private volatile long shownSelection = -1;
    private volatile String shownPresence = "";

    ScreenPainter(Session session, BoardController controller, Clock clock) {
        this.session = session;
        this.controller = controller;
        this.clock = clock;
    }

    /** The next refresh repaints every cell. */
    void repaintAll() {
        repaintAll = true;
    }

    /** Takes a resize of the terminal, if there was one; true when the screen must be drawn again. */
    boolean resized() {
        if (session.screen().doResizeIfNecessary() != null) {
            repaintAll = true;
            return true;
        }
        return false;
    }

    /** Draws when something changed, or when a worker's elapsed time has ticked on the cards it holds. */
    void drawIf(boolean dirty) throws IOException {
        long now = clock.millis();
        if (!dirty && now - lastRender >= TICK_MILLIS && controller.model().loaded() && !controller.model().view().running().isEmpty()) {
            dirty = true;
        }
        if (dirty) {
            draw();
            lastRender = now;
        }
    }

    void draw() throws IOException {
        Screen screen = session.screen();
        TerminalSize size = screen.getTerminalSize();
        controller.render(screen.newTextGraphics(), size);
        Screen.RefreshType type = repaintAll ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA;
        repaintAll = false;
        screen.refresh(type);
        shownSelection = controller.model().selectedCard().map(Card::id).orElse(-1L);
        shownPresence = controller.presenceText();
    }

    /** The card selected at the last refresh, or -1 (safe from any thread). */
    long shownSelection() {
        return shownSelection;
    }

    /** Who else was listed at the last refresh (safe from any thread). */
    String shownPresence() {
        return shownPresence;
    }
}
