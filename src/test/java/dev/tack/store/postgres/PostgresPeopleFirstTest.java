package dev.tack.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import dev.tack.board.Boards;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.model.Card;
import dev.tack.store.Storage;
import dev.tack.store.Storages;
import dev.tack.testing.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * People go first on PostgreSQL: while the write lock is held, a worker's write waits, then a
 * person's; when the lock is let go the person's write commits first, though it asked later, and
 * the deferring worker says so in pg_stat_activity.
 */
class PostgresPeopleFirstTest {

    private static final Actor ALICE = new Actor("alice", "laptop-a", 11);
    private static final Actor WORKER = new Actor("worker-1", "build-b", 22);
    private final PostgresServer server = PostgresServer.get();

    @Test
    void aWaitingPersonsWriteGoesBeforeAWorkersThatWaitedLonger() throws Exception {
        String schema = server.freshSchemaName();
        String url = server.url(schema);
        Storages.open(url, Storage.Options.defaults().creating(true), tx -> Boards.create(tx, ALICE, "main", Boards.DEFAULT_COLUMNS)).close();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Storage personDb = Storages.open(url, Storage.Options.defaults(), null);
             Storage workerDb = Storages.open(url, Storage.Options.defaults(), null);
             Connection holder = server.connect()) {
            workerDb.yieldToPeople();
            workerDb.describeHolder("worker-1 (tack worker)");
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_xact_lock(?, 1)")) {
                lock.setInt(1, schema.hashCode() & 0x7fffffff);
                lock.executeQuery().close();
            }

            Future<Card> workers = pool.submit(() -> new Cards(new Workspace(workerDb, WORKER, null)).add(NewCard.titled("worker's")));
            await(() -> workerDb.writeWaitingFor() != null);
            Future<Card> persons = pool.submit(() -> new Cards(new Workspace(personDb, ALICE, null)).add(NewCard.titled("person's")));
            await(() -> personDb.writeWaitingFor() != null);
            await(() -> applicationNames().stream().anyMatch(name -> name.startsWith("yielding to a person: worker-1 (tack worker)")));

            holder.commit(); // lets the write lock go
            long person = persons.get().id();
            long worker = workers.get().id();
            assertThat(person).as("the person's card was written first").isLessThan(worker);
            assertThat(personDb.integrityProblems()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> applicationNames() {
        try (Connection connection = server.connect();
             ResultSet rows = connection.createStatement().executeQuery("SELECT application_name FROM pg_stat_activity")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - end).as("waited 20 s").isNegative();
            Thread.sleep(5);
        }
    }
}
