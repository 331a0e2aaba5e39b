package dev.tack.tui;

import java.io.IOException;
import java.util.Optional;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;

/**
 * A terminal the board screen runs in: a Lanterna {@link Screen} and a blocking key source. A
 * session can be suspended (the terminal handed back, as for {@code $EDITOR}) and resumed; while
 * suspended it must not read keys, so that they reach the program that has the terminal.
 */
interface Session {

    /** Starts (or restarts) the screen. */
    void start() throws IOException;

    Screen screen();

    /** Blocks until a key arrives; throws when the session is suspended or closed while waiting. */
    KeyStroke read() throws IOException;

    /** Stops reading keys and gives the terminal back; {@link #start} takes it again. */
    void suspend() throws IOException;

    /**
     * What the terminal said its background is, when the session asked at its first start; waits a
     * few tens of milliseconds at most. Called once, before keys are read.
     */
    default Optional<Theme.Background> background() {
        return Optional.empty();
    }

    /** Restores the terminal for good. Safe to call twice and from a shutdown hook. */
    void close();
}
