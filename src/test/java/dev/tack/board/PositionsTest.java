package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import dev.tack.model.Card;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.tack.testing.Engine;
import org.junit.jupiter.api.io.TempDir;

/** Positions stay 0, 1, 2, … in every column whatever sequence of adds, moves, archives and restores runs. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class PositionsTest {

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
    void addsGoToTheBottomUnlessAPositionIsGiven() {
        long a = board.add("a").id();
        long b = board.add("b").id();
        long top = board.addAt("top", "Todo", 0).id();
        long middle = board.addAt("middle", "Todo", 2).id();
        long beyond = board.addAt("beyond", "Todo", 99).id();

        assertThat(board.layout().get(0)).containsExactly(top, a, middle, b, beyond);
        assertContiguous();
    }

    @Test
    void moveWithinAColumnToTheTopAndBeyondTheEnd() {
        long a = board.add("a").id();
        long b = board.add("b").id();
        long c = board.add("c").id();

        board.cards.move(c, "Todo", 0, null);
        assertThat(board.layout().get(0)).containsExactly(c, a, b);
        assertContiguous();

        board.cards.move(c, "Todo", 500, null);
        assertThat(board.layout().get(0)).containsExactly(a, b, c);
        assertThat(board.card(c).position()).isEqualTo(2);
        assertContiguous();

        board.cards.move(a, "Todo", 1, null);
        assertThat(board.layout().get(0)).containsExactly(b, a, c);
        assertContiguous();
    }

    @Test
    void moveAcrossColumnsClosesTheGapAndOpensOne() {
        long a = board.add("a").id();
        long b = board.add("b").id();
        long c = board.add("c").id();
        long x = board.add("x", "Doing").id();
        long y = board.add("y", "Doing").id();

        board.cards.move(b, "Doing", 1, null);
        assertThat(board.layout()).containsExactly(List.of(a, c), List.of(x, b, y), List.of());
        assertContiguous();

        board.cards.move(a, "doing", 0, null); // column names are matched in any case
        assertThat(board.layout()).containsExactly(List.of(c), List.of(a, x, b, y), List.of());

        board.cards.move(c, "Done", 42, null);
        board.cards.move(y, "Done", null, null);
        assertThat(board.layout()).containsExactly(List.of(), List.of(a, x, b), List.of(c, y));
        assertContiguous();
    }

    @Test
    void archiveClosesTheGapAndRestoreReturnsToTheBottom() {
        long a = board.add("a").id();
        long b = board.add("b").id();
        long c = board.add("c").id();

        Card archived = board.cards.archive(a, null);
        assertThat(archived.archived()).isTrue();
        assertThat(board.layout().get(0)).containsExactly(b, c);
        assertContiguous();

        board.cards.restore(a);
        assertThat(board.layout().get(0)).containsExactly(b, c, a);
        assertContiguous();
    }

    @Test
    void shiftAndStepKeepPositionsContiguous() {
        long a = board.add("a").id();
        long b = board.add("b").id();
        board.cards.shift(a, 5, null);
        assertThat(board.layout().get(0)).containsExactly(b, a);
        board.cards.shift(a, -9, null);
        assertThat(board.layout().get(0)).containsExactly(a, b);
        board.cards.step(a, 1, null);
        assertThat(board.layout()).containsExactly(List.of(b), List.of(a), List.of());
        assertContiguous();
    }

    /**
     * A long seeded random sequence checked against a plain model of the board after every step:
     * the order must be what the model says and positions must read 0..n-1 in every column.
     */
    @Test
    void anySequenceOfOperationsKeepsPositionsContiguous() {
        List<String> names = List.of("Todo", "Doing", "Done");
        List<List<Long>> model = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        List<Long> archived = new ArrayList<>();
        Map<Long, Integer> columnOf = new HashMap<>();
        Random random = new Random(20261128);

        for (int step = 0; step < 150; step++) {
            int live = model.stream().mapToInt(List::size).sum();
            int op = live < 3 ? 0 : random.nextInt(10);
            if (op <= 2) {
                int column = random.nextInt(3);
                Integer position = randomPosition(random, model.get(column).size());
                long id = board.addAt("card " + step, names.get(column), position).id();
                insert(model.get(column), id, position);
                columnOf.put(id, column);
            } else if (op <= 7) {
                long id = randomLive(random, model);
                int from = columnOf.get(id);
                int to = random.nextInt(3);
                Integer position = randomPosition(random, model.get(to).size());
                board.cards.move(id, names.get(to), position, null);
                int oldIndex = model.get(from).indexOf(id);
                model.get(from).remove(id);
                if (from == to && position == null) {
                    model.get(to).add(Math.min(oldIndex, model.get(to).size()), id);
                } else {
                    insert(model.get(to), id, position);
                }
                columnOf.put(id, to);
            } else if (op == 8) {
                long id = randomLive(random, model);
                board.cards.archive(id, null);
                model.get(columnOf.get(id)).remove(id);
                archived.add(id);
            } else if (!archived.isEmpty()) {
                long id = archived.remove(random.nextInt(archived.size()));
                board.cards.restore(id);
                model.get(columnOf.get(id)).add(id);
            }
            assertThat(board.layout()).as("after step %d", step).isEqualTo(model);
            assertContiguous();
        }
        assertThat(board.problems()).isEmpty();
    }

    private static Integer randomPosition(Random random, int size) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> 0;
            case 2 -> size + 1 + random.nextInt(5); // beyond the end
            default -> random.nextInt(size + 1);
        };
    }

    private static void insert(List<Long> column, long id, Integer position) {
        column.add(position == null ? column.size() : Math.min(position, column.size()), id);
    }

    private static long randomLive(Random random, List<List<Long>> model) {
        List<Long> all = model.stream().flatMap(List::stream).toList();
        return all.get(random.nextInt(all.size()));
    }

    private void assertContiguous() {
        for (List<Integer> column : board.positions()) {
            assertThat(column).isEqualTo(IntStream.range(0, column.size()).boxed().toList());
        }
    }
}
