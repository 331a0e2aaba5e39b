package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.tack.model.BackupContents;
import dev.tack.model.Card;
import dev.tack.store.sqlite.Database;
import dev.tack.store.sqlite.Writer;
import dev.tack.testing.Acks;
import dev.tack.testing.Acks.Ack;
import dev.tack.testing.ChildJvm;
import dev.tack.testing.WriterDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tack backup} while two other processes write as fast as they can: each backup is sound
 * and holds every write acknowledged before it began, including the newest, which live only in
 * {@code tack.db-wal} until a checkpoint (a copy of {@code tack.db} would miss them).
 */
class BackupWhileWritingTest {

    private static final int BACKUPS = 4;

    @TempDir
    Path dir;

    @Test
    void everyBackupIsSoundAndHoldsEveryWriteAcknowledgedBeforeIt() throws Exception {
        Path db = dir.resolve("tack.db");
        BoardFixture.create(dir).close();
        List<ChildJvm> writers = new ArrayList<>();
        try (Workspace workspace = new Workspace(Database.open(db, Database.Options.defaults(), null), BoardFixture.TESTER, null)) {
            for (int i = 0; i < 2; i++) {
                writers.add(ChildJvm.start("writer-" + i, dir, WriterDriver.class, db.toString(), "writer" + i, "0",
                        Long.toString(40 + i), Long.toString(Writer.DEFAULT_DEADLINE.toMillis())));
            }
            for (ChildJvm writer : writers) {
                assertThat(writer.awaitLineStartingWith("READY ", Duration.ofMinutes(1))).as(writer.stderr()).isNotNull();
            }
            Backups backups = new Backups(workspace);
            for (int n = 0; n < BACKUPS; n++) {
                awaitMoreAcks(writers, 20 * (n + 1));
                List<Ack> before = new ArrayList<>();
                writers.forEach(w -> before.addAll(Acks.parse(w.lines())));
                Path file = dir.resolve("backup-" + n + ".db");

                BackupContents contents = backups.backup(file);

                assertThat(contents.cards()).isPositive();
                try (Workspace copy = new Workspace(Database.open(file, Database.Options.defaults(), null), BoardFixture.TESTER, null)) {
                    assertThat(copy.integrityProblems()).as("backup %d", n).isEmpty();
                    Queries queries = new Queries(copy);
                    for (Ack ack : before) {
                        if (ack.carriesVersion()) {
                            Card card = queries.card(ack.cardId());
                            assertThat(card.version()).as("backup %d: card #%d acknowledged at version %d", n, ack.cardId(), ack.value())
                                    .isGreaterThanOrEqualTo(ack.value());
                        }
                    }
                }
            }
        } finally {
            for (ChildJvm writer : writers) {
                writer.closeStdin();
                assertThat(writer.awaitExit(Duration.ofMinutes(1))).as(writer.stderr()).isZero();
                assertThat(Acks.errors(writer.lines())).isEmpty();
                writer.close();
            }
        }
    }

    private static void awaitMoreAcks(List<ChildJvm> writers, int each) throws InterruptedException {
        for (ChildJvm writer : writers) {
            writer.awaitLine(line -> Acks.parse(writer.lines()).size() >= each, Duration.ofMinutes(1));
        }
    }
}
