package dev.tack.tui;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;

/**
 * A session on Lanterna's virtual terminal. Keys come from a queue of their own: the virtual
 * terminal's own blocking read holds its lock while it waits, which would block every refresh.
 */
final class VirtualSession implements Session {

    final DefaultVirtualTerminal terminal;
    final BlockingQueue<KeyStroke> keys = new LinkedBlockingQueue<>();
    private TerminalScreen screen;
    volatile boolean closed;
    volatile int starts;
    volatile RuntimeException failOnSuspend;

    VirtualSession(int columns, int rows) {
        terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
    }

    @Override
    public void start() throws IOException {
        if (screen == null) {
            screen = new TerminalScreen(terminal);
        }
        screen.startScreen();
        starts++;
    }

    @Override
    public Screen screen() {
        return screen;
    }

    @Override
    public KeyStroke read() throws IOException {
        try {
            return keys.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    @Override
    public void suspend() throws IOException {
        if (failOnSuspend != null) {
            throw failOnSuspend;
        }
        screen.stopScreen();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                screen.stopScreen();
            } catch (IOException | RuntimeException ignored) {
                // test terminal
            }
            keys.add(new KeyStroke(KeyType.EOF));
        }
    }

    String row(int y) {
        StringBuilder out = new StringBuilder();
        int columns = terminal.getTerminalSize().getColumns();
        for (int x = 0; x < columns; ) {
            var c = terminal.getCharacter(x, y);
            out.append(c.getCharacterString());
            x += c.isDoubleWidth() ? 2 : 1;
        }
        return out.toString();
    }

    String text() {
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < terminal.getTerminalSize().getRows(); y++) {
            out.append(row(y)).append('\n');
        }
        return out.toString();
    }
}
