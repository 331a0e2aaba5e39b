package dev.tack.board;

import java.util.Arrays;
import java.util.stream.Collectors;
import dev.tack.model.TackException;

/**
 * The card events a hook can run on ({@code tack hook add EVENT CMD}). Each is fired by the
 * process that made the write, after its commit ({@link Hooks#fire}): {@code created} by add,
 * {@code moved} by every write that changes a card's column (people, claims, finishes), and the
 * others by the claim and run writes of workers and agents.
 */
public enum HookEvent {
    CREATED("created"),
    CLAIMED("claimed"),
    DONE("done"),
    BLOCKED("blocked"),
    FAILED("failed"),
    LEASE_LOST("lease-lost"),
    MOVED("moved");

    private final String label;

    HookEvent(String label) {
        this.label = label;
    }

    /** The name people type and hooks see in {@code TACK_EVENT}. */
    public String label() {
        return label;
    }

    public static HookEvent parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.label.equals(wanted)).findFirst()
                .orElseThrow(() -> TackException.usage("no hook event '" + text + "' (one of: " + names() + ")"));
    }

    public static String names() {
        return Arrays.stream(values()).map(HookEvent::label).collect(Collectors.joining(", "));
    }
}
