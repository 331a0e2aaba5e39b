package dev.tack.tui;

/**
 * What the two bottom rows say. {@code message} (a refusal, an error or a confirmation) takes the
 * status row until the next key; otherwise it shows the database, who else is here and the last
 * change. {@code filterEditing} turns the status row into the filter line.
 */
record Status(String database, String presence, String lastChange, String message, boolean error,
              boolean filterEditing, String problem, String hints) {

    static Status empty() {
        return new Status("", "", "", null, false, false, null, "");
    }
}
