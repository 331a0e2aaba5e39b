package dev.tack.tui;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks the terminal for its background colour and reads the answer. The query is OSC 11
 * ({@code ESC ] 11 ; ? ESC \}), answered by xterm, VTE terminals, iTerm2, kitty, WezTerm, Windows
 * Terminal, Terminal.app and tmux (3.3 answers with the pane's own background when a
 * {@code window-style} or {@code pane} style sets one, and says nothing otherwise; the query is
 * not wrapped for tmux's passthrough, which is off by default and would route the outer terminal's
 * answer past the pane); it is followed by Primary Device Attributes ({@code ESC [ c}), which every
 * terminal answers, so that a terminal that does not know OSC 11 is found out by the second answer
 * arriving alone instead of by a timeout.
 *
 * <p>The answers arrive in the same input as the keys. {@link Scan} takes them out of whatever was
 * read meanwhile and keeps the rest (keys typed ahead) for the screen's input; an answer that comes
 * after the screen stopped waiting is dropped by the input's decoder ({@link TerminalReplyPattern}).
 */
final class BackgroundQuery {

    /** OSC 11 with ST as terminator (a BEL could ring in a terminal that does not parse OSC), then DA1. */
    static final byte[] QUERY = "\u001b]11;?\u001b\\\u001b[c".getBytes(StandardCharsets.US_ASCII);

    /** The longest the screen waits for the answers before drawing: a round trip on a slow link is longer, and then it is dark. */
    static final long PATIENCE_MILLIS = 40;

    private static final int ESC = 0x1b;
    private static final int BEL = 0x07;

    private BackgroundQuery() {
    }

    /** Whether to ask at all: the Linux console reads {@code ESC ]} as its own palette command, and a dumb terminal has no screen. */
    static boolean worthAsking(Function<String, String> environment) {
        String term = environment.apply("TERM");
        return term != null && !term.isEmpty() && !term.equals("dumb") && !term.startsWith("linux");
    }

    /**
     * The background a colour specification names: {@code rgb:RRRR/GGGG/BBBB} (one to four hex
     * digits a channel), {@code rgba:…} or {@code #RRGGBB}. Light when black text reads better on
     * it than white (relative luminance above 0.179, where the two contrasts are equal).
     */
    static Optional<Theme.Background> parse(String spec) {
        String s = spec.strip();
        double[] rgb = new double[3];
        try {
            if (s.startsWith("rgb:") || s.startsWith("rgba:")) {
                String[] parts = s.substring(s.indexOf(':') + 1).split("/");
                if (parts.length < 3) {
                    return Optional.empty();
                }
                for (int i = 0; i < 3; i++) {
                    if (parts[i].isEmpty() || parts[i].length() > 4) {
                        return Optional.empty();
                    }
                    rgb[i] = Integer.parseInt(parts[i], 16) / (Math.pow(16, parts[i].length()) - 1);
                }
            } else if (s.startsWith("#") && s.length() == 7) {
                for (int i = 0; i < 3; i++) {
                    rgb[i] = Integer.parseInt(s.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
                }
            } else {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        double luminance = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
        return Optional.of(luminance > 0.179 ? Theme.Background.LIGHT : Theme.Background.DARK);
    }

    /**
     * The background {@code COLORFGBG} names (rxvt's convention, also set by Konsole and others:
     * {@code fg;bg} or {@code fg;xpm;bg}, in the 16 ANSI colours): light for 7 and 9–15, dark for 0–6 and 8.
     */
    static Optional<Theme.Background> fromColorfgbg(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String last = value.substring(value.lastIndexOf(';') + 1).strip();
        if (!last.matches("[0-9]{1,2}")) {
            return Optional.empty();
        }
        int colour = Integer.parseInt(last);
        if (colour > 15) {
            return Optional.empty();
        }
        return Optional.of(colour == 7 || colour >= 9 ? Theme.Background.LIGHT : Theme.Background.DARK);
    }

    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /**
     * Reads the terminal's answers out of the input: fed what arrives, it keeps the OSC 11 answer,
     * notices the device attributes that close the exchange, and gives back everything else in order.
     */
    static final class Scan {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final ByteArrayOutputStream rest = new ByteArrayOutputStream();
        private Optional<Theme.Background> background = Optional.empty();
        private boolean answered;
        private boolean finished;

        void feed(byte[] bytes, int length) {
            pending.write(bytes, 0, length);
            byte[] all = pending.toByteArray();
            pending.reset();
            int i = 0;
            while (i < all.length) {
                int end = finished ? -1 : replyEnd(all, i);
                if (end == INCOMPLETE) {
                    pending.write(all, i, all.length - i); // the rest of it is still on its way
                    return;
                }
                if (end < 0) {
                    rest.write(all[i]);
                    i++;
                    continue;
                }
                take(new String(all, i, end - i, StandardCharsets.ISO_8859_1));
                i = end;
            }
        }

        /** True once the device attributes came: nothing more will answer. */
        boolean finished() {
            return finished;
        }

        /** True when the terminal answered OSC 11 (with a colour it could be read or not). */
        boolean answered() {
            return answered;
        }

        Optional<Theme.Background> background() {
            return background;
        }

        /** Whatever was read that is not an answer (keys typed ahead, a sequence cut short), in order. */
        byte[] rest() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(rest.toByteArray());
            all.writeBytes(pending.toByteArray());
            return all.toByteArray();
        }

        private void take(String reply) {
            if (reply.startsWith("\u001b]")) {
                answered = true;
                String body = reply.substring(2, reply.length() - (reply.endsWith("\u0007") ? 1 : 2));
                if (body.startsWith("11;")) {
                    background = parse(body.substring(3));
                }
            } else {
                finished = true;
            }
        }

        private static final int INCOMPLETE = -2;
        /** Longer than any answer: what starts like one but runs on is not one. */
        private static final int MAX_REPLY = 64;

        /** Where an answer starting at {@code i} ends (exclusive), -1 when none starts there, {@link #INCOMPLETE} when cut off. */
        private static int replyEnd(byte[] b, int i) {
            if (b[i] != ESC) {
                return -1;
            }
            if (i + 1 >= b.length) {
                return INCOMPLETE;
            }
            if (b[i + 1] == ']') {
                for (int j = i + 2; j < b.length && j - i < MAX_REPLY; j++) {
                    if (b[j] == BEL) {
                        return j + 1;
                    }
                    if (b[j] == ESC) {
                        if (j + 1 >= b.length) {
                            return INCOMPLETE;
                        }
                        return b[j + 1] == '\\' ? j + 2 : -1;
                    }
                }
                return b.length - i < MAX_REPLY ? INCOMPLETE : -1;
            }
            if (b[i + 1] == '[') {
                if (i + 2 >= b.length) {
                    return INCOMPLETE;
                }
                if (b[i + 2] != '?') {
                    return -1;
                }
                for (int j = i + 3; j < b.length && j - i < MAX_REPLY; j++) {
                    if (b[j] == 'c') {
                        return j + 1;
                    }
                    if (!(b[j] >= '0' && b[j] <= '9' || b[j] == ';')) {
                        return -1;
                    }
                }
                return b.length - i < MAX_REPLY ? INCOMPLETE : -1;
            }
            return -1;
        }
    }
}
