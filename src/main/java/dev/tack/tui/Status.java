package dev.tack.tui;

import java.util.List;

/**
 * What the two bottom rows say. {@code message} (a refusal, an error or a confirmation) takes the
 * status row for a few seconds (until the next key at most); otherwise it shows the database, who
 * else is here and the last change. {@code filterEditing} turns the status row into the filter
 * line. {@code hints} fill the bottom row, most useful first, as many as fit.
 */
record Status(String database, String presence, String lastChange, String message, boolean error,
              boolean filterEditing, String problem, List<KeyMap.Hint> hints, Overdue overdue) {

    /**
     * The overdue live cards the top row counts (due before today, not in a done column, as
     * {@code tack due} counts them): on the shown board, and on every other board of the database.
     */
    record Overdue(int here, int elsewhere) {
        static final Overdue NONE = new Overdue(0, 0);

        /** The top row's words: "2 overdue (+1 on other boards)", or empty when there are none. */
        String text() {
            if (here == 0 && elsewhere == 0) {
                return "";
            }
            return here + " overdue" + (elsewhere == 0 ? "" : " (+" + elsewhere + " on other boards)");
        }
    }

    Status {
        hints = List.copyOf(hints);
        overdue = overdue == null ? Overdue.NONE : overdue;
    }

    Status(String database, String presence, String lastChange, String message, boolean error, boolean filterEditing, String problem,
           List<KeyMap.Hint> hints) {
        this(database, presence, lastChange, message, error, filterEditing, problem, hints, Overdue.NONE);
    }

    static Status empty() {
        return new Status("", "", "", null, false, false, null, List.of());
    }
}
