package dev.tack.tui;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.MouseCaptureMode;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;

/**
 * The real terminal. Keys are read from {@code /dev/tty} through a {@link FileChannel}, whose
 * blocking read ends when the channel is closed: that is how the input thread lets go of the
 * terminal before {@code $EDITOR} runs (a read blocked on {@code System.in} could not be stopped,
 * and would steal the editor's first key). Ctrl+C arrives as a key (Lanterna's TRAP mode) so that
 * quitting always goes through the same clean path; the mouse reports clicks, drags and the wheel.
 *
 * <p>Start-up is kept cheap (docs/STARTUP.md): the terminal is set up with two {@code stty}
 * processes instead of Lanterna's five, and a frame leaves in one write instead of one per cell.
 */
final class TtySession implements Session {

    private final FrameOutput out = new FrameOutput(new FileOutputStream(FileDescriptor.out));
    private final Function<String, String> environment;
    private FileInputStream tty;
    private FileChannel channel;
    private ChannelInput input;
    /** When the background was asked for (System.nanoTime), or 0 while it has not been. */
    private long askedAt;
    private BackgroundQuery.Scan answers;

    private final boolean askBackground;

    /**
     * {@code askBackground}: whether to ask the terminal for its background (a theme forced dark or
     * light does not need it); {@code environment} is read for {@code TERM}, to know whether asking is safe.
     */
    TtySession(boolean askBackground, Function<String, String> environment) {
        this.askBackground = askBackground;
        this.environment = environment;
    }
    private Terminal terminal;
    private TerminalScreen screen;
    private boolean started;

    @Override
    public synchronized void start() throws IOException {
        InputStream in;
        try {
            tty = new FileInputStream("/dev/tty");
            channel = tty.getChannel();
            input = new ChannelInput(tty, channel);
            in = input;
        } catch (IOException e) {
            tty = null;
            channel = null;
            input = null;
            in = System.in;
        }
        UnicodeTerminal unix = new UnicodeTerminal(in, out);
        unix.setMouseCaptureMode(MouseCaptureMode.CLICK_RELEASE_DRAG);
        unix.getInputDecoder().addProfile(SgrMousePattern.profile());
        unix.getInputDecoder().addProfile(AltEnterPattern.profile());
        unix.getInputDecoder().addProfile(TerminalReplyPattern.profile());
        terminal = unix;
        screen = new FrameScreen(terminal, out);
        screen.startScreen();
        screen.setCursorPosition(null);
        started = true;
        if (askBackground && askedAt == 0 && input != null && BackgroundQuery.worthAsking(environment)) {
            // Asked once, now that the tty is raw (no echo): the answer is read by background(),
            // while the board is being read, before the input thread starts.
            out.write(BackgroundQuery.QUERY);
            out.flush();
            askedAt = System.nanoTime();
            answers = new BackgroundQuery.Scan();
        }
    }

    /**
     * The terminal's answer to the background query sent by the first {@link #start}, waiting for
     * it until {@link BackgroundQuery#PATIENCE_MILLIS} after it was sent; keys typed meanwhile go
     * back to the input. Called once, before the input thread reads.
     */
    @Override
    public synchronized Optional<Theme.Background> background() {
        if (answers == null) {
            return Optional.empty();
        }
        BackgroundQuery.Scan scan = answers;
        answers = null;
        long deadline = askedAt + TimeUnit.MILLISECONDS.toNanos(BackgroundQuery.PATIENCE_MILLIS);
        byte[] buffer = new byte[256];
        try {
            while (!scan.finished() && System.nanoTime() < deadline) {
                int ready = input.availableOnTty();
                if (ready <= 0) {
                    LockSupport.parkNanos(200_000); // the tty cannot be read with a timeout: look again shortly
                    continue;
                }
                int n = channel.read(ByteBuffer.wrap(buffer, 0, Math.min(ready, buffer.length)));
                if (n > 0) {
                    scan.feed(buffer, n);
                }
            }
        } catch (IOException e) {
            // the terminal went away: no answer, and the input thread will find out
        }
        input.pushBack(scan.rest());
        return scan.background();
    }

    @Override
    public synchronized Screen screen() {
        return screen;
    }

    @Override
    public KeyStroke read() throws IOException {
        TerminalScreen current;
        synchronized (this) {
            current = screen;
        }
        if (current == null) {
            throw new IOException("terminal closed");
        }
        return current.readInput();
    }

    @Override
    public synchronized void suspend() throws IOException {
        stop();
    }

    @Override
    public synchronized void close() {
        try {
            stop();
        } catch (IOException | RuntimeException ignored) {
            // best effort: the terminal may already be gone (hang-up)
        }
    }

    private void stop() throws IOException {
        if (!started) {
            return;
        }
        started = false;
        try {
            screen.stopScreen(false);
        } finally {
            try {
                terminal.close();
            } finally {
                if (channel != null) {
                    channel.close(); // ends the input thread's blocked read
                }
                screen = null;
            }
        }
    }

    /**
     * Lanterna's Unix terminal, except that text beyond ASCII is written whole, as UTF-8: Lanterna
     * 3.1 encodes a string char by char, so each half of a surrogate pair became a {@code ?}, and
     * it sends the encoder's whole buffer, so every two-byte character ({@code é}) was followed by
     * a NUL byte. Only sanitised text reaches here (see {@link Canvas}), one cluster at a time.
     */
    static class UnicodeTerminal extends UnixTerminal {
        UnicodeTerminal(InputStream in, OutputStream out) throws IOException {
            super(in, out, StandardCharsets.UTF_8, UnixLikeTerminal.CtrlCBehaviour.TRAP);
        }

