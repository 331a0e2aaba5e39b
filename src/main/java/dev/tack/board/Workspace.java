package dev.tack.board;

import java.util.List;
import java.util.Optional;
import dev.tack.model.Actor;
import dev.tack.model.Board;
import dev.tack.store.sqlite.BoardTable;
import dev.tack.store.sqlite.Database;
import dev.tack.model.TackException;
import dev.tack.store.sqlite.Tx;
import dev.tack.store.sqlite.Writer;

/**
 * One open board file as seen by one person or worker: the database, who acts, and which board
 * (by name; null means the only board, or the one named {@code main}, or else the oldest). Every operation of the
 * board layer runs through {@link #write} (one transaction, one event) or {@link #read}.
 */
public final class Workspace implements AutoCloseable {

    public static final String DEFAULT_BOARD = "main";

    private final Database database;
    private final Actor actor;
    private final String boardName;
    /** Set when the workspace follows one board by id (a screen), whatever it is renamed to. */
    private final Long boardId;

    public Workspace(Database database, Actor actor, String boardName) {
        this(database, actor, boardName, null);
    }

    private Workspace(Database database, Actor actor, String boardName, Long boardId) {
        this.database = database;
        this.actor = actor;
        this.boardName = boardName == null || boardName.isBlank() ? null : boardName;
        this.boardId = boardId;
    }

    public Database database() {
        return database;
    }

    public Actor actor() {
        return actor;
    }

    /** The board name asked for, or null when the default applies. */
    public String requestedBoard() {
        return boardName;
    }

    public Workspace onBoard(String name) {
        return new Workspace(database, actor, name);
    }

    /**
     * The same board from now on by its id, not its name: a screen keeps its board when anyone
     * renames it (docs/ARCHITECTURE.md §3 follows the selection by id; the board too).
     */
    public Workspace pinnedTo(Board board) {
        return new Workspace(database, actor, board.name(), board.id());
    }

    public boolean pinned() {
        return boardId != null;
    }

    public <T> T write(Writer.Work<T> work) {
        return database.writer().write(work);
    }

    public <T> T read(Writer.Work<T> work) {
        return database.read(work);
    }

    /** Resolves the board inside a transaction, so a rename by another process is seen. */
    public Board board(Tx tx) throws java.sql.SQLException {
        if (boardId != null) {
            return BoardTable.byId(tx, boardId)
                    .orElseThrow(() -> TackException.notFound("the board '" + boardName + "' was removed"));
        }
        if (boardName != null) {
            return BoardTable.byName(tx, boardName)
                    .orElseThrow(() -> TackException.notFound("no board named '" + boardName + "'"));
        }
        List<Board> boards = BoardTable.all(tx);
        if (boards.size() == 1) {
            return boards.get(0);
        }
        if (boards.isEmpty()) {
            throw TackException.notFound("this database has no boards (add one with: tack board add NAME)");
        }
        return defaultOf(boards);
    }

    /**
     * The board a command without {@code --board} uses: the only one, else the one named
     * {@code main}, else the oldest (the one the file was made with, usually {@code main} renamed).
     * Read from the file alone, so every user and every script gets the same board.
     */
    public static Board defaultOf(List<Board> boardsInIdOrder) {
        Optional<Board> main = boardsInIdOrder.stream().filter(b -> b.name().equals(DEFAULT_BOARD)).findFirst();
        return main.orElse(boardsInIdOrder.get(0));
    }

    @Override
    public void close() {
        database.close();
    }
}
