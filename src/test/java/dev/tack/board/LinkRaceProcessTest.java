package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.tack.model.CardLink;
import dev.tack.testing.ChildJvm;
import dev.tack.testing.Engine;
import dev.tack.testing.LinkDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two processes link 5 after 7 and 7 after 5 at the same moment, round after round: each time
 * exactly one succeeds, the other is refused naming the cycle, and no cycle is ever committed. The
 * check runs inside the write transaction, so the write lock orders the two and the second sees
 * the first's link: on SQLite the file's write lock, on PostgreSQL the schema's advisory write lock.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class LinkRaceProcessTest {

    @Parameter
    Engine engine;

    private static final int ROUNDS = 25;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    @Test
    void twoProcessesLinkingOppositeWaysAtOnceNeverCommitACycle() throws Exception {
        try (BoardFixture board = BoardFixture.create(engine, folder);
             ChildJvm left = ChildJvm.start("left", folder, LinkDriver.class, board.workspace.location(), "left");
             ChildJvm right = ChildJvm.start("right", folder, LinkDriver.class, board.workspace.location(), "right")) {
            left.awaitLineStartingWith("READY", WAIT);
            right.awaitLineStartingWith("READY", WAIT);
            List<String> winners = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                long five = board.add("five " + round).id();
                long seven = board.add("seven " + round).id();
                left.send("LINK " + five + " " + seven);
                right.send("LINK " + seven + " " + five);
                String a = left.awaitLine(l -> l.startsWith("OK " + five + " ") || l.startsWith("ERR " + five + " "), WAIT);
                String b = right.awaitLine(l -> l.startsWith("OK " + seven + " ") || l.startsWith("ERR " + seven + " "), WAIT);
                List<String> answers = List.of(a, b);
                assertThat(answers).as("round %d", round).filteredOn(l -> l.startsWith("OK ")).hasSize(1);
                assertThat(answers).as("round %d", round).filteredOn(l -> l.startsWith("ERR ")).singleElement()
                        .satisfies(err -> assertThat(err).contains("CONFLICT", "would close a cycle", " → "));
                winners.add(a.startsWith("OK ") ? "left" : "right");
            }
            List<CardLink> links = board.workspace.read(tx -> tx.links().ofBoard(board.workspace.board(tx).id()));
            assertThat(links).hasSize(ROUNDS);
            assertThat(links).noneMatch(l -> links.contains(new CardLink(l.waitsFor(), l.cardId())));
            assertThat(board.problems()).isEmpty();
            System.out.println("link race winners (" + engine + "): " + winners);
        }
    }
}
