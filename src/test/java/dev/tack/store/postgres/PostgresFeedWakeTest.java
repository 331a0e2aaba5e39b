package dev.tack.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import dev.tack.board.Boards;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.model.Change;
import dev.tack.store.Feed;
import dev.tack.store.Storage;
import dev.tack.store.Storages;
import dev.tack.testing.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * The change feed's wake-up ({@link Feed#wakeOnChange}): another session's commit wakes the
 * waiting loop from the listening thread, and the poll that follows sees what it committed; a
 * rollback and another schema's commit do not wake it; a closed feed wakes no one.
 */
class PostgresFeedWakeTest {

    private static final Actor ALICE = new Actor("alice", "laptop-a", 11);
    private static final Actor BOB = new Actor("bob", "laptop-b", 22);
    private final PostgresServer server = PostgresServer.get();
    private String holder;

    private static Storage create(String url) {
        return Storages.open(url, Storage.Options.defaults().creating(true), tx -> Boards.create(tx, ALICE, "main", Boards.DEFAULT_COLUMNS));
    }

    @Test
    void anotherSessionsCommitWakesTheLoopAndItsPollSeesTheEvent() throws Exception {
        String url = server.freshUrl();
        String other = server.freshUrl();
        String schema = url.substring(url.indexOf("currentSchema=") + 14);
        holder = "wake-test " + schema;
        try (Storage screen = create(url); Storage writer = Storages.open(url, Storage.Options.defaults(), null);
             Storage elsewhere = create(other)) {
            screen.describeHolder(holder);
            Feed feed = screen.changeFeed(screen.readTransaction(tx -> tx.events().lastId()));
            try {
                Semaphore wakes = new Semaphore(0);
                feed.wakeOnChange(wakes::release);
                awaitListening();

                new Cards(new Workspace(elsewhere, BOB, null)).add(NewCard.titled("on another schema")); // its own channel payload
                server.execute("BEGIN", "UPDATE \"" + schema + "\".boards SET name = name", "ROLLBACK"); // its trigger's notification is dropped
                long id = new Cards(new Workspace(writer, BOB, null)).add(NewCard.titled("from bob")).id();

                assertThat(wakes.tryAcquire(30, TimeUnit.SECONDS)).as("woken by bob's commit").isTrue();
                Change change = feed.poll();
                assertThat(change).isInstanceOf(Change.Events.class);
                assertThat(((Change.Events) change).events()).extracting(dev.tack.model.Event::cardId).containsExactly(id);
                assertThat(wakes.availablePermits()).as("one commit, one wake: the other schema's and the rollback woke nobody").isZero();

                feed.close();
                new Cards(new Workspace(writer, BOB, null)).add(NewCard.titled("after close"));
                awaitNotListening();
                assertThat(wakes.availablePermits()).as("a closed feed wakes no one").isZero();
            } finally {
                feed.close();
            }
        }
    }

    /** The listening connection is there once the server lists its LISTEN (by its application_name). */
    private void awaitListening() throws Exception {
        await(() -> listeners() > 0);
    }

    private void awaitNotListening() throws Exception {
        await(() -> listeners() == 0);
    }

    private long listeners() throws Exception {
        try (var connection = server.connect(); var statement = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND query = 'LISTEN tack'")) {
            statement.setString(1, holder + " (change feed, listening)");
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.holds()) {
            assertThat(System.nanoTime() - deadline).as("condition within 30 s").isNegative();
            Thread.onSpinWait();
        }
    }
}
