package dev.tack.tui;

import java.util.List;
import java.util.function.LongConsumer;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.CardFilter;
import dev.tack.board.Queries;
import dev.tack.model.TackException;

/**
 * {@code F}: cards of every board of the database that match what is typed (read as the filter
 * line reads it: words, {@code #4}, {@code tag:x}, {@code @who}, {@code p:2}), listed with their
 * board and column as the person types; archived ones come last, marked. Enter goes to the
 * highlighted card ({@link BoardController#goTo}, switching board when it is on another).
 */
final class SearchDialog implements Dialog {

    /** At most this many matches are read and listed: the list is for picking, not for counting. */
    static final int LIMIT = 200;

    private final BoardController controller;
    private final LongConsumer go;
    private final TextField query = new TextField("", false);
    private List<Queries.Found> found = List.of();
    private String problem;
    private int index;
    private String searched;

    SearchDialog(BoardController controller, LongConsumer go) {
        this.controller = controller;
        this.go = go;
    }

    @Override
    public void boardChanged() {
        searched = null; // another process changed cards: search again at the next draw
    }

    /** Reads the matches for the text typed (one read over every board), unless it was just read. */
    private void search() {
        String text = query.text();
        if (text.equals(searched)) {
            return;
        }
        searched = text;
        if (text.isBlank()) {
            found = List.of();
            problem = null;
            return;
        }
        try {
            found = controller.queries().search(CardFilter.parse(text), true, LIMIT);
            problem = null;
        } catch (TackException e) {
            found = List.of();
            problem = e.getMessage();
        }
        index = Math.max(0, Math.min(index, found.size() - 1));
    }

    @Override
    public boolean handle(KeyStroke key) {
        KeyType type = key.getKeyType();
        if (type == KeyType.Escape) {
            return false;
        }
        if (type == KeyType.ArrowDown || type == KeyType.Tab) {
            index = Math.min(found.size() - 1, index + 1);
            return true;
        }
        if (type == KeyType.ArrowUp || type == KeyType.ReverseTab) {
            index = Math.max(0, index - 1);
            return true;
        }
        if (type == KeyType.Enter) {
            search();
            if (found.isEmpty()) {
                controller.error(query.text().isBlank() ? "type what to find" : "no card matches " + query.text());
                return true;
            }
            go.accept(found.get(index).card().id());
            return false;
        }
        if (query.handle(key)) {
            index = 0;
            search();
        }
        return true;
    }

    @Override
    public void render(Canvas canvas, Layout layout) {
        search();
        int[] box = Dialog.centred(layout, 90, layout.height() - 4);
        int x = box[0];
        int y = box[1];
        int w = box[2];
        canvas.box(x, y, w, box[3], "Find on every board", Form.BORDER, Pen.PLAIN);
        query.render(canvas, x + 2, y + 1, w - 4, 1, true, Form.FIELD);
        int rows = box[3] - 5;
        int first = Math.max(0, Math.min(index - rows + 1, found.size() - rows));
        first = Math.max(0, Math.min(first, index));
        for (int i = 0; i < rows && first + i < found.size(); i++) {
            Queries.Found f = found.get(first + i);
            String where = f.board() + " / " + (f.card().archived() ? "archived" : f.card().column());
            Pen pen = first + i == index ? Pen.PLAIN.reverse() : f.card().archived() ? BoardRenderer.DIM : Pen.PLAIN;
            String line = "#" + f.card().id() + " " + f.card().title();
            int whereWidth = Math.min(dev.tack.text.Width.of(Canvas.displayable(where)), (w - 4) / 2);
            canvas.line(x + 2, y + 2 + i, line, w - 4, pen);
            canvas.rightAligned(x + w - 2, y + 2 + i, " " + where, whereWidth + 1, pen.equals(Pen.PLAIN) ? BoardRenderer.DIM : pen);
        }
        String foot = problem != null ? problem
                : query.text().isBlank() ? "words, #4, tag:x, @who, p:2 · ↑/↓ pick · Enter go · Esc close"
                : (found.size() >= LIMIT ? "the first " + LIMIT : found.size() + (found.size() == 1 ? " card" : " cards"))
                + " · ↑/↓ pick · Enter go · Esc close";
        canvas.line(x + 2, y + box[3] - 2, foot, w - 4, problem != null ? BoardRenderer.ERROR : BoardRenderer.DIM);
    }
}
