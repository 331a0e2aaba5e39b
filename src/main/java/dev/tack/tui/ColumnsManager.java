package dev.tack.tui;

import java.util.List;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.model.Column;

/**
 * The columns of the board: add, rename, reorder, set or clear the WIP limit, remove. Each key is
 * one call into {@link dev.tack.board.Columns}; the list follows other processes' changes live.
 */
final class ColumnsManager implements Dialog {

    private final BoardController controller;
    private int index;

    ColumnsManager(BoardController controller) {
        this.controller = controller;
        this.index = controller.model().laneIndex();
    }

    private List<BoardModel.Lane> lanes() {
        return controller.model().lanes();
    }

    @Override
    public boolean handle(KeyStroke key) {
        KeyType type = key.getKeyType();
        char c = type == KeyType.Character && !key.isCtrlDown() ? key.getCharacter() : 0;
        List<BoardModel.Lane> lanes = lanes();
        index = Math.max(0, Math.min(index, lanes.size() - 1));
        Column column = lanes.isEmpty() ? null : lanes.get(index).column();
        if (type == KeyType.Escape || c == 'q' || c == 'C') {
            return false;
        }
        if ((type == KeyType.ArrowDown && !key.isShiftDown()) || c == 'j') {
            index = Math.min(lanes.size() - 1, index + 1);
        } else if ((type == KeyType.ArrowUp && !key.isShiftDown()) || c == 'k') {
            index = Math.max(0, index - 1);
        } else if (c == 'a') {
            int at = lanes.isEmpty() ? 0 : index + 1;
            controller.push(new Form("New column", List.of(Form.Field.line("name", "Name", ""),
                    Form.Field.line("wip", "WIP limit", "")), form -> {
                        String name = form.value("name").strip();
                        Limit limit;
                        try {
                            limit = Limit.parse(form.value("wip"));
                        } catch (IllegalArgumentException e) {
                            return new Form.Saved.Refused(e.getMessage());
                        }
                        return controller.saveFrom(form, () -> controller.columns().add(name, limit.value, limit.hard, at),
                                "added column " + name, outcome -> {
                                    if (outcome instanceof WriteOutcome.Done) {
                                        index = at;
                                    }
                                });
                    }));
        } else if (column != null && c == 'r') {
            controller.push(new Form("Rename column " + column.name(), List.of(Form.Field.line("name", "New name", column.name())),
                    form -> controller.saveFrom(form, () -> controller.columns().rename(column.name(), form.value("name")),
                            "renamed column " + column.name(), null)));
        } else if (column != null && (c == 'K' || c == 'H' || type == KeyType.ArrowUp && key.isShiftDown())) {
            if (index > 0) {
                moveTo(column, index - 1);
            }
        } else if (column != null && (c == 'J' || c == 'L' || type == KeyType.ArrowDown && key.isShiftDown())) {
            if (index < lanes.size() - 1) {
                moveTo(column, index + 1);
            }
        } else if (column != null && c == 'w') {
            String current = column.wipLimit() == null ? "" : column.wipLimit() + (column.wipHard() ? "!" : "");
            controller.push(new Form("WIP limit of " + column.name(), List.of(Form.Field.value("wip", "Limit", current)), form -> {
                Limit limit;
                try {
                    limit = Limit.parse(form.value("wip"));
                } catch (IllegalArgumentException e) {
                    return new Form.Saved.Refused(e.getMessage());
                }
                return controller.saveFrom(form, () -> controller.columns().limit(column.name(), limit.value, limit.hard),
                        limit.value == null ? "cleared the WIP limit of " + column.name()
                                : "WIP limit of " + column.name() + ": " + limit.value + (limit.hard ? " (hard)" : ""), null);
            }));
        } else if (column != null && (c == 'x' || c == 'd' || type == KeyType.Delete)) {
            controller.push(new Confirm("Remove column", "Remove column " + column.name() + "? (only an empty column can go)",
                    () -> controller.submit(() -> {
                        controller.columns().remove(column.name());
                        return null;
                    }, "removed column " + column.name(), null)));
        }
        return true;
    }

    /** Moves {@code column} to {@code to} off the loop; the highlight follows it once it moved. */
    private void moveTo(Column column, int to) {
        controller.submit(() -> controller.columns().move(column.name(), to), null, outcome -> {
            if (outcome instanceof WriteOutcome.Done) {
                index = to;
            }
        });
    }

    /** A WIP limit as typed: a number, with {@code !} (or "hard") for a hard limit; empty clears it. */
    record Limit(Integer value, boolean hard) {
        static Limit parse(String text) {
            String t = text.strip().toLowerCase(java.util.Locale.ROOT);
            if (t.isEmpty() || t.equals("none") || t.equals("-")) {
                return new Limit(null, false);
            }
            boolean hard = t.endsWith("!") || t.endsWith("hard");
            String digits = t.replace("!", "").replace("hard", "").strip();
            try {
                int n = Integer.parseInt(digits);
                if (n < 1) {
                    throw new NumberFormatException();
                }
                return new Limit(n, hard);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a WIP limit is a number of at least 1, like 3 (or 3! for a hard limit); empty clears it");
            }
        }
    }

    @Override
    public void render(Canvas canvas, Layout layout) {
        List<BoardModel.Lane> lanes = lanes();
        index = Math.max(0, Math.min(index, lanes.size() - 1));
        int[] box = Dialog.centred(layout, 60, Math.max(lanes.size(), 1) + 6);
        canvas.box(box[0], box[1], box[2], box[3], "Columns of " + controller.boardName(), Form.BORDER, Pen.PLAIN);
        int rows = box[3] - 5;
        int first = Math.max(0, Math.min(index, Math.max(0, index - rows + 1)));
        if (lanes.isEmpty()) {
            canvas.text(box[0] + 2, box[1] + 1, "No columns yet: press a to add one.", box[2] - 4, BoardRenderer.DIM);
        }
        for (int i = 0; i < rows && first + i < lanes.size(); i++) {
            BoardModel.Lane lane = lanes.get(first + i);
            Column column = lane.column();
            String wip = column.wipLimit() == null ? "no WIP limit" : "WIP " + column.wipLimit() + (column.wipHard() ? " hard" : " soft");
            String line = (first + i + 1) + ". " + column.name();
            Pen pen = first + i == index ? Pen.PLAIN.reverse() : Pen.PLAIN;
            canvas.fill(box[0] + 2, box[1] + 1 + i, box[2] - 4, 1, pen);
            int used = canvas.text(box[0] + 2, box[1] + 1 + i, line, (box[2] - 4) / 2, pen.bold());
            String right = lane.total() + (lane.total() == 1 ? " card · " : " cards · ") + wip;
            canvas.rightAligned(box[0] + box[2] - 2, box[1] + 1 + i, right, box[2] - 5 - used,
                    lane.overLimit() ? BoardRenderer.OVER_LIMIT : pen);
        }
        canvas.line(box[0] + 2, box[1] + box[3] - 3, "a add · r rename · K/J reorder · x remove · Esc close",
                box[2] - 4, BoardRenderer.DIM);
        canvas.line(box[0] + 2, box[1] + box[3] - 2, "w WIP limit: 3 soft, 3! hard, empty for none", box[2] - 4, BoardRenderer.DIM);
    }
}
