package dev.tack.tui;

import java.util.List;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.Boards;
import dev.tack.model.Board;
import dev.tack.model.TackException;

/** The boards of the file: Enter switches, {@code a} adds one, {@code r} renames the highlighted one. */
final class BoardSwitcher implements Dialog {

    private final BoardController controller;
    private List<Board> boards = List.of();
    private int index;
    private String problem;

    BoardSwitcher(BoardController controller) {
        this.controller = controller;
        refresh();
        for (int i = 0; i < boards.size(); i++) {
            if (boards.get(i).name().equals(controller.boardName())) {
                index = i;
            }
        }
    }

    @Override
    public void boardChanged() {
        refresh();
    }

    private void refresh() {
        String current = index < boards.size() ? boards.get(index).name() : null;
        try {
            boards = controller.boards().list();
            problem = null;
        } catch (TackException e) {
            problem = e.getMessage();
        }
        for (int i = 0; i < boards.size(); i++) {
            if (boards.get(i).name().equals(current)) {
                index = i;
            }
        }
        index = Math.max(0, Math.min(index, boards.size() - 1));
    }

    @Override
    public boolean handle(KeyStroke key) {
        KeyType type = key.getKeyType();
        char c = type == KeyType.Character && !key.isCtrlDown() ? key.getCharacter() : 0;
        if (type == KeyType.Escape || c == 'q' || c == 'b') {
            return false;
        }
        if (type == KeyType.ArrowDown || c == 'j') {
            index = Math.min(boards.size() - 1, index + 1);
        } else if (type == KeyType.ArrowUp || c == 'k') {
            index = Math.max(0, index - 1);
        } else if (type == KeyType.Enter && !boards.isEmpty()) {
            return controller.switchBoard(boards.get(index).name()) != null;
        } else if (c == 'a') {
            controller.push(new Form("New board", List.of(
                    Form.Field.line("name", "Name", ""),
                    Form.Field.line("columns", "Columns", String.join(", ", Boards.DEFAULT_COLUMNS))), form -> {
                        String name = form.value("name").strip();
                        List<String> columns = List.of(form.value("columns").split("\\s*,\\s*")).stream()
                                .filter(s -> !s.isBlank()).toList();
                        return controller.saveFrom(form, () -> controller.boards().add(name, columns), "added board " + name, outcome -> {
                            if (outcome instanceof WriteOutcome.Done) {
                                refresh();
                                controller.switchBoard(name);
                            }
                        });
                    }));
        } else if (c == 'r' && !boards.isEmpty()) {
            String old = boards.get(index).name();
            // Renaming main changes what tack opens without --board (the oldest board then): say so.
            String title = !old.equals(dev.tack.board.Workspace.DEFAULT_BOARD) || boards.size() < 2 ? "Rename board " + old
                    : "Rename main: without --board tack then opens " + (boards.get(0).name().equals(old) ? "it (oldest)" : boards.get(0).name());
            controller.push(new Form(title, List.of(Form.Field.line("name", "New name", old)), form -> {
                String name = form.value("name").strip();
                return controller.saveFrom(form, () -> controller.boards().rename(old, name), "renamed board " + old + " to " + name,
                        outcome -> {
                            if (outcome instanceof WriteOutcome.Done && old.equals(controller.boardName())) {
                                controller.switchBoard(name);
                            }
                            refresh();
                        });
            }));
        }
        return true;
    }

    @Override
    public void render(Canvas canvas, Layout layout) {
        int[] box = Dialog.centred(layout, 50, boards.size() + 5);
        canvas.box(box[0], box[1], box[2], box[3], "Boards", Form.BORDER, Pen.PLAIN);
        int rows = box[3] - 4;
        int first = Math.max(0, Math.min(index - rows + 1, boards.size() - rows));
        first = Math.max(0, Math.min(first, index));
        for (int i = 0; i < rows && first + i < boards.size(); i++) {
            Board board = boards.get(first + i);
            boolean current = board.name().equals(controller.boardName());
            Pen pen = first + i == index ? Pen.PLAIN.reverse() : Pen.PLAIN;
            canvas.line(box[0] + 2, box[1] + 1 + i, (current ? "● " : "  ") + board.name(), box[2] - 4, pen);
        }
        if (problem != null) {
            canvas.line(box[0] + 2, box[1] + box[3] - 3, problem, box[2] - 4, BoardRenderer.ERROR);
        }
        canvas.line(box[0] + 2, box[1] + box[3] - 2, "⏎ switch · a add · r rename · Esc close", box[2] - 4, BoardRenderer.DIM);
    }
}
