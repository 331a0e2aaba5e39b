package dev.tack.store.postgres;

import java.sql.SQLException;
import java.util.Optional;
import dev.tack.store.KeyRows;

/**
 * {@code idempotency_keys} on PostgreSQL (see {@link KeyRows}); no revision trigger, as on SQLite.
 * It remembers the key this transaction recorded: when the connection breaks at commit, the outcome
 * is unknown, and {@link PgDatabase} asks a new connection whether that key exists before it
 * retries ({@link PgDatabase#writeTransaction}).
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

    @Override
    public void record(String key, String fingerprint, String result, long nowMillis) {
        PgDatabase.sqlRun(() -> {
            tx.update("DELETE FROM idempotency_keys WHERE used_at < ?", nowMillis - KEEP.toMillis());
            tx.update("INSERT INTO idempotency_keys (idempotency_key, fingerprint, result, used_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (idempotency_key) DO UPDATE SET fingerprint = excluded.fingerprint, result = excluded.result,"
                    + " used_at = excluded.used_at", key, fingerprint, result, nowMillis);
        });
        recorded = key;
    }
}
