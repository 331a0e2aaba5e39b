package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.tack.model.Card;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.tack.testing.Engine;
import org.junit.jupiter.api.io.TempDir;

/** Card ids are unique in the file and never handed out again, whatever was archived or removed. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class CardIdsTest {

    @Parameter
    Engine engine;

    @TempDir
    Path folder;

    BoardFixture board;

    @BeforeEach
    void open() {
        board = BoardFixture.create(engine, folder);
    }

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void idsAreNeverReusedAfterArchiveOrBoardRemoval() {
        List<Long> seen = new ArrayList<>();
        seen.add(board.add("one").id());
        seen.add(board.add("two").id());
        long archived = board.add("three").id();
        seen.add(archived);
        board.cards.archive(archived, null);

        long afterArchive = board.add("four").id();
        assertThat(afterArchive).isGreaterThan(max(seen));
        seen.add(afterArchive);

        board.boards.add("side", List.of("Only"));
        BoardFixture side = board.on("side");
        seen.add(side.add("on side").id());
        seen.add(side.add("newest of all").id());
        board.boards.remove("side", true);
        assertThat(board.maxCardId()).isLessThan(max(seen)); // the newest ids went with the board
        assertThat(board.problems()).as("tack check after board rm --force").isEmpty();

        Card next = board.add("after removal");
        assertThat(next.id()).isGreaterThan(max(seen));
        assertThat(board.problems()).isEmpty();
    }

    private static long max(List<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).max().orElseThrow();
    }
}
