package dev.tack.tui;

import java.util.List;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.CardFilter;
import dev.tack.model.Card;
import dev.tack.model.TackException;

/**
 * {@code A}: the archived cards of the shown board, by number as {@code tack ls
 * --archived} lists them. {@code /} opens its filter line (read as the board's filter: words,
 * {@code #4}, {@code tag:x}, {@code @who}, {@code p:2}), {@code r} restores the highlighted card to
 * its column (one board call, off the loop, as every write), Esc clears the filter, then leaves.
 */
final class ArchiveView implements Dialog {

    private final BoardController controller;
    private final TextField filter = new TextField("", false);
    private boolean filtering;
    private List<Card> archived = List.of();
    private List<Card> shown = List.of();
    private int index;
    private String problem;
    /** The card to highlight once it is read (a jump to an archived card opens the view on it). */
    private Long wanted;

    ArchiveView(BoardController controller, Long select) {
        this.controller = controller;
        this.wanted = select;
        refresh();
    }

    @Override
    public void boardChanged() {
        refresh();
    }

    private void refresh() {
        Long current = index < shown.size() ? shown.get(index).id() : null;
        try {
            archived = controller.queries().archived();
            problem = null;
        } catch (TackException e) {
            problem = e.getMessage();
        }
        apply(wanted != null ? wanted : current);
        wanted = null;
    }

    /** Keeps the cards the filter matches; the highlight stays on {@code keep} when it is still listed. */
    private void apply(Long keep) {
        CardFilter parsed = CardFilter.parse(filter.text());
        shown = archived.stream().filter(parsed::matches).toList();
        for (int i = 0; i < shown.size(); i++) {
            if (keep != null && shown.get(i).id() == keep) {
                index = i;
            }
        }
        index = Math.max(0, Math.min(index, shown.size() - 1));
    }

    @Override
    public boolean handle(KeyStroke key) {
        KeyType type = key.getKeyType();
        if (filtering) {
            if (type == KeyType.Escape) {
                filter.set("");
                filtering = false;
                apply(null);
            } else if (type == KeyType.Enter || type == KeyType.Tab) {
                filtering = false;
            } else if (filter.handle(key)) {
                index = 0;
                apply(null);
            }
            return true;
        }
        char c = type == KeyType.Character && !key.isCtrlDown() && !key.isAltDown() ? key.getCharacter() : 0;
        if (type == KeyType.Escape) {
            if (!filter.text().isEmpty()) {
                filter.set("");
                apply(null);
                return true;
            }
            return false;
        }
        if (c == 'q' || c == 'A') {
            return false;
        }
        if (type == KeyType.ArrowDown || c == 'j') {
            index = Math.min(shown.size() - 1, index + 1);
        } else if (type == KeyType.ArrowUp || c == 'k') {
            index = Math.max(0, index - 1);
        } else if (type == KeyType.Home || c == 'g') {
            index = 0;
        } else if (type == KeyType.End || c == 'G') {
            index = Math.max(0, shown.size() - 1);
        } else if (c == '/') {
            filtering = true;
        } else if (c == 'r' && !shown.isEmpty()) {
            Card card = shown.get(index);
            controller.submit(() -> controller.cards().restore(card.id()), null, outcome -> {
                if (outcome instanceof WriteOutcome.Done done && done.result() instanceof Card restored) {
                    controller.model().select(restored.id());
                    controller.info("restored #" + restored.id() + " to " + restored.column());
                }
            });
        }
        return true;
    }

    @Override
    public void render(Canvas canvas, Layout layout) {
        int[] box = Dialog.centred(layout, 80, layout.height() - 4);
        int x = box[0];
        int y = box[1];
        int w = box[2];
        canvas.box(x, y, w, box[3], "Archived on " + controller.boardName(), Form.BORDER, Pen.PLAIN);
        if (filtering || !filter.text().isEmpty()) {
            canvas.text(x + 2, y + 1, "/", 1, Form.LABEL);
            filter.render(canvas, x + 3, y + 1, w - 5, 1, filtering, Form.FIELD);
        } else {
            canvas.line(x + 2, y + 1, archived.size() + (archived.size() == 1 ? " archived card" : " archived cards"), w - 4,
                    BoardRenderer.DIM);
        }
        int rows = box[3] - 5;
        int first = Math.max(0, Math.min(index - rows + 1, shown.size() - rows));
        first = Math.max(0, Math.min(first, index));
        if (shown.isEmpty()) {
            canvas.line(x + 2, y + 2, archived.isEmpty() ? "(nothing archived)" : "(none match)", w - 4, BoardRenderer.DIM);
        }
        for (int i = 0; i < rows && first + i < shown.size(); i++) {
            Card card = shown.get(first + i);
            Pen pen = first + i == index ? Pen.PLAIN.reverse() : Pen.PLAIN;
            canvas.line(x + 2, y + 2 + i, "#" + card.id() + " " + card.title() + "  (from " + card.column() + ")", w - 4, pen);
        }
        String foot = problem != null ? problem
                : filtering ? "type to filter · Enter keep · Esc clear"
                : "r restore · / filter · ↑/↓ pick · Esc " + (filter.text().isEmpty() ? "back" : "clear the filter");
        canvas.line(x + 2, y + box[3] - 2, foot, w - 4, problem != null ? BoardRenderer.ERROR : BoardRenderer.DIM);
    }
}
