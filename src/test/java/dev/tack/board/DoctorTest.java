package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.tack.model.Actor;
import dev.tack.model.Hosts;
import dev.tack.testing.Engine;
import dev.tack.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** tack doctor's checks on a manual clock, on both engines (issue 16). */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class DoctorTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.startingNow();
    private dev.tack.store.Storage database;
    private Workspace person;
    private static final Doctor.Limits LIMITS = new Doctor.Limits(Duration.ofHours(1), 3, List.of());

    @BeforeEach
    void openBoard() {
        Actor alice = new Actor("alice", Hosts.name(), ProcessHandle.current().pid());
        database = dev.tack.store.Storages.open(engine.newLocation(dir),
                new dev.tack.store.Storage.Options(true, false, dev.tack.store.Storage.DEFAULT_LOCK_DEADLINE, clock),
                tx -> Boards.create(tx, alice, "main", List.of("Todo", "Doing", "Done", "Failed")));
        person = new Workspace(database, alice, null);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<Doctor.Finding> problems(Doctor.Limits limits) {
        return new Doctor(person).examine(limits).stream().filter(f -> !f.ok()).toList();
    }

    @Test
    void aHealthyBoardPassesEveryCheck() {
        List<Doctor.Finding> findings = new Doctor(person).examine(LIMITS);
        assertThat(findings).extracting(Doctor.Finding::check).containsExactly("integrity", "journal", "claims", "waiting", "workers");
        assertThat(findings).allMatch(Doctor.Finding::ok);
    }

    @Test
    void aReadyCardNobodyTookForLongerThanTheLimitIsReportedWithWhatToDo() {
        long id = new Cards(person).add(NewCard.titled("waits").inColumn("Todo")).id();
        clock.advance(Duration.ofMinutes(59));
        assertThat(problems(LIMITS)).isEmpty();
        clock.advance(Duration.ofMinutes(62));
        List<Doctor.Finding> found = problems(LIMITS);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("waiting");
            assertThat(f.found()).isEqualTo("#" + id + " in Todo is ready and nobody took it for 2 h 1 min");
            assertThat(f.action()).contains("tack claim --next --from Todo");
        });
        assertThat(problems(new Doctor.Limits(Duration.ofHours(3), 3, List.of()))).isEmpty();
        assertThat(problems(new Doctor.Limits(Duration.ofHours(1), 3, List.of("Doing")))).as("only the lanes asked for").isEmpty();

        new Columns(person).setDoing("Doing", "Done"); // now Doing is the board's one lane
        assertThat(problems(LIMITS)).isEmpty();
    }

    @Test
    void aClaimWhoseLeaseRanOutIsStuckUntilSomeoneTakesItBack() {
        long id = new Cards(person).add(NewCard.titled("claimed").inColumn("Todo")).id();
        Agents agents = new Agents(person);
        assertThat(agents.claimNext(new Agents.Lane("Todo", "Doing", null), "agent-1", 60_000)).isInstanceOf(Agents.Got.class);
        assertThat(problems(LIMITS)).isEmpty();
        clock.advance(Duration.ofMinutes(3));
        assertThat(problems(LIMITS)).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("claims");
            assertThat(f.found()).isEqualTo("#" + id + " in Doing: agent-1's lease ran out 2 min ago");
        });
        agents.claimNext(new Agents.Lane("Todo", "Doing", null), "agent-2", 60_000); // takes it back, and again
        assertThat(problems(LIMITS)).isEmpty();
    }

    @Test
    void aWorkerWhoseLastRunsAllFailedIsReportedUntilOneSucceeds() {
        Claims claims = new Claims(person);
        Claims.Lanes lanes = new Claims.Lanes("Todo", "Done", null, "Failed");
        for (int i = 0; i < 4; i++) {
            new Cards(person).add(NewCard.titled("job " + i).inColumn("Todo"));
        }
        for (int i = 0; i < 3; i++) {
            Claims.Claimed claimed = claims.claim(lanes, "w1", 60_000, null).orElseThrow();
            claims.finish(lanes, claimed.card().id(), claimed.run().id(), "w1", Claims.Outcome.FAILED, 7, "", 1, 0);
            if (i == 1) {
                assertThat(problems(LIMITS)).as("two failures are not yet three").isEmpty();
            }
        }
        assertThat(problems(LIMITS)).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("workers");
            assertThat(f.found()).startsWith("worker w1: its last 3 runs all failed (exit 7; cards #");
        });
        Claims.Claimed last = claims.claim(lanes, "w1", 60_000, null).orElseThrow();
        claims.finish(lanes, last.card().id(), last.run().id(), "w1", Claims.Outcome.SUCCEEDED, 0, "", 1, 0);
        assertThat(problems(LIMITS)).isEmpty();
    }
}
