package dev.tack.board;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.tack.model.Actor;
import dev.tack.model.Card;
import dev.tack.store.Storage;
import dev.tack.store.Storages;
import dev.tack.testing.Engine;

/**
 * A fresh board file in a test's temporary folder, opened as one person would open it, with the
 * read-backs the domain tests compare before and after an operation.
 */
final class BoardFixture implements AutoCloseable {

    static final Actor TESTER = new Actor("tester", "testhost", 4242);

    final Workspace workspace;
    final Cards cards;
    final Columns columns;
    final Boards boards;
    final Queries queries;

    private BoardFixture(Workspace workspace) {
        this.workspace = workspace;
        this.cards = new Cards(workspace);
        this.columns = new Columns(workspace);
        this.boards = new Boards(workspace);
        this.queries = new Queries(workspace);
    }

    /** A new file with board {@code main} and the given columns (default Todo, Doing, Done). */
    static BoardFixture create(Path folder, String... columnNames) {
        return create(Engine.SQLITE, folder, columnNames);
    }

    /** A new database of {@code engine} (a file in {@code folder}, or a fresh PostgreSQL schema). */
    static BoardFixture create(Engine engine, Path folder, String... columnNames) {
        List<String> names = columnNames.length == 0 ? Boards.DEFAULT_COLUMNS : List.of(columnNames);
        Storage storage = Storages.open(engine.newLocation(folder), Storage.Options.defaults().creating(true),
                tx -> Boards.create(tx, TESTER, Workspace.DEFAULT_BOARD, names));
        return new BoardFixture(new Workspace(storage, TESTER, null));
    }

    /** The same file seen on another board; closing this fixture closes both. */
    BoardFixture on(String boardName) {
        return new BoardFixture(workspace.onBoard(boardName));
    }

    Card add(String title) {
        return cards.add(NewCard.titled(title));
    }

    Card add(String title, String column) {
        return cards.add(NewCard.titled(title).inColumn(column));
    }

    Card addAt(String title, String column, Integer position) {
        return cards.add(new NewCard(title, column, null, List.of(), 0, null, null, position));
    }

    Card card(long id) {
        return queries.card(id);
    }

    long eventCount() {
        return workspace.read(tx -> tx.events().count());
    }

    long lastEventId() {
        return workspace.read(tx -> tx.events().lastId());
    }

    long maxCardId() {
        return workspace.read(tx -> tx.cards().maxId());
    }

    List<String> problems() {
        return workspace.integrityProblems();
    }

    /** Live card ids per column, top to bottom, in board order. */
    List<List<Long>> layout() {
        List<List<Long>> result = new ArrayList<>();
        for (BoardView.Lane lane : queries.board(CardFilter.ALL).lanes()) {
            result.add(lane.cards().stream().map(Card::id).toList());
        }
        return result;
    }

    /** Live cards' positions per column, top to bottom: each must read 0, 1, 2, … */
    List<List<Integer>> positions() {
        List<List<Integer>> result = new ArrayList<>();
        for (BoardView.Lane lane : queries.board(CardFilter.ALL).lanes()) {
            result.add(lane.cards().stream().map(Card::position).toList());
        }
        return result;
    }

    @Override
    public void close() {
        workspace.close();
    }
}
