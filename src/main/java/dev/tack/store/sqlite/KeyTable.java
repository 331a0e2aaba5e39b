package dev.tack.store.sqlite;

import java.sql.SQLException;
import java.util.Optional;
import dev.tack.store.KeyRows;
import dev.tack.store.KeyRows.UsedKey;

/**
 * SQL for {@code idempotency_keys} (see {@link KeyRows}). No revision trigger watches it: a key is
 * bookkeeping about a write, not a change of the board. Keys older than {@link KeyRows#KEEP} are
 * deleted by the next write that records one (one range delete on {@code used_at}'s index), so
 * the table holds about a day of keyed writes.
 */
final class KeyTable {

    /** The migration that adds the table. */
    static final String MIGRATION = """
            CREATE TABLE idempotency_keys (
              idempotency_key TEXT PRIMARY KEY,
              fingerprint     TEXT NOT NULL,
              result          TEXT NOT NULL,
              used_at         INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX idempotency_keys_by_age ON idempotency_keys (used_at);
            """;

    private KeyTable() {
    }

    static Optional<UsedKey> find(Tx tx, String key, long nowMillis) throws SQLException {
        return tx.one("SELECT idempotency_key, fingerprint, result, used_at FROM idempotency_keys WHERE idempotency_key = ? AND used_at >= ?",
                row -> new UsedKey(row.getString(1), row.getString(2), row.getString(3), row.getLong(4)),
                key, nowMillis - KeyRows.KEEP.toMillis());
    }

    static void record(Tx tx, String key, String fingerprint, String result, long nowMillis) throws SQLException {
        tx.update("DELETE FROM idempotency_keys WHERE used_at < ?", nowMillis - KeyRows.KEEP.toMillis());
        tx.update("INSERT OR REPLACE INTO idempotency_keys (idempotency_key, fingerprint, result, used_at) VALUES (?, ?, ?, ?)",
                key, fingerprint, result, nowMillis);
    }
}
