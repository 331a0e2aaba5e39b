package dev.tack.board;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import dev.tack.model.TackException;
import dev.tack.store.KeyRows;
import dev.tack.store.Work;

/**
 * A write named by an idempotency key (issues 11 and 16: {@code tack add … --idempotency-key K}): an
 * agent that retries after it did not see the answer gets the first write's result, not a second
 * card. The key is looked up and recorded inside the write's own transaction, so it exists exactly
 * when the write committed; a key used with other arguments is refused (CONFLICT, exit 4); a key is
 * remembered for {@link KeyRows#KEEP} (24 h, on the database's clock).
 *
 * <p>One keyed operation is one write transaction (as every front door's action is, §1): the
 * operation runs on a {@link Workspace#keyed keyed workspace} whose write checks the key first and
 * records it, with the operation's result as text, last.
 */
public final class Idempotency {

    /** The key a person or agent chose, and what the write is (its command and arguments) to tell a retry from a misuse. */
    public record Key(String value, String fingerprint) {
        public Key {
            if (value == null || value.isBlank()) {
                throw TackException.usage("--idempotency-key needs a non-empty key");
            }
            if (value.length() > 200) {
                throw TackException.usage("--idempotency-key is at most 200 characters long");
            }
        }
    }

    /** What a keyed operation came to: its result, and whether it is the earlier write's (nothing written now). */
    public record Once<T>(T result, boolean replayed, Instant firstAt) {
    }

    private Idempotency() {
    }

    /**
     * Runs {@code operation} once per key: the first time it writes and records {@code resultText}
     * of its result; a retry with the same key and fingerprint writes nothing and gets
     * {@code replay} of that text (read now).
     */
    public static <T> Once<T> once(Workspace workspace, Key key, Function<Workspace, T> operation, Function<T, String> resultText,
                                   Function<String, T> replay) {
        @SuppressWarnings("unchecked")
        Function<Object, String> text = result -> resultText.apply((T) result);
        try {
            return new Once<>(operation.apply(workspace.keyed(new Keyed(key, text))), false, null);
        } catch (Replay replayed) {
            return new Once<>(replay.apply(replayed.used.result()), true, Instant.ofEpochMilli(replayed.used.usedAtMillis()));
        }
    }

    /** The key of a keyed workspace, and how its write's result is kept as text. */
    record Keyed(Key key, Function<Object, String> resultText) {

        <T> T write(Workspace workspace, Work<T> work, java.util.function.Function<Work<T>, T> transaction) {
            return transaction.apply(tx -> {
                long now = workspace.clock().millis();
                Optional<KeyRows.UsedKey> used = tx.keys().find(key.value(), now);
                if (used.isPresent()) {
                    refuseOtherUse(used.get());
                    throw new Replay(used.get()); // rolls back this empty transaction; once() turns it into the result
                }
                T result = work.apply(tx);
                tx.keys().record(key.value(), key.fingerprint(), resultText.apply(result), now);
                return result;
            });
        }

        private void refuseOtherUse(KeyRows.UsedKey used) {
            if (!used.fingerprint().equals(key.fingerprint())) {
                throw TackException.conflict("idempotency key '" + key.value() + "' was used at " + Instant.ofEpochMilli(used.usedAtMillis())
                        + " for a different command or arguments: nothing written");
            }
        }
    }

    /** Carries an earlier write's key out of the transaction it found it in (which rolls back, having written nothing). */
    private static final class Replay extends RuntimeException {
        private final transient KeyRows.UsedKey used;

        Replay(KeyRows.UsedKey used) {
            super(null, null, false, false);
            this.used = used;
        }
    }
}
