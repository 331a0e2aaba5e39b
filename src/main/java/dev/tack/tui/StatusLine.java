package dev.tack.tui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import dev.tack.board.Workspace;
import dev.tack.model.Event;
import dev.tack.model.Heartbeat;
import dev.tack.text.Sanitizer;

/**
 * Composes the status rows ({@link Status}): the board and its file, who else is here, the last
 * change, and the message — or, while a key's write waits for another program's lock, the note
 * saying who holds it, which takes the row from any message until the write lands.
 */
final class StatusLine {

    private final BoardReader board;
    private final StatusMessage message;
    private final Writes writes;
    private final BooleanSupplier filterEditing;
    private final Supplier<LocalDate> today;
    /** The board file's place (with {@code ~} for home), and whether tack can only read it. */
    private final String database;
    /** The hint row, with the person's keys. */
    private final List<KeyMap.Hint> hints;
    private String presence = "";
    /** The top row's overdue count, as the controller last read it. */
    private Supplier<Status.Overdue> overdue = () -> Status.Overdue.NONE;
    /** The waiting note at the last render, to tell the loop when to draw it anew. */
    private String shownWaiting;

    StatusLine(BoardReader board, StatusMessage message, Writes writes, BooleanSupplier filterEditing, Supplier<LocalDate> today,
            List<KeyMap.Hint> hints) {
        this.board = board;
        this.hints = hints;
        this.message = message;
        this.writes = writes;
        this.filterEditing = filterEditing;
        this.today = today;
        Workspace workspace = board.workspace();
        // A board tack can only read (a read-only mount, no write permission) says so where the file is named.
        this.database = home(workspace.location()) + (workspace.readOnly() ? " · read-only" : "");
    }

    /** The other screens and workers on this board, as the presence thread last read them. */
    void presence(List<Heartbeat> others) {
        Map<String, Integer> names = new LinkedHashMap<>();
        int workers = 0;
        List<String> notes = new ArrayList<>();
        for (Heartbeat h : others) {
            if (h.isWorker()) {
                workers++;
                if (!h.note().isEmpty()) {
                    notes.add(h.actor() + " " + h.note());
                }
            } else {
                names.merge(h.actor(), 1, Integer::sum);
            }
        }
        List<String> shown = new ArrayList<>();
        names.forEach((name, count) -> shown.add(count > 1 ? name + " ×" + count : name));
        if (workers > 0) {
            shown.add(workers + (workers == 1 ? " worker" : " workers"));
        }
        shown.addAll(notes);
        presence = String.join(", ", shown);
    }

    /** Where the overdue count comes from (the controller reads it when the board or the day changes). */
    void overdue(Supplier<Status.Overdue> source) {
        overdue = source;
    }

    String presenceText() {
        return presence;
    }

    /** The status row's note while a write waits for another program's lock, or null. */
    String waitingNote() {
        Workspace workspace = board.workspace();
        if (!writes.pending() || workspace.readOnly()) {
            return null;
        }
        String holder = workspace.writeWaitingFor();
        return holder == null ? null : "waiting for the write lock (held by " + Sanitizer.line(holder) + ")";
    }

    /** True when the waiting note changed since the screen was last drawn (the loop draws again). */
    boolean waitingChanged() {
        return !Objects.equals(shownWaiting, waitingNote());
    }

    Status status() {
        shownWaiting = waitingNote();
        String last = "";
        Event lastEvent = board.lastEvent();
        if (lastEvent != null) {
            Workspace workspace = board.workspace();
            boolean mine = lastEvent.actor().equals(workspace.actor().name()) && lastEvent.pid() == workspace.actor().pid();
            last = (mine ? "you" : lastEvent.actor()) + " " + lastEvent.summary() + " · " + Times.local(lastEvent.at(), today.get());
        }
        String where = board.boardName() + " · " + database;
        if (shownWaiting != null) { // takes the row from any message until the write lands
            return new Status(where, presence, last, shownWaiting, false, filterEditing.getAsBoolean(), board.problem(), hints, overdue.get());
        }
        return new Status(where, presence, last, message.text(), message.isError(), filterEditing.getAsBoolean(), board.problem(), hints,
                overdue.get());
    }

    private static String home(String path) {
        String home = System.getProperty("user.home");
        return home != null && !home.isEmpty() && path.startsWith(home + "/") ? "~" + path.substring(home.length()) : path;
    }
}
