package dev.tack.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.tack.board.Boards;
import dev.tack.model.Actor;
import dev.tack.model.Card;
import dev.tack.model.Event;
import dev.tack.store.Storage;
import dev.tack.store.Storages;
import dev.tack.testing.Acks;
import dev.tack.testing.ChildJvm;
import dev.tack.testing.PostgresServer;
import dev.tack.testing.WriterDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes writing one PostgreSQL board at once through the board layer (adds, moves within
 * and across columns, edits, comments): every acknowledged write is there, positions stay
 * contiguous, and the writes really interleaved.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class PostgresManyWritersTest {

    private static final int PROCESSES = 3;
    private static final int WRITES_EACH = 120;

    @TempDir
    Path dir;

    @Test
    void processesWritingAtOnceLoseNothingAndBreakNothing() throws Exception {
        String url = PostgresServer.get().freshUrl();
        Storages.open(url, Storage.Options.defaults().creating(true),
                tx -> Boards.create(tx, new Actor("seed", "h", 1), "main", Boards.DEFAULT_COLUMNS)).close();
        List<ChildJvm> children = new ArrayList<>();
        try {
            for (int i = 0; i < PROCESSES; i++) {
                children.add(ChildJvm.start("writer-" + i, dir, WriterDriver.class, url, "writer" + i, Integer.toString(WRITES_EACH),
                        Long.toString(2000 + i)));
            }
            for (ChildJvm child : children) {
                assertThat(child.awaitLineStartingWith("READY ", Duration.ofMinutes(2))).as("%s: %s", child.name(), child.stderr()).isNotNull();
            }
            children.forEach(child -> child.send("go"));
            List<Acks.Ack> acks = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (ChildJvm child : children) {
                assertThat(child.awaitExit(Duration.ofMinutes(4))).as("%s exit; stderr: %s", child.name(), child.stderr()).isZero();
                assertThat(child.lines()).as(child.name()).contains("DONE " + WRITES_EACH + " .");
                assertThat(Acks.unexpected(child.lines())).as(child.name()).isEmpty();
                acks.addAll(Acks.parse(child.lines()));
                errors.addAll(Acks.errors(child.lines()));
            }
            assertThat(errors).as("writes that failed in a child").isEmpty();
            assertThat(acks).hasSize(PROCESSES * WRITES_EACH);

            try (Storage storage = Storages.open(url, Storage.Options.defaults(), null)) {
                assertThat(storage.integrityProblems()).isEmpty();
                Map<Long, Long> ackedVersion = new HashMap<>();
                long adds = 0;
                long comments = 0;
                for (Acks.Ack ack : acks) {
                    switch (ack.op()) {
                        case "add" -> adds++;
                        case "comment" -> comments++;
                        default -> { }
                    }
                    if (!ack.op().equals("comment")) {
                        ackedVersion.merge(ack.cardId(), ack.value(), Math::max);
                    }
                }
                long addCount = adds;
                long commentCount = comments;
                storage.readTransaction(tx -> {
                    long board = tx.boards().byName("main").orElseThrow().id();
                    List<Card> cards = tx.cards().liveOfBoard(board);
                    assertThat(cards).hasSize((int) addCount);
                    for (Card card : cards) {
                        assertThat(card.version()).as("card #%d", card.id()).isGreaterThanOrEqualTo(ackedVersion.getOrDefault(card.id(), 1L));
                    }
                    long stored = cards.stream().mapToLong(card -> tx.comments().ofCard(card.id()).size()).sum();
                    assertThat(stored).isEqualTo(commentCount);
                    List<Event> events = tx.events().after(0, Integer.MAX_VALUE);
                    long switches = 0;
                    for (int i = 1; i < events.size(); i++) {
                        switches += events.get(i).pid() == events.get(i - 1).pid() ? 0 : 1;
                    }
                    assertThat(switches).as("times the committing process changed, in event order").isGreaterThan(PROCESSES * 2L);
                    return null;
                });
            }
        } finally {
            children.forEach(ChildJvm::close);
        }
    }
}