        /** Mouse reports in the SGR encoding while the board is up: coordinates past column 223 (see {@link SgrMousePattern}). */
        @Override
        public void enterPrivateMode() throws IOException {
            super.enterPrivateMode();
            writeToTerminal(SgrMousePattern.ENABLE.getBytes(StandardCharsets.US_ASCII));
            flush();
        }

        @Override
        public void exitPrivateMode() throws IOException {
            writeToTerminal(SgrMousePattern.DISABLE.getBytes(StandardCharsets.US_ASCII));
            super.exitPrivateMode();
        }

        /**
         * Raw input in one {@code stty} process: Lanterna runs one each for {@code -icanon},
         * {@code min 1}, {@code -echo} and {@code intr undef} (with the {@code stty -g} that saves
         * the settings, five processes, each a fork and exec, before the first frame).
         */
        @Override
        protected void canonicalMode(boolean enabled) throws IOException {
            if (enabled) {
                super.canonicalMode(true);
            } else {
                runSTTYCommand("-icanon", "min", "1", "-echo", "intr", "undef");
            }
        }

        /** Echo goes off with raw input ({@link #canonicalMode}); Lanterna never turns it back on but by restoring. */
        @Override
        protected void keyEchoEnabled(boolean enabled) throws IOException {
            if (enabled) {
                super.keyEchoEnabled(true);
            }
        }

        /**
         * Nothing: Ctrl+C's signal goes off with raw input ({@link #canonicalMode}), and on the way
         * out the settings saved by {@code stty -g} bring back the person's own interrupt key
         * (Lanterna would run one more process to set it to ^C, whatever it was).
         */
        @Override
        protected void keyStrokeSignalsEnabled(boolean enabled) {
        }

        @Override
        public void putString(String string) throws IOException {
            writeToTerminal(encode(string));
        }

        @Override
        public void putCharacter(char c) throws IOException {
            if (com.googlecode.lanterna.TerminalTextUtils.isPrintableCharacter(c)) {
                writeToTerminal(encode(String.valueOf(c)));
            }
        }
    }

    /** A screen whose refresh reaches the terminal in one write (see {@link FrameOutput}). */
    static final class FrameScreen extends TerminalScreen {
        private final FrameOutput output;

        FrameScreen(Terminal terminal, FrameOutput output) throws IOException {
            super(terminal);
            this.output = output;
        }

        @Override
        public synchronized void refresh(RefreshType refreshType) throws IOException {
            output.hold();
            try {
                super.refresh(refreshType);
            } finally {
                output.send();
            }
        }
    }

    /**
     * The terminal's output. Lanterna writes each cell, cursor move and colour change to the stream
     * as it goes, unbuffered: a frame of 120x35 was some thousands of {@code write} calls to the
     * terminal, each one waking the terminal (or tmux) to parse it. During a refresh this holds the
     * bytes and sends them in one write at its end. Outside a refresh it passes everything straight
     * on, so that a query that waits for the terminal's answer (the size, a colour) is out at once.
     */
    static final class FrameOutput extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream frame = new ByteArrayOutputStream(1 << 15);
        private boolean holding;

        FrameOutput(OutputStream out) {
            this.out = out;
        }

        synchronized void hold() {
            holding = true;
        }

        /** Sends what was held, in one write, and passes writes straight on again. */
        synchronized void send() throws IOException {
            holding = false;
            try {
                if (frame.size() > 0) {
                    frame.writeTo(out); // one write of the whole frame
                }
            } finally {
                frame.reset();
            }
            out.flush();
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (holding) {
                frame.write(b);
            } else {
                out.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            if (holding) {
                frame.write(bytes, offset, length);
            } else {
                out.write(bytes, offset, length);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            if (!holding) {
                out.flush();
            }
        }
    }

    /** What {@link UnicodeTerminal} writes for text: its UTF-8 bytes, nothing more. */
    static byte[] encode(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An input stream on the tty whose reads can be ended by closing the channel; bytes read before
     * the screen's input began (keys typed while the background was asked for) come first.
     */
    private static final class ChannelInput extends InputStream {
        private final FileInputStream tty;
        private final FileChannel channel;
        private byte[] early = new byte[0];
        private int earlyAt;

        ChannelInput(FileInputStream tty, FileChannel channel) {
            this.tty = tty;
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            synchronized (this) {
                if (earlyAt < early.length) {
                    int n = Math.min(length, early.length - earlyAt);
                    System.arraycopy(early, earlyAt, buffer, offset, n);
                    earlyAt += n;
                    return n;
                }
            }
            return channel.read(ByteBuffer.wrap(buffer, offset, length));
        }

        @Override
        public int available() throws IOException {
            synchronized (this) {
                if (earlyAt < early.length) {
                    return early.length - earlyAt;
                }
            }
            return availableOnTty();
        }

        int availableOnTty() throws IOException {
            return channel.isOpen() ? tty.available() : 0;
        }

        synchronized void pushBack(byte[] bytes) {
            early = bytes;
            earlyAt = 0;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
