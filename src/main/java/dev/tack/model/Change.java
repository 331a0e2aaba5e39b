package dev.tack.model;

import java.util.List;

/** What the commits since a change feed's last poll did to the board (docs/ARCHITECTURE.md §3). */
public sealed interface Change {

    /** No commit, or commits that changed no board data (presence rows). */
    record None() implements Change {
    }

    /** tack's own writes, which the events (oldest first, perhaps all of this process's) describe. */
    record Events(List<Event> events) implements Change {
    }

    /** A change the events do not describe: read the board again. The new events, if any, are for the status line. */
    record Reread(List<Event> events) implements Change {
    }
}
