package dev.tack.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.tack.testing.Acks;
import dev.tack.testing.Acks.Ack;
import dev.tack.testing.ChildJvm;
import dev.tack.testing.WriterDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/ARCHITECTURE.md §2: several processes write one file at once through the board layer, and nothing is
 * lost or broken. Eight real JVMs each make 300 mixed writes (add, move within and across columns,
 * edit, comment) on cards any of them created.
 */
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class ManyWritersProcessTest {

    private static final int PROCESSES = 8;
    private static final int WRITES_EACH = 300;

    @TempDir
    Path dir;

    @Test
    void eightProcessesWritingAtOnceLoseNothingAndBreakNothing() throws Exception {
        long started = System.nanoTime();
        Path db = dir.resolve("tack.db");
        long seedEvents = BoardAudit.createBoard(db);

        List<ChildJvm> children = new ArrayList<>();
        try {
            for (int i = 0; i < PROCESSES; i++) {
                children.add(ChildJvm.start("writer-" + i, dir, WriterDriver.class,
                        db.toString(), "writer" + i, Integer.toString(WRITES_EACH), Long.toString(1000 + i)));
            }
            for (ChildJvm child : children) {
                assertThat(child.awaitLineStartingWith("READY ", Duration.ofMinutes(1)))
                        .as("%s opened the board; stderr: %s", child.name(), child.stderr()).isNotNull();
            }
            children.forEach(child -> child.send("go"));
            List<Ack> acks = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (ChildJvm child : children) {
                int exit = child.awaitExit(Duration.ofMinutes(3));
                List<String> lines = child.lines();
                assertThat(exit).as("%s exit code; stderr: %s", child.name(), child.stderr()).isZero();
                assertThat(lines).as(child.name()).contains("DONE " + WRITES_EACH + " .");
                assertThat(Acks.unexpected(lines)).as(child.name()).isEmpty();
                acks.addAll(Acks.parse(lines));
                errors.addAll(Acks.errors(lines));
            }
            assertThat(errors).as("writes that failed in a child").isEmpty();
            assertThat(acks).hasSize(PROCESSES * WRITES_EACH);

            BoardAudit.Summary summary = BoardAudit.verify(db, acks, seedEvents, true, 0);
            assertThat(summary.cards()).isPositive();
            // The writes really overlapped: in commit order, the writing process changes again and again.
            long switches = actorSwitches(db);
            // (Fully one after the other, it would change PROCESSES - 1 times.)
            assertThat(switches).as("times the committing process changed, in event order").isGreaterThan(PROCESSES * 2L);
            System.out.printf("[tack-mp] many writers: %d processes, %d writes acknowledged (%d add, %d mv, %d edit, %d comment),"
                            + " %d cards, %d events, %d interleavings, in %d ms%n", PROCESSES, acks.size(),
                    count(acks, "add"), count(acks, "mv"), count(acks, "edit"), count(acks, "comment"),
                    summary.cards(), summary.events(), switches, Duration.ofNanos(System.nanoTime() - started).toMillis());
        } finally {
            children.forEach(ChildJvm::close);
        }
    }

    private static long actorSwitches(Path db) {
        try (Database database = Database.open(db, Database.Options.defaults(), tx -> null)) {
            List<Long> pids = database.read(tx -> tx.list("SELECT pid FROM events WHERE card_id IS NOT NULL ORDER BY id", row -> row.getLong(1)));
            long switches = 0;
            for (int i = 1; i < pids.size(); i++) {
                if (!pids.get(i).equals(pids.get(i - 1))) {
                    switches++;
                }
            }
            return switches;
        }
    }

    private static long count(List<Ack> acks, String op) {
        return acks.stream().filter(a -> a.op().equals(op)).count();
    }
}
