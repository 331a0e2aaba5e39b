package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import dev.tack.Main;
import dev.tack.testing.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * A board file deleted or replaced under a long-lived process (issue 8 item 3): {@code log --follow}
 * and a worker, each a real process, say so in one line and stop, instead of reading or writing the
 * old file. The replacement is made as a person restoring a backup would: a new board moved over
 * the path.
 */
class ReplacedBoardFileTest extends CliFixture {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void logFollowStartsAtTheEndShowsTitlesAndStopsWhenTheFileIsReplaced() throws Exception {
        add("before the follow");
        try (ChildJvm follow = ChildJvm.start("follow", folder, Main.class, "--db", db.toString(), "log", "--follow")) {
            // Sync on an event: each added card is a new line once the follower runs; the first one it prints is new.
            String seen = null;
            for (int i = 0; seen == null; i++) {
                add("after " + i);
                seen = follow.awaitLine(line -> line.contains("added #"), Duration.ofSeconds(2));
            }
            assertThat(follow.lines()).noneMatch(line -> line.contains("before the follow") || line.contains("added board"));
            assertThat(seen).contains("\u201cafter ");

            replaceWithNewBoard();
            for (int i = 0; i < 6; i++) {
                add("in the new file " + i);
            }
            assertThat(follow.awaitExit(WAIT)).isEqualTo(1);
            assertThat(follow.stderr().lines().toList()).as("stderr").hasSize(1);
            assertThat(follow.stderr()).startsWith("tack: board file " + db + " was replaced by another file while open")
                    .contains("stopped following");
            assertThat(follow.lines()).noneMatch(line -> line.contains("in the new file"));
        }
    }

    @Test
    void logFollowStopsWhenTheFileIsDeleted() throws Exception {
        try (ChildJvm follow = ChildJvm.start("follow", folder, Main.class, "--db", db.toString(), "log", "--follow")) {
            for (int i = 0; follow.awaitLine(line -> line.contains("added #"), Duration.ofSeconds(2)) == null; i++) {
                add("card " + i);
            }
            deleteBoard();
            assertThat(follow.awaitExit(WAIT)).isEqualTo(1);
            assertThat(follow.stderr()).startsWith("tack: board file " + db + " was deleted or moved while open");
        }
    }

    @Test
    void aWorkerStopsClaimingLetsItsJobFinishAndExitsNonZeroWhenTheFileIsDeleted() throws Exception {
        add("first");
        add("second");
        Path go = folder.resolve("go");
        Path started = folder.resolve("started");
        String command = "touch '" + started + "'; while [ ! -e '" + go + "' ]; do sleep 0.05; done";
        try (ChildJvm worker = ChildJvm.start("worker", folder, Main.class, "--db", db.toString(), "worker",
                "--from", "Todo", "--to", "Done", "--exec", command)) {
            await(worker, "the job to start", () -> Files.exists(started));
            deleteBoard();
            await(worker, "the worker to notice", () -> worker.stderr().contains("stopping: no new claims"));
            assertThat(worker.isAlive()).as("the running job is let finish").isTrue();
            Files.createFile(go);
            assertThat(worker.awaitExit(WAIT)).isEqualTo(1);
            String stderr = worker.stderr();
            assertThat(stderr).contains("claimed #1").doesNotContain("claimed #2");
            assertThat(stderr.lines().filter(line -> line.startsWith("tack: ")).toList())
                    .containsExactly("tack: board file " + db + " was deleted or moved while open; the worker stopped");
        }
    }

    /** Polls a condition that an event in another process makes true, up to a generous bound. */
    private static void await(ChildJvm child, String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(child.isAlive()).as("%s alive while waiting for %s; stderr: %s", child.name(), what, child.stderr()).isTrue();
            assertThat(System.nanoTime() < until).as("waited for %s; stderr: %s", what, child.stderr()).isTrue();
            Thread.sleep(20);
        }
    }

    private void replaceWithNewBoard() throws Exception {
        Path fresh = folder.resolve("fresh").resolve("tack.db");
        CliRun.tack("init", "--db", fresh.toString()).expectOk();
        Files.move(fresh, db, StandardCopyOption.REPLACE_EXISTING);
    }

    /** As {@code rm tack.db*} would: the -wal and -shm go too (test code may touch the files; tack may not). */
    private void deleteBoard() throws Exception {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
        }
    }
}
