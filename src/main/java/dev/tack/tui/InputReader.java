package dev.tack.tui;

import java.io.IOException;
import java.util.Queue;
import java.util.function.BooleanSupplier;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * The screen's input thread: blocks in {@link Session#read()} and queues each key for the loop.
 *
 * <p>Each start is a new generation; {@link #stop} only moves the generation on, so a thread still
 * blocked in a read (the terminal being handed to the shell or {@code $EDITOR}) drops whatever it
 * reads next instead of stealing a key from the program that now has the terminal.
 */
final class InputReader {

    private final Session session;
    private final Queue<Object> queue;
    private final BooleanSupplier running;
    private volatile int generation;

    InputReader(Session session, Queue<Object> queue, BooleanSupplier running) {
        this.session = session;
        this.queue = queue;
        this.running = running;
    }

    /** Starts a new input thread; any earlier one ends at its next read. */
    void start() {
        int mine = ++generation;
        Thread thread = new Thread(() -> readKeys(mine), "tack-input");
        thread.setDaemon(true);
        thread.start();
    }

    /** Tells the current input thread that its keys are no longer wanted. */
    void stop() {
        generation++;
    }

    private void readKeys(int mine) {
        while (running.getAsBoolean() && mine == generation) {
            KeyStroke key;
            try {
                key = session.read();
            } catch (IOException | RuntimeException e) {
                if (running.getAsBoolean() && mine == generation) {
                    queue.add(new KeyStroke(KeyType.EOF)); // the terminal is gone: the loop ends as on EOF
                }
                return;
            }
            if (key == null || key instanceof TerminalReplyPattern.Reply reply && reply.background().isEmpty()) {
                continue; // a terminal's late answer is no key; only a background is news (for the theme)
            }
            if (mine != generation) {
                return;
            }
            queue.add(key);
            if (key.getKeyType() == KeyType.EOF) {
                return;
            }
        }
    }
}
