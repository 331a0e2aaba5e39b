package dev.tack.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The output boundary of the command line, the one place text leaves tack (docs/ARCHITECTURE.md §7: text for
 * a terminal is sanitised at the output boundary, once). Three channels:
 * <ul>
 * <li>{@link #text()}: what commands print for people. Always sanitised, to a terminal or a pipe
 *     (a pipe into {@code cat} or {@code head} ends on a terminal too); colours only on a terminal.</li>
 * <li>{@link #data()}: a document that must keep its bytes ({@code export}'s file, {@code --json}).
 *     Sanitised when standard output is a terminal; into a file or a pipe, byte for byte. (JSON is
 *     safe anywhere by construction: it escapes C0, C1 and bidi characters.)</li>
 * <li>{@link #err()}: diagnostics and the worker's log, always sanitised.</li>
 * </ul>
 */
final class Output {

    private final PrintWriter text;
    private final PrintWriter data;
    private final PrintWriter err;
    private final boolean terminal;

    private Output(PrintWriter text, PrintWriter data, PrintWriter err, boolean terminal) {
        this.text = text;
        this.data = data;
        this.err = err;
        this.terminal = terminal;
    }

    /** The channels over {@code out} and {@code err}; {@code outIsTerminal} says whether standard output is one. */
    static Output over(PrintWriter out, boolean outIsTerminal, PrintWriter err) {
        boolean colours = outIsTerminal && Style.coloursWanted();
        PrintWriter text = new PrintWriter(new SanitizingWriter(out, colours), true);
        PrintWriter data = outIsTerminal ? new PrintWriter(new SanitizingWriter(out, false), true) : out;
        PrintWriter diagnostics = new PrintWriter(new SanitizingWriter(err, false), true);
        return new Output(text, data, diagnostics, outIsTerminal);
    }

    PrintWriter text() {
        return text;
    }

    PrintWriter data() {
        return data;
    }

    PrintWriter err() {
        return err;
    }

    /** Whether standard output is a terminal (and colours may be on). */
    boolean terminal() {
        return terminal;
    }

    void flush() {
        text.flush();
        data.flush();
        err.flush();
    }

    /**
     * Whether this process's file descriptor {@code fd} is a terminal. Java 17 has no isatty for
     * one stream ({@code System.console()} needs standard input to be one as well), so on Linux
     * the descriptor's link in /proc names the device; elsewhere the console stands in.
     */
    static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            String device = Files.readSymbolicLink(link).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return Terminal.interactive();
        }
    }
}
