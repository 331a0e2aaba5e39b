package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.tack.model.Actor;
import dev.tack.model.Card;
import dev.tack.model.Hosts;
import dev.tack.model.Run;
import dev.tack.model.TackException;
import dev.tack.testing.Engine;
import dev.tack.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The agents' queue on the board layer, on the clock the lease code reads: a lease runs out when the
 * test moves the clock. An agent's claim records no process, so a worker's reclaim on this host must
 * not take it for a dead holder; only its lease decides.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class AgentsTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private static final long LEASE = 60_000;
    private final ManualClock clock = ManualClock.startingNow();
    private dev.tack.store.Storage database;
    private Workspace person;
    private Agents agents;

    @BeforeEach
    void openBoard() {
        Actor alice = new Actor("alice", Hosts.name(), ProcessHandle.current().pid());
        database = dev.tack.store.Storages.open(engine.newLocation(dir),
                new dev.tack.store.Storage.Options(true, false, dev.tack.store.Storage.DEFAULT_LOCK_DEADLINE, clock),
                tx -> Boards.create(tx, alice, "main", List.of("Todo", "Doing", "Done")));
        person = new Workspace(database, alice, null);
        agents = new Agents(person);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long add(String title) {
        return new Cards(person).add(NewCard.titled(title).inColumn("Todo")).id();
    }

    private Agents.Taken claim(String name) {
        Agents.Claim claim = agents.claimNext(new Agents.Lane("Todo", "Doing", null), name, LEASE);
        assertThat(claim).isInstanceOf(Agents.Got.class);
        return ((Agents.Got) claim).taken();
    }

    @Test
    void aLeaseThatRunsOutReturnsTheCardAtTheNextClaimAndTheRunIsLost() {
        long id = add("a");
        Agents.Taken first = claim("agent-1");
        assertThat(first.card().claim().pid()).isEqualTo(Claims.NO_PROCESS);
        clock.advance(Duration.ofMillis(LEASE - 1));
        agents.heartbeat(id, first.token(), LEASE); // extended: the lease now ends a minute after this beat
        clock.advance(Duration.ofMillis(LEASE + 1));

        assertThatThrownBy(() -> agents.heartbeat(id, first.token(), LEASE)).isInstanceOf(TackException.class)
                .hasMessageContaining("the lease ran out").extracting(e -> ((TackException) e).kind()).isEqualTo(TackException.Kind.CONFLICT);
        Agents.Taken second = claim("agent-2");
        assertThat(second.card().id()).isEqualTo(id);
        assertThat(second.card().column()).isEqualTo("Doing");
        List<Run> runs = new Queries(person).details(id).runs();
        assertThat(runs).extracting(Run::outcome).containsExactly("lost", "running");
        assertThatThrownBy(() -> agents.done(id, first.token(), null, "late", null)).isInstanceOf(TackException.class)
                .hasMessageContaining("that claim has ended (its lease ran out");
        Card done = agents.done(id, second.token(), null, "ok", null);
        assertThat(done.column()).isEqualTo("Done");
        assertThat(done.claimed()).isFalse();
    }

    @Test
    void aWorkersReclaimLeavesAnAgentsLiveClaimAloneAndTakesAnExpiredOne() {
        add("a");
        Agents.Taken taken = claim("agent-1");
        Claims claims = new Claims(person);
        Claims.Lanes lanes = new Claims.Lanes("Todo", "Done", "Doing", null);
        assertThat(claims.reclaim(lanes, 3)).isEmpty(); // no process to be dead: pid 0 is not "holder gone"
        clock.advance(Duration.ofMillis(LEASE + 1));
        assertThat(claims.reclaim(lanes, 3)).containsExactly(taken.card().id());
        assertThat(new Queries(person).details(taken.card().id()).runs()).extracting(Run::outcome).containsExactly("lost");
    }

    @Test
    void aBlockedCardIsNotHandedOutAgainUntilAPersonMovesIt() {
        long id = add("a");
        Agents.Taken taken = claim("agent-1");
        agents.block(id, taken.token(), "needs a password");
        Agents.Claim none = agents.claimNext(new Agents.Lane("Doing", null, null), "agent-2", LEASE);
        assertThat(none).isInstanceOf(Agents.Nothing.class);
        assertThat(((Agents.Nothing) none).why().reason()).contains("blocked by agent-1: needs a password");
        new Cards(person).move(id, "Todo", null, null);
        assertThat(claim("agent-2").card().id()).isEqualTo(id);
    }
}
