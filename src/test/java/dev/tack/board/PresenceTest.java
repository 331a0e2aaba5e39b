package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.tack.model.Actor;
import dev.tack.model.Heartbeat;
import dev.tack.store.sqlite.Database;
import dev.tack.model.Hosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresenceTest {

    @TempDir
    Path dir;
    Workspace alice;
    Workspace bob;

    @BeforeEach
    void open() {
        Actor a = new Actor("alice", Hosts.name(), ProcessHandle.current().pid());
        Database database = Database.open(dir.resolve("tack.db"), new Database.Options(true, false, Duration.ofSeconds(10)),
                tx -> Boards.create(tx, a, "main", Boards.DEFAULT_COLUMNS));
        alice = new Workspace(database, a, null);
        bob = new Workspace(database, new Actor("bob", Hosts.name(), ProcessHandle.current().pid()), null);
    }

    @AfterEach
    void close() {
        alice.close();
    }

    @Test
    void eachScreenSeesTheOthersButNotItself() {
        Presence mine = new Presence(alice, Heartbeat.SCREEN);
        Presence theirs = new Presence(bob, Heartbeat.WORKER);
        mine.beat();
        assertThat(mine.others()).isEmpty();
        theirs.beat();
        theirs.beat(); // refreshed in place, not a second row
        assertThat(mine.others()).extracting(Heartbeat::actor, Heartbeat::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bob", Heartbeat.WORKER));
        assertThat(theirs.others()).extracting(Heartbeat::actor).containsExactly("alice");
        theirs.leave();
        assertThat(mine.others()).isEmpty();
    }

    @Test
    void aBeatThroughTheChangeFeedIsNotReportedAsAChangeButOthersCommitsAre() {
        Presence mine = new Presence(alice, Heartbeat.SCREEN);
        try (Changes feed = alice.changes(0)) {
            long stampBefore = Presence.stamp(feed);
            assertThat(feed.beat(mine)).as("written: the lock was free").isTrue();
            assertThat(Presence.stamp(feed)).as("the stamp moved by this beat's own change").isEqualTo(stampBefore + mine.ownStampChange())
                    .isNotEqualTo(stampBefore);
            assertThat(feed.changed()).as("our own beat, committed on the feed's connection").isFalse();
            assertThat(new Presence(bob, Heartbeat.SCREEN).others()).extracting(Heartbeat::actor).containsExactly("alice");

            feed.beat(mine); // refreshed in place
            new Presence(bob, Heartbeat.WORKER).beat(); // someone else's beat, on the writer's connection
            assertThat(feed.changed()).as("someone else's commit in the same poll is still seen").isTrue();
            assertThat(feed.changed()).isFalse();
        }
    }

    @Test
    void aBeatThroughTheChangeFeedWaitsForNobody() throws Exception {
        Presence mine = new Presence(alice, Heartbeat.SCREEN);
        try (Changes feed = alice.changes(0)) {
            java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            Thread holder = new Thread(() -> bob.write(tx -> {
                inside.countDown();
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            holder.start();
            inside.await();
            long start = System.nanoTime();
            assertThat(feed.beat(mine)).as("the lock is held: nothing written").isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("it did not wait").isLessThan(Duration.ofSeconds(1));
            done.countDown();
            holder.join();
            long rows = bob.read(tx -> tx.presence().live(bob.board(tx).id(), 0).size());
            assertThat(rows).isZero();
            assertThat(feed.beat(mine)).isTrue();
        }
    }

    @Test
    void staleRowsAreNotListedAndArePruned() {
        Presence mine = new Presence(alice, Heartbeat.SCREEN);
        long old = System.currentTimeMillis() - Presence.LIVE.toMillis() - 1_000;
        long ancient = System.currentTimeMillis() - Duration.ofMinutes(5).toMillis();
        bob.write(tx -> tx.presence().beat(null, bob.board(tx).id(), bob.actor(), Heartbeat.SCREEN, old));
        bob.write(tx -> tx.presence().beat(null, bob.board(tx).id(), bob.actor(), Heartbeat.SCREEN, ancient));
        mine.beat();
        assertThat(mine.others()).isEmpty();
        List<Heartbeat> left = alice.read(tx -> tx.presence().live(alice.board(tx).id(), 0));
        assertThat(left).hasSize(2); // the ancient one was pruned, the merely stale one stays a while
    }

    @Test
    void aBeatIsNotAnEvent() {
        long before = new Queries(alice).lastEventId();
        Presence mine = new Presence(alice, Heartbeat.SCREEN);
        mine.beat();
        mine.leave();
        assertThat(new Queries(alice).lastEventId()).isEqualTo(before);
    }

    @Test
    void followingAnotherBoardMovesTheRow() {
        new Boards(alice).add("other", List.of("A"));
        Presence mine = new Presence(alice, Heartbeat.SCREEN);
        Presence theirs = new Presence(bob, Heartbeat.SCREEN);
        mine.beat();
        theirs.beat();
        assertThat(theirs.others()).hasSize(1);
        mine.follow(alice.onBoard("other"));
        mine.beat();
        assertThat(theirs.others()).isEmpty();
        assertThat(new Presence(bob.onBoard("other"), Heartbeat.SCREEN).others()).extracting(Heartbeat::actor).containsExactly("alice");
    }
}
