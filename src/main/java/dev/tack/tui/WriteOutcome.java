package dev.tack.tui;

import dev.tack.board.StaleVersion;
import dev.tack.model.TackException;

/**
 * How one write of the screen ended, handed back to the loop. The screen routes on the kind, never
 * on the words of a message: only {@link Stale} (a write made from a stale view) may open the
 * conflict chooser; a hard WIP limit or a taken name is a {@link Refused} with its reason.
 */
sealed interface WriteOutcome {

    /** Saved; {@code result} is what the board call returned (the card, for instance), or null. */
    record Done(Object result) implements WriteOutcome {
    }

    /** Refused by the board's rules or the file (not found, a hard WIP limit, a name taken, read-only …): nothing written. */
    record Refused(TackException.Kind kind, String reason) implements WriteOutcome {
    }

    /** Someone changed the card since this screen read it: nothing written; the caller may offer a choice. */
    record Stale(String reason) implements WriteOutcome {
    }

    /** The lock deadline passed while another program held the write lock: nothing written. */
    record Busy(String reason) implements WriteOutcome {
    }

    /** Not tried: the board cannot be read (deleted, moved, removed), so it is not one to change blind. */
    record Unwritable(String reason) implements WriteOutcome {
    }

    /** The person stopped waiting for the write lock (Esc): nothing written. */
    record Cancelled() implements WriteOutcome {
        static final String REASON = "not saved: you stopped waiting for the write lock (Enter tries again)";
    }

    /** The outcome of a board call that threw {@code e}; {@code cancelled} when the person stopped it meanwhile. */
    static WriteOutcome of(TackException e, boolean cancelled) {
        if (cancelled) {
            return new Cancelled(); // a write that throws rolls back: what ended the wait does not matter
        }
        if (e instanceof StaleVersion) {
            return new Stale(e.getMessage());
        }
        if (e.kind() == TackException.Kind.BUSY) {
            return new Busy(e.getMessage());
        }
        return new Refused(e.kind(), e.getMessage());
    }

    /** The one line shown for it (in the status row or the form), or null when it was saved. */
    default String reason() {
        if (this instanceof Refused r) {
            return r.reason();
        } else if (this instanceof Stale s) {
            return s.reason();
        } else if (this instanceof Busy b) {
            return b.reason();
        } else if (this instanceof Unwritable u) {
            return u.reason();
        } else if (this instanceof Cancelled) {
            return Cancelled.REASON;
        }
        return null;
    }
}
