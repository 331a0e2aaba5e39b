package dev.tack.tui;

import java.util.List;
import dev.tack.board.BoardView;
import dev.tack.board.Boards;
import dev.tack.board.CardFilter;
import dev.tack.board.Cards;
import dev.tack.board.Columns;
import dev.tack.board.Queries;
import dev.tack.board.Workspace;
import dev.tack.model.Event;
import dev.tack.model.TackException;

/**
 * Reads the shown board into the {@link BoardModel}: a full read, a refresh of the cards that
 * events name, a switch to another board of the file. It holds the board the screen is on (and
 * the {@code board} services for it), the last event on that board, and why the board cannot be
 * read or saved now, if it cannot.
 */
final class BoardReader {

    /** How far back the first read looks for the board's last event (the status line's "last change"). */
    private static final int LAST_EVENT_LOOKBACK = 200;

    private final BoardModel model;
    /** Told after each read, so the open dialogs see the new board (a form notices a card gone). */
    private final Runnable boardChanged;
    private Workspace workspace;
    private Queries queries;
    private Cards cards;
    private Columns columns;
    private Boards boards;
    private String readProblem;
    private String fileProblem;
    private Event lastEvent;

    BoardReader(Workspace workspace, BoardModel model, Runnable boardChanged) {
        this.model = model;
        this.boardChanged = boardChanged;
        use(workspace);
    }

    private void use(Workspace ws) {
        workspace = ws;
        queries = new Queries(ws);
        cards = new Cards(ws);
        columns = new Columns(ws);
        boards = new Boards(ws);
    }

    /** Reads the board again. Returns false (and keeps why) when it cannot be read. */
    boolean reload() {
        try {
            return show(queries.board(CardFilter.ALL));
        } catch (TackException e) {
            // The board stays on the screen as last read; the status row says so first (a narrow
            // terminal cuts the end), and writes are refused while the problem is there.
            readProblem = (model.loaded() ? "showing the board as last read, nothing can be saved, trying again: " : "cannot read the board: ")
                    + e.getMessage();
            return false;
        }
    }

    /**
     * Shows a board that was just read elsewhere: the launcher reads it before it takes the
     * terminal (a broken file is a plain error then), and the screen's first frame shows that read
     * instead of reading the board a second time. The change feed starts after its last event.
     */
    boolean show(BoardView view) {
        try {
            if (!workspace.pinned()) {
                use(workspace.pinnedTo(view.board())); // follows its board by id through renames
            }
            model.reload(view);
            readProblem = null;
            if (lastEvent == null) {
                lastEvent = lastEventOfBoard(recentEvents(view));
            }
            boardChanged.run();
            return true;
        } catch (TackException e) {
            readProblem = "cannot read the board: " + e.getMessage();
            return false;
        }
    }

    /** Applies events to the shown board, re-reading only the cards they name (a full read when that is not enough). */
    boolean refresh(List<Event> events) {
        if (!model.loaded() || readProblem != null) {
            return reload();
        }
        try {
            model.reload(queries.refresh(model.view(), events));
            boardChanged.run();
            return true;
        } catch (TackException e) {
            readProblem = "cannot read the board: " + e.getMessage();
            return false;
        }
    }

    /** Moves to another board of the same file; the selection starts over. Throws when it cannot be read. */
    BoardView switchTo(String name) {
        Workspace next = workspace.onBoard(name);
        BoardView view = new Queries(next).board(CardFilter.ALL);
        use(next.pinnedTo(view.board()));
        model.resetSelection();
        model.reload(view);
        lastEvent = lastEventOfBoard(recentEvents(view));
        return view;
    }

    private List<Event> recentEvents(BoardView view) {
        return queries.eventsAfter(Math.max(0, view.lastEventId() - LAST_EVENT_LOOKBACK), LAST_EVENT_LOOKBACK);
    }

    /** The id of the last event the shown board includes, or -1 before the first read. */
    long shownEventId() {
        return model.loaded() ? model.view().lastEventId() : -1;
    }

    /** Events committed by anyone (read from the change feed): remembers the last one on this board. */
    void eventsArrived(List<Event> events) {
        Event last = lastEventOfBoard(events);
        if (last != null) {
            lastEvent = last;
        }
    }

    private Event lastEventOfBoard(List<Event> events) {
        long boardId = model.loaded() ? model.view().board().id() : -1;
        Event found = null;
        for (Event event : events) {
            if (event.boardId() == null || event.boardId() == boardId) {
                found = event;
            }
        }
        return found;
    }

    /** The last event on this board, or null. */
    Event lastEvent() {
        return lastEvent;
    }

    /** The board file vanished (deleted or moved) or came back: writes are refused while it is gone. */
    void fileProblem(String problem) {
        fileProblem = problem;
    }

    /** Why the board cannot be read or saved now, or null: the file's problem first. */
    String problem() {
        return fileProblem != null ? fileProblem : readProblem;
    }

    String boardName() {
        return model.loaded() ? model.view().board().name() : "";
    }

    Workspace workspace() {
        return workspace;
    }

    Queries queries() {
        return queries;
    }

    Cards cards() {
        return cards;
    }

    Columns columns() {
        return columns;
    }

    Boards boards() {
        return boards;
    }
}
