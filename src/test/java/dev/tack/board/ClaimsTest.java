package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import dev.tack.model.Actor;
import dev.tack.model.Card;
import dev.tack.model.Run;
import dev.tack.model.Hosts;
import dev.tack.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.tack.testing.Engine;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim rules in one process. Two workspaces on one file stand for two workers: the fencing
 * looks at the actor's name, host and pid, so each gets its own fake ones. The fake workers live on
 * two other hosts, so only their leases decide whether they are gone (a fake pid on the reclaimer's
 * host would look dead and be reclaimed at once).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class ClaimsTest {

    @Parameter
    Engine engine;

    private static final String HOST_A = "host-a.invalid";
    private static final String HOST_B = "host-b.invalid";
    private static final Claims.Lanes LANES = new Claims.Lanes("Todo", "Done", "Doing", "Failed");
    private static final long LONG_LEASE = 60_000;

    @TempDir
    Path dir;

    /** Both workers' and the person's one clock: a lease runs out when a test moves it, not after a sleep. */
    private final ManualClock clock = ManualClock.startingNow();
    private dev.tack.store.Storage database;
    private dev.tack.store.Storage databaseB;
    private Workspace person;
    private Workspace a;
    private Workspace b;

    @BeforeEach
    void openBoard() {
        Actor alice = new Actor("alice", Hosts.name(), ProcessHandle.current().pid());
        String location = engine.newLocation(dir);
        database = dev.tack.store.Storages.open(location, new dev.tack.store.Storage.Options(true, false, dev.tack.store.Storage.DEFAULT_LOCK_DEADLINE, clock),
                tx -> Boards.create(tx, alice, "main", List.of("Todo", "Doing", "Done", "Failed")));
        databaseB = dev.tack.store.Storages.open(location, new dev.tack.store.Storage.Options(false, false, dev.tack.store.Storage.DEFAULT_LOCK_DEADLINE, clock), null);
        person = new Workspace(database, alice, null);
        a = new Workspace(database, new Actor("worker-a", HOST_A, 4_000_001L), null);
        b = new Workspace(databaseB, new Actor("worker-b", HOST_B, 4_000_002L), null);
        // As tack worker does for its whole life: on PostgreSQL a worker on another host with no
        // mark is proven gone at once, and only these marks leave the leases to decide.
        aAlive = a.markAlive();
        bAlive = b.markAlive();
    }

    private dev.tack.model.AliveMark aAlive;
    private dev.tack.model.AliveMark bAlive;

    @AfterEach
    void close() {
        aAlive.close();
        bAlive.close();
        database.close();
        databaseB.close();
    }

    private long add(String title) {
        return new Cards(person).add(NewCard.titled(title).inColumn("Todo")).id();
    }

    private Card card(long id) {
        return person.read(tx -> tx.cards().byId(id).orElseThrow());
    }

    private List<Run> runs(long id) {
        return person.read(tx -> tx.runs().ofCard(id));
    }

    private long events() {
        return person.read(tx -> tx.events().count());
    }

    private long events(String kind) {
        return person.read(tx -> tx.events().after(0, Integer.MAX_VALUE).stream().filter(event -> event.kind().equals(kind)).count());
    }

    private static Claims claims(Workspace workspace) {
        return new Claims(workspace);
    }

    private Claims.Claimed claim(Workspace workspace, Claims.Lanes lanes, long leaseMillis) {
        return claims(workspace).claim(lanes, workspace.actor().name(), leaseMillis, null).orElseThrow();
    }

    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    private void pass(long millis) {
        clock.advance(java.time.Duration.ofMillis(millis));
    }

    @Test
    void twoWorkersRacingForOneCardExactlyOneWins() throws Exception {
        long id = add("only one");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<Claims.Claimed>>> results = new ArrayList<>();
            for (Workspace worker : List.of(a, b)) {
                results.add(pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    return claims(worker).claim(LANES, worker.actor().name(), LONG_LEASE, null);
                }));
            }
            List<Claims.Claimed> won = new ArrayList<>();
            for (Future<Optional<Claims.Claimed>> result : results) {
                result.get(10, TimeUnit.SECONDS).ifPresent(won::add);
            }
            assertThat(won).hasSize(1);
            Card after = card(id);
            assertThat(after.claim().worker()).isEqualTo(won.get(0).run().worker());
            assertThat(after.attempts()).isEqualTo(1);
            assertThat(after.column()).isEqualTo("Doing");
            assertThat(runs(id)).hasSize(1);
            assertThat(events("card.claimed")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoWorkersDrainingAColumnTakeEachCardOnce() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(add("card " + i));
        }
        ConcurrentLinkedQueue<Long> taken = new ConcurrentLinkedQueue<>();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Workspace worker : List.of(a, b)) {
                done.add(pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    Claims claims = claims(worker);
                    Optional<Claims.Claimed> next;
                    while ((next = claims.claim(LANES, worker.actor().name(), LONG_LEASE, null)).isPresent()) {
                        taken.add(next.get().card().id());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(taken).containsExactlyInAnyOrderElementsOf(ids);
        for (long id : ids) {
            assertThat(card(id).attempts()).isEqualTo(1);
            assertThat(runs(id)).hasSize(1);
        }
    }

    @Test
    void theClaimIsACompareAndSwapOnNoHolder() {
        long id = add("cas");
        boolean[] results = person.write(tx -> new boolean[] {
            tx.cards().claim(id, new Card.Claim("worker-a", HOST_A, 1, Long.MAX_VALUE)),
            tx.cards().claim(id, new Card.Claim("worker-b", HOST_B, 2, Long.MAX_VALUE))});
        assertThat(results).containsExactly(true, false);
        assertThat(card(id).claim().worker()).isEqualTo("worker-a");
        assertThat(card(id).attempts()).isEqualTo(1);
    }

    @Test
    void onlyTheHolderWithAnUnexpiredLeaseMayExtendIt() throws Exception {
        long id = add("lease");
        Claims.Claimed held = claim(a, LANES, 300);
        long runId = held.run().id();
        long firstLease = card(id).claim().leaseUntilMillis();

        assertThat(claims(b).heartbeat(id, runId, "worker-b", LONG_LEASE, "b's output")).isFalse();
        // Same name, other process: still not the holder.
        Workspace impostor = new Workspace(databaseB, new Actor("worker-a", HOST_A, 4_000_099L), null);
        assertThat(claims(impostor).heartbeat(id, runId, "worker-a", LONG_LEASE, "impostor")).isFalse();
        assertThat(card(id).claim().leaseUntilMillis()).isEqualTo(firstLease);
        assertThat(runs(id).get(0).outputTail()).isEmpty();

        assertThat(claims(a).heartbeat(id, runId, "worker-a", 300, "line 1")).isTrue();
        assertThat(card(id).claim().leaseUntilMillis()).isGreaterThanOrEqualTo(firstLease);
        assertThat(runs(id).get(0).outputTail()).isEqualTo("line 1");

        pass(450); // past the lease
        assertThat(claims(a).heartbeat(id, runId, "worker-a", LONG_LEASE, "too late")).isFalse();
        assertThat(runs(id).get(0).outputTail()).isEqualTo("line 1");
    }

    @Test
    void timestampsAndLeasesFollowTheOneInjectedClock() {
        clock.advance(java.time.Duration.ofDays(400)); // far from the real time: only the injected clock can tell it
        long id = add("stamped");
        Claims.Claimed held = claim(a, LANES, 1_000);
        String stamp = dev.tack.store.Clock.of(clock);
        assertThat(card(id).updatedAt()).isEqualTo(stamp);
        assertThat(runs(id).get(0).startedAt()).isEqualTo(stamp);
        assertThat(card(id).claim().leaseUntilMillis()).isEqualTo(clock.millis() + 1_000);
        List<String> eventTimes = person.read(tx -> tx.events().ofCard(id).stream().map(dev.tack.model.Event::at).toList());
        assertThat(eventTimes).isNotEmpty().allMatch(stamp::equals);
        assertThat(held.run().attempt()).isEqualTo(1);
    }

    @Test
    void finishingAfterTheLeaseRanOutIsStaleAndLeavesTheCardAlone() throws Exception {
        long id = add("slow");
        Claims.Claimed held = claim(a, LANES, 100);
        pass(250);
        Card before = card(id);
        long eventsBefore = events();

        Claims.Finish finish = claims(a).finish(LANES, id, held.run().id(), "worker-a", Claims.Outcome.SUCCEEDED, 0,
                "done", 3, 0);

        assertThat(finish).isEqualTo(Claims.Finish.STALE);
        Card after = card(id);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.column()).isEqualTo("Doing");
        assertThat(after.claim()).isEqualTo(before.claim());
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(runs(id).get(0).outcome()).isEqualTo("stale");
        assertThat(events()).isEqualTo(eventsBefore + 1);
        assertThat(events("run.stale")).isEqualTo(1);
    }

    @Test
    void aLateFinishAfterAnotherWorkerTookTheCardIsStaleAndKeepsTheOthersClaim() throws Exception {
        long id = add("taken over");
        Claims.Claimed first = claim(a, LANES, 100);
        pass(250);
        assertThat(claims(b).reclaim(LANES, 3)).containsExactly(id);
        Claims.Claimed second = claim(b, LANES, LONG_LEASE);
        assertThat(second.card().id()).isEqualTo(id);
        Card beforeLateFinish = card(id);

        assertThat(claims(a).finish(LANES, id, first.run().id(), "worker-a", Claims.Outcome.FAILED, 1, "", 3, 0))
                .isEqualTo(Claims.Finish.STALE);
        assertThat(card(id)).isEqualTo(beforeLateFinish);

        assertThat(claims(b).finish(LANES, id, second.run().id(), "worker-b", Claims.Outcome.SUCCEEDED, 0, "ok", 3, 0))
                .isEqualTo(Claims.Finish.MOVED_ON);
        Card done = card(id);
        assertThat(done.column()).isEqualTo("Done");
        assertThat(done.claimed()).isFalse();
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(runs(id)).extracting(Run::outcome).containsExactly("stale", "succeeded");
    }

    /**
     * A holder on another host whose mark of life is gone: on PostgreSQL that proves it dead and its
     * card comes back before its lease ends; a board file cannot tell, and waits for the lease.
     */
    @Test
    void aHolderOnAnotherHostWithoutItsMarkOfLifeIsReclaimedOnlyWhereTheEngineCanProveIt() throws Exception {
        long id = add("left behind");
        claim(a, LANES, LONG_LEASE);
        assertThat(claims(b).reclaim(LANES, 3)).as("alive: its mark is held").isEmpty();
        aAlive.close();
        if (engine == dev.tack.testing.Engine.POSTGRESQL) {
            assertThat(claims(b).reclaim(LANES, 3)).containsExactly(id);
            assertThat(card(id).claimed()).isFalse();
            assertThat(runs(id)).extracting(Run::outcome).containsExactly("lost");
        } else {
            assertThat(claims(b).reclaim(LANES, 3)).isEmpty();
            assertThat(card(id).claimed()).isTrue();
        }
    }

    @Test
    void reclaimingAnExpiredLeaseCountsTheAttemptAndSendsTheCardBack() throws Exception {
        long id = add("abandoned");
        claim(a, LANES, 100);
        // Not yet expired, and its holder is on another host: nothing to reclaim.
        assertThat(claims(b).reclaim(LANES, 3)).isEmpty();
        pass(250);

        assertThat(claims(b).reclaim(LANES, 3)).containsExactly(id);

        Card after = card(id);
        assertThat(after.column()).isEqualTo("Todo");
        assertThat(after.claimed()).isFalse();
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(runs(id)).extracting(Run::outcome).containsExactly("lost");
        assertThat(events("card.reclaimed")).isEqualTo(1);

        Claims.Claimed again = claim(b, LANES, LONG_LEASE);
        assertThat(again.run().attempt()).isEqualTo(2);
        assertThat(card(id).attempts()).isEqualTo(2);
    }

    @Test
    void aDeadHolderOnThisHostIsReclaimedAtOnceAndALiveOneIsNot() throws Exception {
        long deadPid = new ProcessBuilder("true").start().pid();
        while (ProcessHandle.of(deadPid).isPresent()) {
            sleep(10);
        }
        long gone = add("holder gone");
        long alive = add("holder alive");
        Workspace ghost = new Workspace(database, new Actor("ghost", Hosts.name(), deadPid), null);
        Workspace living = new Workspace(databaseB, new Actor("living", Hosts.name(), ProcessHandle.current().pid()), null);
        claim(ghost, LANES, LONG_LEASE);
        claim(living, LANES, LONG_LEASE);

        assertThat(claims(person).reclaim(LANES, 3)).containsExactly(gone);
        assertThat(card(gone).column()).isEqualTo("Todo");
        assertThat(card(gone).attempts()).isEqualTo(1);
        assertThat(card(alive).claim().worker()).isEqualTo("living");
    }

    @Test
    void afterTheLastAttemptAFailureGoesToTheFailColumn() {
        long id = add("doomed");
        for (int attempt = 1; attempt <= 2; attempt++) {
            Claims.Claimed held = claim(a, LANES, LONG_LEASE);
            assertThat(held.run().attempt()).isEqualTo(attempt);
            Claims.Finish finish = claims(a).finish(LANES, id, held.run().id(), "worker-a", Claims.Outcome.FAILED, 1,
                    "boom", 2, 0);
            assertThat(finish).isEqualTo(attempt < 2 ? Claims.Finish.RETRY : Claims.Finish.FAILED);
            assertThat(card(id).column()).isEqualTo(attempt < 2 ? "Todo" : "Failed");
        }
        Card after = card(id);
        assertThat(after.failed()).isTrue();
        assertThat(after.attempts()).isEqualTo(2);
        assertThat(after.claimed()).isFalse();
        assertThat(runs(id)).extracting(Run::outcome).containsExactly("failed", "failed");
        assertThat(claims(a).claim(LANES, "worker-a", LONG_LEASE, null)).isEmpty();
    }

    @Test
    void withoutAFailColumnAnExhaustedCardIsMarkedFailedAndNeverClaimedAgain() {
        Claims.Lanes lanes = new Claims.Lanes("Todo", "Done", null, null);
        long id = add("doomed");
        Claims.Claimed held = claim(a, lanes, LONG_LEASE);
        assertThat(claims(a).finish(lanes, id, held.run().id(), "worker-a", Claims.Outcome.TIMED_OUT, null, "", 1, 0))
                .isEqualTo(Claims.Finish.FAILED);
        Card after = card(id);
        assertThat(after.column()).isEqualTo("Todo");
        assertThat(after.failed()).isTrue();
        assertThat(after.claimed()).isFalse();
        assertThat(runs(id)).extracting(Run::outcome).containsExactly("timed-out");
        assertThat(claims(b).claim(lanes, "worker-b", LONG_LEASE, null)).isEmpty();
        assertThat(claims(b).anyWaiting(lanes)).isFalse();
    }

    @Test
    void reclaimingTheLastAttemptSendsTheCardToTheFailColumn() throws Exception {
        long id = add("unlucky");
        claim(a, LANES, 50);
        pass(150);
        assertThat(claims(b).reclaim(LANES, 1)).containsExactly(id);
        Card after = card(id);
        assertThat(after.column()).isEqualTo("Failed");
        assertThat(after.failed()).isTrue();
        assertThat(after.attempts()).isEqualTo(1);
    }

    @Test
    void aFailureWaitsOutItsBackOffBeforeTheNextClaim() throws Exception {
        long id = add("flaky");
        Claims.Claimed held = claim(a, LANES, LONG_LEASE);
        assertThat(claims(a).finish(LANES, id, held.run().id(), "worker-a", Claims.Outcome.FAILED, 3, "", 3, 300))
                .isEqualTo(Claims.Finish.RETRY);
        assertThat(card(id).column()).isEqualTo("Todo");
        assertThat(claims(b).claim(LANES, "worker-b", LONG_LEASE, null)).isEmpty();
        assertThat(claims(b).anyWaiting(LANES)).isTrue();
        pass(299);
        assertThat(claims(b).claim(LANES, "worker-b", LONG_LEASE, null)).as("1 ms before the back-off ends").isEmpty();
        pass(1);
        assertThat(claims(b).claim(LANES, "worker-b", LONG_LEASE, null)).isPresent();
    }

    @Test
    void aHardWipLimitOnTheDoingColumnMeansNothingToClaimAndNothingWritten() {
        new Columns(person).limit("Doing", 1, true);
        long blocker = add("already doing");
        new Cards(person).move(blocker, "Doing", null, null);
        long id = add("waiting");
        Card before = card(id);
        long eventsBefore = events();

        assertThat(claims(a).claim(LANES, "worker-a", LONG_LEASE, null)).isEmpty();

        assertThat(events()).isEqualTo(eventsBefore);
        assertThat(card(id)).isEqualTo(before);
        assertThat(runs(id)).isEmpty();
        long runCount = person.read(tx -> tx.runs().recent(false, Integer.MAX_VALUE).size());
        assertThat(runCount).isZero();
    }

    @Test
    void releasingGivesTheCardBackWithoutCountingTheAttempt() {
        long first = add("first");
        long id = add("released");
        Claims.Claimed one = claim(a, LANES, LONG_LEASE);
        assertThat(one.card().id()).isEqualTo(first);
        Claims.Claimed held = claim(a, LANES, LONG_LEASE);
        assertThat(held.card().id()).isEqualTo(id);
        assertThat(claims(a).heartbeat(id, held.run().id(), "worker-a", LONG_LEASE, "half way")).isTrue();

        // Someone else cannot release it.
        assertThat(claims(b).release(LANES, id, held.run().id(), "worker-b")).isFalse();
        assertThat(claims(a).release(LANES, id, held.run().id(), "worker-a")).isTrue();

        Card after = card(id);
        assertThat(after.column()).isEqualTo("Todo");
        assertThat(after.position()).isZero();
        assertThat(after.claimed()).isFalse();
        assertThat(after.attempts()).isZero();
        Run run = runs(id).get(0);
        assertThat(run.outcome()).isEqualTo("released");
        assertThat(run.finishedAt()).isNotNull();
        assertThat(run.outputTail()).isEqualTo("half way");
        assertThat(events("card.released")).isEqualTo(1);

        Claims.Claimed again = claim(b, LANES, LONG_LEASE);
        assertThat(again.card().id()).isEqualTo(id);
        assertThat(again.run().attempt()).isEqualTo(1);
    }

    @Test
    void finishingWellMovesTheCardOnAndClearsTheClaim() {
        long id = add("easy");
        Claims.Claimed held = claim(a, LANES, LONG_LEASE);
        assertThat(claims(a).finish(LANES, id, held.run().id(), "worker-a", Claims.Outcome.SUCCEEDED, 0, "ok", 3, 0))
                .isEqualTo(Claims.Finish.MOVED_ON);
        Card after = card(id);
        assertThat(after.column()).isEqualTo("Done");
        assertThat(after.claimed()).isFalse();
        assertThat(after.attempts()).isEqualTo(1);
        Run run = runs(id).get(0);
        assertThat(run.outcome()).isEqualTo("succeeded");
        assertThat(run.exitCode()).isZero();
        assertThat(run.outputTail()).isEqualTo("ok");
        // Finishing twice is not possible: the second is stale and changes nothing, not even the run's record.
        long version = after.version();
        assertThat(claims(a).finish(LANES, id, held.run().id(), "worker-a", Claims.Outcome.FAILED, 1, "again", 3, 0))
                .isEqualTo(Claims.Finish.STALE);
        assertThat(card(id).version()).isEqualTo(version);
        Run same = runs(id).get(0);
        assertThat(same.outcome()).isEqualTo("succeeded");
        assertThat(same.exitCode()).isZero();
        assertThat(same.outputTail()).isEqualTo("ok");
    }

    @Test
    void lanesThatDoNotExistAreRefusedByName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> claims(a).validate(new Claims.Lanes("Todo", "Shipped", null, null)))
                .isInstanceOf(dev.tack.model.TackException.class)
                .hasMessageContaining("Shipped")
                .extracting(e -> ((dev.tack.model.TackException) e).kind())
                .isEqualTo(dev.tack.model.TackException.Kind.NOT_FOUND);
    }

    @Test
    void aPersonMovingAClaimedCardTakesItBackFromTheWorker() {
        long id = add("taken back");
        Claims.Claimed claimed = new Claims(a).claim(LANES, "worker-a", LONG_LEASE, null).orElseThrow();

        Card moved = new Cards(person).move(id, "Todo", 0, null);

        assertThat(moved.claimed()).isFalse();
        assertThat(runs(id)).extracting(Run::outcome).containsExactly("cancelled");
        assertThat(new Claims(a).heartbeat(id, claimed.run().id(), "worker-a", LONG_LEASE, null)).isFalse();
        Claims.Finish late = new Claims(a).finish(LANES, id, claimed.run().id(), "worker-a", Claims.Outcome.SUCCEEDED, 0,
                "done", 3, 0);
        assertThat(late).isEqualTo(Claims.Finish.STALE);
        assertThat(card(id).column()).isEqualTo("Todo");
        assertThat(runs(id)).extracting(Run::outcome).containsExactly("cancelled");
        assertThat(new Claims(b).claim(LANES, "worker-b", LONG_LEASE, null)).map(c -> c.card().id()).contains(id);
    }
}
