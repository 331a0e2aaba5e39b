package dev.tack.worker;

import java.time.Duration;
import dev.tack.board.Claims;
import dev.tack.model.TackException;

/**
 * How a worker runs, checked before anything is claimed: a lease longer than the heartbeat (a
 * lease that runs out between beats would hand the card to someone else while it runs), a
 * concurrency of at least one, at least one attempt. {@code pauseAfter} (0: never) is how many
 * failures in a row with the same exit code make the worker pause its lane ({@link FailureStreak}).
 */
public record WorkerConfig(
        Claims.Lanes lanes,
        String command,
        String name,
        int concurrency,
        Duration lease,
        Duration heartbeat,
        Duration timeout,
        int maxAttempts,
        Duration backoff,
        Duration grace,
        boolean once,
        boolean exitWhenIdle,
        int pauseAfter) {

    /** A worker that never pauses its lane ({@code pauseAfter} 0). */
    public WorkerConfig(Claims.Lanes lanes, String command, String name, int concurrency, Duration lease, Duration heartbeat,
                        Duration timeout, int maxAttempts, Duration backoff, Duration grace, boolean once, boolean exitWhenIdle) {
        this(lanes, command, name, concurrency, lease, heartbeat, timeout, maxAttempts, backoff, grace, once, exitWhenIdle, 0);
    }

    public WorkerConfig {
        if (pauseAfter < 0) {
            throw TackException.usage("--pause-after must be 0 (never) or more (got " + pauseAfter + ")");
        }
        if (command == null || command.isBlank()) {
            throw TackException.usage("--exec needs a command");
        }
        if (concurrency < 1) {
            throw TackException.usage("--concurrency must be at least 1 (got " + concurrency + ")");
        }
        if (maxAttempts < 1) {
            throw TackException.usage("--max-attempts must be at least 1 (got " + maxAttempts + ")");
        }
        if (heartbeat.isZero() || heartbeat.isNegative()) {
            throw TackException.usage("--heartbeat must be positive");
        }
        if (lease.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw TackException.usage("--lease (" + Durations.show(lease) + ") must be at least twice --heartbeat ("
                    + Durations.show(heartbeat) + "), or a card's lease could run out while its command still runs");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw TackException.usage("--timeout must be positive");
        }
        if (lanes.from().equalsIgnoreCase(lanes.to())) {
            throw TackException.usage("--from and --to must be different columns");
        }
    }
}
