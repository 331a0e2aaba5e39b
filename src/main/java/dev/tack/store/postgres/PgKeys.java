package dev.tack.store.postgres;

import java.sql.SQLException;
import java.util.Optional;
import dev.tack.store.KeyRows;

/**
 * {@code idempotency_keys} on PostgreSQL (see {@link KeyRows}); no revision trigger, as on SQLite.
 * It remembers the key this transaction recorded: when the connection breaks at commit, the outcome
 * is unknown, and {@link PgDatabase} asks a new connection whether that key exists before it
 * retries ({@link PgDatabase#writeTransaction}).
 *
 * <p>A key is recorded last in its transaction (the board layer records it after the work, the
 * engine its own after that), so the row is not written at once: {@link #writeWith} writes it, and
 * deletes the expired keys, in the same statement as the transaction's last bookkeeping, one round
 * trip instead of three while the write lock is held.
 */
final class PgKeys implements KeyRows {

    /** Migration 3: the table and the index that expiry deletes by. */
    static final String MIGRATION = """
            CREATE TABLE idempotency_keys (
              idempotency_key TEXT PRIMARY KEY,
              fingerprint     TEXT NOT NULL,
              result          TEXT NOT NULL,
              used_at         BIGINT NOT NULL
            );
            CREATE INDEX idempotency_keys_by_age ON idempotency_keys (used_at);
            """;

    private final PgTx tx;
    private String recorded;
    private Object[] pending;

    PgKeys(PgTx tx) {
        this.tx = tx;
    }

    /** The key this transaction recorded, or null. */
    String recorded() {
        return recorded;
    }

    @Override
    public Optional<UsedKey> find(String key, long nowMillis) {
        return PgDatabase.sql(() -> find(tx, key, nowMillis));
    }

    static Optional<UsedKey> find(PgTx tx, String key, long nowMillis) throws SQLException {
        return tx.one("SELECT idempotency_key, fingerprint, result, used_at FROM idempotency_keys WHERE idempotency_key = ? AND used_at >= ?",
                row -> new UsedKey(row.getString(1), row.getString(2), row.getString(3), row.getLong(4)),
                key, nowMillis - KEEP.toMillis());
    }

    /** Remembers the key for {@link #writeWith}; a second record in one transaction replaces the first, as the upsert would. */
    @Override
    public void record(String key, String fingerprint, String result, long nowMillis) {
        pending = new Object[] {nowMillis - KEEP.toMillis(), key, key, fingerprint, result, nowMillis};
        recorded = key;
    }

    /**
     * Runs {@code last} (an UPDATE with its own parameters) and, when a key was recorded, deletes
     * the expired keys and writes this one, in one statement. The delete spares the key itself: one
     * statement may not both delete a row and update it on conflict.
     */
    void writeWith(String last, Object... args) throws SQLException {
        if (pending == null) {
            tx.update(last, args);
            return;
        }
        Object[] all = new Object[pending.length + args.length];
        System.arraycopy(pending, 0, all, 0, 2);
        System.arraycopy(args, 0, all, 2, args.length);
        System.arraycopy(pending, 2, all, 2 + args.length, pending.length - 2);
        tx.update("WITH expired AS (DELETE FROM idempotency_keys WHERE used_at < ? AND idempotency_key <> ?), last AS (" + last + ")"
                + " INSERT INTO idempotency_keys (idempotency_key, fingerprint, result, used_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (idempotency_key) DO UPDATE SET fingerprint = excluded.fingerprint, result = excluded.result,"
                + " used_at = excluded.used_at", all);
        pending = null;
    }
}
