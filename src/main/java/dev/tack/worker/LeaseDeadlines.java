package dev.tack.worker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each running command must be stopped if its lease has not been renewed by then. A worker
 * whose heartbeats keep failing (the board busy for longer than the lease, the server out of
 * reach) must not let its command run on past its lease: another worker would take the card when
 * the lease runs out and run the command a second time beside it. So a command is stopped one
 * margin before its lease ends, by the worker's own clock, whatever its heartbeats are doing.
 *
 * <p>A renewal counts from the moment its heartbeat started, not from when it returned: the lease
 * it wrote was measured from a later moment, so the deadline kept here is never later than the
 * real one.
 */
final class LeaseDeadlines {

    private final long leaseMillis;
    private final long marginMillis;
    private final Map<Long, Long> stopAt = new ConcurrentHashMap<>();

    /** @param marginMillis how long before its lease ends a command is stopped (less than the lease) */
    LeaseDeadlines(long leaseMillis, long marginMillis) {
        if (marginMillis >= leaseMillis) {
            throw new IllegalArgumentException("margin " + marginMillis + " ms must be less than the lease " + leaseMillis + " ms");
        }
        this.leaseMillis = leaseMillis;
        this.marginMillis = marginMillis;
    }

    /** A card was claimed with a lease that ends at {@code leaseUntilMillis}. */
    void claimed(long cardId, long leaseUntilMillis) {
        stopAt.put(cardId, leaseUntilMillis - marginMillis);
    }

    /** A heartbeat that started at {@code beatStartedMillis} extended the card's lease. */
    void renewed(long cardId, long beatStartedMillis) {
        stopAt.computeIfPresent(cardId, (id, at) -> Math.max(at, beatStartedMillis + leaseMillis - marginMillis));
    }

    /** The card's command has ended or been stopped: nothing more to watch. */
    void forget(long cardId) {
        stopAt.remove(cardId);
    }

    /** The cards whose commands must be stopped at {@code nowMillis}, forgotten as they are returned. */
    List<Long> overdue(long nowMillis) {
        List<Long> due = stopAt.entrySet().stream().filter(entry -> entry.getValue() <= nowMillis).map(Map.Entry::getKey).sorted().toList();
        due.forEach(stopAt::remove);
        return due;
    }

    /** How long the card's lease has gone unrenewed when it is stopped, for the worker's message. */
    long unrenewedMillis() {
        return leaseMillis - marginMillis;
    }
}
