package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.tack.model.Actor;
import dev.tack.model.Change;
import dev.tack.model.Heartbeat;
import dev.tack.model.Hosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.tack.testing.Engine;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class PresenceTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;
    Workspace alice;
    Workspace bob;

    @BeforeEach
    void open() {
        Actor a = new Actor("alice", Hosts.name(), ProcessHandle.current().pid());
        dev.tack.store.Storage database = dev.tack.store.Storages.open(engine.newLocation(dir),
                new dev.tack.store.Storage.Options(true, false, Duration.ofSeconds(10)),
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
    void aBeatIsAnOrdinaryWriteThatTheChangeFeedDoesNotReportAsAChangeOfTheBoard() {
        Presence mine = new Presence(alice, Heartbeat.SCREEN);
        try (Changes feed = alice.changes(new Queries(alice).lastEventId())) {
            mine.beat();
            new Presence(bob, Heartbeat.WORKER).beat();
            assertThat(new Presence(bob, Heartbeat.SCREEN).others()).extracting(Heartbeat::actor).containsExactly("alice", "bob");
            assertThat(feed.poll()).as("beats commit, but change no board data").isInstanceOf(Change.None.class);
            assertThat(feed.boardChanged()).isFalse();

            mine.beat();
            new Cards(bob).add(new NewCard("a card", "Todo", "", List.of(), 0, null, null, null));
            mine.beat();
            assertThat(feed.poll()).as("a card added between two beats").isInstanceOfSatisfying(Change.Events.class,
                    change -> assertThat(change.events()).extracting(e -> e.kind()).containsExactly("card.added"));
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
