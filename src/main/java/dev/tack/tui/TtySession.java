package dev.tack.tui;

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
 */
final class TtySession implements Session {

    private final OutputStream out = new FileOutputStream(FileDescriptor.out);
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
        screen = new TerminalScreen(terminal);
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
