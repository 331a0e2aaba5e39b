package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.tack.model.Actor;
import dev.tack.model.Card;
import dev.tack.model.TackException;
import dev.tack.store.KeyRows;
import dev.tack.store.Storage;
import dev.tack.store.Storages;
import dev.tack.testing.Engine;
import dev.tack.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Idempotency} on both engines, on a clock the test moves: replays, misuse, and keys that expire after {@link KeyRows#KEEP}. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class IdempotencyTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.startingNow();
    private Storage database;
    private Workspace workspace;

    @BeforeEach
    void open() {
        Actor alice = new Actor("alice", "host", 1);
        database = Storages.open(engine.newLocation(dir), new Storage.Options(true, false, Storage.DEFAULT_LOCK_DEADLINE, clock),
                tx -> Boards.create(tx, alice, "main", Boards.DEFAULT_COLUMNS));
        workspace = new Workspace(database, alice, null);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Idempotency.Once<Card> add(String key, String fingerprint, String title) {
        return Idempotency.once(workspace, new Idempotency.Key(key, fingerprint), ws -> new Cards(ws).add(NewCard.titled(title)),
                card -> Long.toString(card.id()), id -> new Queries(workspace).card(Long.parseLong(id)));
    }

    private long cards() {
        return workspace.read(tx -> tx.cards().maxId());
    }

    @Test
    void aKeyIsRememberedForADayAndForgottenAfter() {
        Idempotency.Once<Card> first = add("k", "add A", "A");
        clock.advance(KeyRows.KEEP.minus(Duration.ofMinutes(1)));

        Idempotency.Once<Card> within = add("k", "add A", "A");
        assertThat(within.replayed()).isTrue();
        assertThat(within.result().id()).isEqualTo(first.result().id());
        assertThat(within.firstAt()).isEqualTo(java.time.Instant.ofEpochMilli(clock.millis()).minus(KeyRows.KEEP.minus(Duration.ofMinutes(1))));

        clock.advance(Duration.ofMinutes(2));
        Idempotency.Once<Card> after = add("k", "add A", "A");
        assertThat(after.replayed()).as("past %s the key is forgotten", KeyRows.KEEP).isFalse();
        assertThat(after.result().id()).isNotEqualTo(first.result().id());
    }

    @Test
    void expiredKeysAreDeletedByLaterKeyedWrites() {
        for (int i = 0; i < 5; i++) {
            add("old-" + i, "add", "Old " + i);
        }
        clock.advance(KeyRows.KEEP.plus(Duration.ofSeconds(1)));
        add("new", "add", "New");

        List<Boolean> remembered = List.of("old-0", "old-4", "new").stream()
                .map(key -> workspace.read(tx -> tx.keys().find(key, Long.MIN_VALUE / 2).isPresent())).toList();
        assertThat(remembered).containsExactly(false, false, true);
    }

    @Test
    void anotherUseOfAKeyIsAConflictAndWritesNothing() {
        add("k", "add A", "A");
        long before = cards();
        assertThatThrownBy(() -> add("k", "add B", "B")).isInstanceOfSatisfying(TackException.class,
                e -> assertThat(e.kind()).isEqualTo(TackException.Kind.CONFLICT));
        assertThat(cards()).isEqualTo(before);
    }
}
