package dev.tack.tui;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminalListener;
import dev.tack.board.Workspace;

/**
 * The screen's part of the training run that the launcher's class-data-sharing archive is made
 * from ({@code dev.tack.Training}): the real board screen on a virtual terminal, a few keys (move,
 * details, help), then the end of input. Every class a real first frame needs is loaded, except
 * the real terminal's own, which are loaded by name without starting them (they need a tty).
 */
public final class ScreenTraining {

    /** The classes only a real terminal runs: loaded (so archived), not initialised. */
    static final List<String> TERMINAL_CLASSES = List.of(
            "dev.tack.tui.TtySession", "dev.tack.tui.TtySession$UnicodeTerminal", "dev.tack.tui.TtySession$FrameScreen",
            "dev.tack.tui.TtySession$ChannelInput", "dev.tack.tui.BackgroundQuery", "dev.tack.tui.SgrMousePattern",
            "dev.tack.tui.AltEnterPattern", "dev.tack.tui.TerminalReplyPattern");

    private ScreenTraining() {
    }

    /** Runs the screen once on {@code workspace}'s board and returns, when it has quit, how many frames it drew. */
    public static int run(Workspace workspace) throws IOException {
        ClassLoader loader = ScreenTraining.class.getClassLoader();
        for (String name : TERMINAL_CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // a class renamed since this list was written: the archive just lacks it
            }
        }
        // What a real terminal's constructor and TtySession start: the key decoder and its profiles.
        InputDecoder decoder = new InputDecoder(Reader.nullReader());
        decoder.addProfile(SgrMousePattern.profile());
        decoder.addProfile(AltEnterPattern.profile());
        decoder.addProfile(TerminalReplyPattern.profile());
        KeyedSession session = new KeyedSession(120, 35, List.of(
                new KeyStroke('j', false, false), new KeyStroke('l', false, false), new KeyStroke(KeyType.Enter),
                new KeyStroke(KeyType.Escape), new KeyStroke('?', false, false), new KeyStroke(KeyType.Escape),
                new KeyStroke(KeyType.EOF)));
        new BoardScreen(workspace, session, Clock.systemUTC()).run();
        return session.frames.get();
    }

    /** A virtual terminal whose keys are a fixed list, ending with the end of input (which quits the screen). */
    private static final class KeyedSession implements Session {

        private final DefaultVirtualTerminal terminal;
        private final BlockingQueue<KeyStroke> keys;
        /** A permit per frame drawn: each key waits for the frame before it, so that every view is drawn once. */
        private final Semaphore framesDrawn = new Semaphore(0);
        private final AtomicInteger frames = new AtomicInteger();
        private TerminalScreen screen;

        KeyedSession(int columns, int rows, List<KeyStroke> keys) {
            this.terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
            this.keys = new LinkedBlockingQueue<>(keys);
            terminal.addVirtualTerminalListener(new VirtualTerminalListener() {
                @Override
                public void onFlush() {
                    frames.incrementAndGet();
                    framesDrawn.release();
                }

                @Override
                public void onBell() {
                }

                @Override
                public void onClose() {
                }

                @Override
                public void onResized(Terminal resized, TerminalSize size) {
                }
            });
        }

        @Override
        public void start() throws IOException {
            if (screen == null) {
                screen = new TerminalScreen(terminal);
            }
            screen.startScreen();
        }

        @Override
        public Screen screen() {
            return screen;
        }

        @Override
        public KeyStroke read() throws IOException {
            try {
                framesDrawn.tryAcquire(2, TimeUnit.SECONDS); // a key the screen drew nothing for comes anyway
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new KeyStroke(KeyType.EOF);
            }
            KeyStroke key = keys.poll();
            return key != null ? key : new KeyStroke(KeyType.EOF);
        }

        @Override
        public void suspend() throws IOException {
            screen.stopScreen();
        }

        @Override
        public void close() {
            try {
                if (screen != null) {
                    screen.stopScreen();
                }
            } catch (IOException | RuntimeException ignored) {
                // a virtual terminal: nothing to restore
            }
        }
    }
}
