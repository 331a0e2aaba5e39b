package dev.tack.worker;

import java.util.Objects;
import dev.tack.board.Claims;

/**
 * A worker's failures in a row with the same result (exit code, or a timeout): a command that fails
 * the same way on every card is broken, not the cards, and {@code tack worker --pause-after N} stops
 * it from burning through the queue. A success, or a failure of another kind, starts the count over.
 * Jobs finish on several threads, hence synchronized.
 */
final class FailureStreak {

    private String last;
    private int count;

    /** Records a run's result; returns how many failures in a row ended like this one (0 after a success). */
    synchronized int record(Claims.Outcome outcome, Integer exitCode) {
        if (outcome == Claims.Outcome.SUCCEEDED) {
            last = null;
            count = 0;
            return 0;
        }
        String kind = describe(outcome, exitCode);
        count = Objects.equals(kind, last) ? count + 1 : 1;
        last = kind;
        return count;
    }

    /** "exit 7", "timed-out", "failed to start". */
    static String describe(Claims.Outcome outcome, Integer exitCode) {
        return exitCode != null ? "exit " + exitCode : outcome == Claims.Outcome.TIMED_OUT ? "timed-out" : "failed to start";
    }
}
