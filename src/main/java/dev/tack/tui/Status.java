package dev.tack.tui;

import java.util.List;

/**
 * What the two bottom rows say. {@code message} (a refusal, an error or a confirmation) takes the
 * status row for a few seconds (until the next key at most); otherwise it shows the database, who
 * else is here and the last change. {@code filterEditing} turns the status row into the filter
 * line. {@code hints} fill the bottom row, most useful first, as many as fit.
 */
record Status(String database, String presence, String lastChange, String message, boolean error,
              boolean filterEditing, String problem, List<KeyMap.Hint> hints) {

    Status {
        hints = List.copyOf(hints);
    }

    static Status empty() {
        return new Status("", "", "", null, false, false, null, List.of());
    }
}
