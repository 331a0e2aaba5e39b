package dev.tack.tui;

import java.util.List;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.Column;
import dev.tack.model.TackException;

/**
 * {@code M}: moves the selected card to another board of the database, as
 * {@code tack mv ID COLUMN --to-board BOARD} does ({@link dev.tack.board.Cards#moveToBoard}): the
 * person picks the board, then one of its columns; Enter moves, Esc (or Backspace) steps back.
 * The card keeps its id, comments, checklist, links and history; undo stays on one board, so the
 * move cannot be undone with {@code u}, and the status row says so.
 */
final class BoardMovePicker implements Dialog {

    private final BoardController controller;
    private final Card card;
    private final String from;
    private List<Board> boards = List.of();
    /** The board picked, once the columns are listed; null while boards are. */
    private Board board;
    private List<Column> columns = List.of();
    private int index;
    private String problem;

    BoardMovePicker(BoardController controller, Card card) {
        this.controller = controller;
        this.card = card;
        this.from = controller.boardName();
        try {
            boards = controller.boards().list().stream().filter(b -> b.id() != card.boardId()).toList();
        } catch (TackException e) {
            problem = e.getMessage();
        }
    }

    /** Whether there is any other board to move to (the controller says so instead of opening an empty list). */
    boolean hasBoards() {
        return !boards.isEmpty();
    }

    private int size() {
        return board == null ? boards.size() : columns.size();
    }

    @Override
    public boolean handle(KeyStroke key) {
        KeyType type = key.getKeyType();
        char c = type == KeyType.Character && !key.isCtrlDown() ? key.getCharacter() : 0;
        if (type == KeyType.Escape || type == KeyType.Backspace || c == 'q') {
            if (board != null) {
                board = null;
                index = 0;
                problem = null;
                return true;
            }
            controller.info("not moved");
            return false;
        }
        if (type == KeyType.ArrowDown || c == 'j') {
            index = Math.min(size() - 1, index + 1);
        } else if (type == KeyType.ArrowUp || c == 'k') {
            index = Math.max(0, index - 1);
        } else if (type == KeyType.Enter && size() > 0) {
            if (board == null) {
                Board picked = boards.get(index);
                try {
                    columns = controller.queries().columnsOf(picked.name());
                    board = picked;
                    index = 0;
                    problem = columns.isEmpty() ? "board " + picked.name() + " has no columns" : null;
                } catch (TackException e) {
                    problem = e.getMessage();
                }
                return true;
            }
            String target = board.name();
            String column = columns.get(index).name();
            controller.submit(() -> controller.cards().moveToBoard(card.id(), target, column, null, null),
                    "moved #" + card.id() + " to " + target + " / " + column + " (its history goes with it; not undoable: move it back with M)",
                    null);
            return false;
        }
        return true;
    }

    @Override
    public void render(Canvas canvas, Layout layout) {
        int[] box = Dialog.centred(layout, 56, Math.max(size(), 1) + 6);
        canvas.box(box[0], box[1], box[2], box[3], "Move #" + card.id() + " to another board", Form.BORDER, Pen.PLAIN);
        String step = board == null ? "Which board? (from " + from + ")" : "Which column of " + board.name() + "?";
        canvas.line(box[0] + 2, box[1] + 1, step, box[2] - 4, Pen.PLAIN.bold());
        int rows = box[3] - 5;
        int first = Math.max(0, Math.min(index - rows + 1, size() - rows));
        first = Math.max(0, Math.min(first, index));
        for (int i = 0; i < rows && first + i < size(); i++) {
            String name = board == null ? boards.get(first + i).name() : columns.get(first + i).name();
            canvas.line(box[0] + 2, box[1] + 2 + i, "  " + name, box[2] - 4, first + i == index ? Pen.PLAIN.reverse() : Pen.PLAIN);
        }
        if (problem != null) {
            canvas.line(box[0] + 2, box[1] + box[3] - 3, problem, box[2] - 4, BoardRenderer.ERROR);
        }
        canvas.line(box[0] + 2, box[1] + box[3] - 2, board == null ? "⏎ pick · Esc cancel" : "⏎ move here · Esc back", box[2] - 4,
                BoardRenderer.DIM);
    }
}
