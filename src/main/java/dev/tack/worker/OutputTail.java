package dev.tack.worker;

import java.util.ArrayDeque;
import java.util.Deque;

/** The last lines of a command's output, bounded, for the run record and the screen. */
final class OutputTail {

    static final int MAX_LINES = 20;
    static final int MAX_LINE_CHARS = 400;

    private final Deque<String> lines = new ArrayDeque<>();
    private boolean changed;

    synchronized void add(String line) {
        lines.addLast(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + "…" : line);
        while (lines.size() > MAX_LINES) {
            lines.removeFirst();
        }
        changed = true;
    }

    synchronized String text() {
        return String.join("\n", lines);
    }

    /** The tail if it changed since the last call, else null (so heartbeats write it only when new). */
    synchronized String takeIfChanged() {
        if (!changed) {
            return null;
        }
        changed = false;
        return text();
    }
}
