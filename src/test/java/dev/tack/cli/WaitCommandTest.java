package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import com.google.gson.JsonObject;
import dev.tack.Main;
import dev.tack.board.Waits;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.testing.ChildJvm;
import org.junit.jupiter.api.Test;

/** tack wait (issue 16): released by another process's write, through the change feed, on every engine. */
class WaitCommandTest extends EngineCliFixture {

    @Test
    void aWaitIsReleasedWhenAnotherProcessMovesTheCardToDone() throws Exception {
        long id = add("ship it");
        CountDownLatch waiting = new CountDownLatch(1);
        try (Workspace workspace = Workspace.open(location, Workspace.Options.defaults(), new Actor("orchestrator", "here", 1), null, null)) {
            CompletableFuture<Waits.Reached> wait = CompletableFuture.supplyAsync(() -> {
                try {
                    return new Waits(workspace).await(id, Waits.Until.DONE, Duration.ofMinutes(2), null, waiting::countDown);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(waiting.await(60, TimeUnit.SECONDS)).as("the wait opened its feed").isTrue();
            assertThat(wait).isNotDone();
            try (ChildJvm mover = ChildJvm.start("mover", folder, Main.class, "--db", location, "--as", "agent-7", "mv", String.valueOf(id), "Done")) {
                assertThat(mover.awaitExit(Duration.ofSeconds(60))).as(mover.stderr()).isZero();
            }
            Waits.Reached reached = wait.get(60, TimeUnit.SECONDS);
            assertThat(reached.already()).isFalse();
            assertThat(reached.card().column()).isEqualTo("Done");
            assertThat(reached.event().kind()).isEqualTo("card.moved");
            assertThat(reached.event().actor()).isEqualTo("agent-7");
        }
    }

    @Test
    void aWaitInItsOwnProcessSeesAMoveMadeSinceTheEventItWasGiven() throws Exception {
        long id = add("review");
        long since = tack("log", "-n", "1", "--json").expectOk().json().getAsJsonArray().get(0).getAsJsonObject().get("id").getAsLong();
        try (ChildJvm waiter = ChildJvm.start("waiter", folder, Main.class, "--db", location, "wait", String.valueOf(id),
                "--until", "moved", "--since", String.valueOf(since), "--timeout", "2m", "--json")) {
            tack("--as", "bob", "mv", String.valueOf(id), "Doing").expectOk();
            assertThat(waiter.awaitExit(Duration.ofSeconds(120))).as(waiter.stderr()).isZero();
            JsonObject result = CliRun.oneJsonDocument(String.join("\n", waiter.lines())).getAsJsonObject();
            assertThat(result.get("reached").getAsString()).isEqualTo("moved");
            assertThat(result.getAsJsonObject("event").get("actor").getAsString()).isEqualTo("bob");
            assertThat(result.getAsJsonObject("card").get("column").getAsString()).isEqualTo("Doing");
        }
    }

    @Test
    void aCardAlreadyDoneReturnsAtOnceAndATimeoutExitsSix() {
        long done = add("old", "-c", "Done");
        assertThat(tack("wait", String.valueOf(done)).expectOk().out()).isEqualTo("#" + done + " done already; now in Done\n");
        long open = add("open");
        CliRun.Result timedOut = tack("wait", String.valueOf(open), "--until", "any", "--timeout", "100ms").expectError(6);
        assertThat(timedOut.err()).isEqualTo("tack: #" + open + " was not changed within 0.1 s\n");
        tack("wait", String.valueOf(open), "--until", "later").expectError(2);
        tack("wait", "999").expectError(3);
    }
}
