package dev.tack.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Idempotency keys that writes have used ({@code idempotency_keys}), inside one transaction
 * ({@link StorageTx#keys}). A key is recorded in the same transaction as the write it names, so
 * it exists exactly when that write committed: a retry after an unknown outcome (a connection
 * that broke at commit, an agent that did not see the answer) asks for the key before writing
 * again. Bookkeeping, not board data: no revision trigger watches the table.
 */
public interface KeyRows {

    /** How long a key is remembered; older keys are forgotten (and deleted as later keys are recorded). */
    Duration KEEP = Duration.ofHours(24);

    /** A key as recorded: what the write was ({@code fingerprint}: its command and arguments) and what it returned. */
    record UsedKey(String key, String fingerprint, String result, long usedAtMillis) {
    }

    /** The key, if a write recorded it within {@link #KEEP} of {@code nowMillis}. */
    Optional<UsedKey> find(String key, long nowMillis);

    /** Records {@code key} for this transaction's write, and deletes the keys older than {@link #KEEP}. */
    void record(String key, String fingerprint, String result, long nowMillis);
}
