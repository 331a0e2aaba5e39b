package dev.tack.tui;

import java.io.IOException;
import dev.tack.model.TackException;

/**
 * Hands the terminal to someone else (the shell on Ctrl+Z, {@code $EDITOR}) and takes it back:
 * the input thread stops first so no key is stolen from them, and coming back restarts it and
 * repaints the whole screen, since whoever had the terminal left it in an unknown state.
 */
final class TerminalHandover {

    private final Session session;
    private final InputReader input;
    private final Runnable repaintAll;

    TerminalHandover(Session session, InputReader input, Runnable repaintAll) {
        this.session = session;
        this.input = input;
        this.repaintAll = repaintAll;
    }

    /** Stops reading keys and gives the terminal back (cooked mode, normal screen). */
    void giveAway() throws IOException {
        input.stop();
        session.suspend();
    }

    /** Takes the terminal again; {@code after} names what had it, for the error if that fails. */
    void takeBack(String after) {
        try {
            session.start();
            input.start();
        } catch (IOException e) {
            throw new TackException(TackException.Kind.FAILED, "cannot take the terminal back" + after + ": " + e.getMessage(), e);
        }
        repaintAll.run();
    }
}
