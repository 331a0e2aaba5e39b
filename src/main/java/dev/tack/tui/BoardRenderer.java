package dev.tack.tui;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.tack.board.BoardView;
import dev.tack.model.Card;
import dev.tack.model.Run;
import dev.tack.text.Width;

/**
 * Draws the board: a pure function of the model, the layout (the terminal's size), the status and
 * the instant it is drawn for, onto a {@link Canvas}. No database, no terminal, no clock of its own:
 * the tests render onto Lanterna's virtual terminal or a plain text image, at the time they choose.
 */
final class BoardRenderer {

    static final Pen TITLE = Pen.PLAIN.reverse();
    static final Pen HEADER = Pen.PLAIN.bold();
    static final Pen HEADER_CURRENT = Pen.PLAIN.bold().with(SGR.UNDERLINE).fg(TextColor.ANSI.CYAN);
    static final Pen OVER_LIMIT = Pen.PLAIN.bold().fg(TextColor.ANSI.WHITE).bg(TextColor.ANSI.RED);
    static final Pen AT_HARD_LIMIT = Pen.PLAIN.bold().fg(TextColor.ANSI.YELLOW);
    static final Pen DIM = Pen.PLAIN.fg(TextColor.ANSI.BLACK_BRIGHT);
    static final Pen SEPARATOR = DIM;
    static final Pen ERROR = Pen.PLAIN.bold().fg(TextColor.ANSI.RED);
    static final Pen INFO = Pen.PLAIN.fg(TextColor.ANSI.GREEN);
    static final Pen WAITING = Pen.PLAIN.bold().fg(TextColor.ANSI.YELLOW);
    static final Pen PROBLEM = Pen.PLAIN.bold().fg(TextColor.ANSI.WHITE).bg(TextColor.ANSI.RED);
    static final Pen DUE = Pen.PLAIN.fg(TextColor.ANSI.YELLOW);
    static final Pen OVERDUE = Pen.PLAIN.bold().fg(TextColor.ANSI.RED);
    static final Pen ASSIGNEE = Pen.PLAIN.fg(TextColor.ANSI.MAGENTA_BRIGHT);
    static final Pen WORKER = Pen.PLAIN.bold().fg(TextColor.ANSI.BLUE_BRIGHT);
    static final Pen FAILED = Pen.PLAIN.bold().fg(TextColor.ANSI.RED);
    static final Pen DROP_TARGET = Pen.PLAIN.bold().fg(TextColor.ANSI.BLACK).bg(TextColor.ANSI.YELLOW);
    private static final Pen[] PRIORITY = {Pen.PLAIN, Pen.PLAIN.fg(TextColor.ANSI.YELLOW),
        Pen.PLAIN.fg(TextColor.ANSI.RED), Pen.PLAIN.bold().fg(TextColor.ANSI.RED)};
    private static final String[] PRIORITY_MARK = {"", "!", "!!", "!!!"};
    private static final TextColor[] TAG_COLOURS = {TextColor.ANSI.CYAN, TextColor.ANSI.GREEN, TextColor.ANSI.BLUE_BRIGHT,
        TextColor.ANSI.MAGENTA, TextColor.ANSI.CYAN_BRIGHT, TextColor.ANSI.GREEN_BRIGHT, TextColor.ANSI.YELLOW_BRIGHT,
        TextColor.ANSI.BLUE};

    private final LocalDate today;
    private final long nowMillis;
    /** Which of id, priority, tags, due, assignee a card shows (the config's card_fields). */
    private final java.util.Set<String> fields;
    /** The config's pattern for due dates, or null for tack's own ("Dec 31"). */
    private final java.time.format.DateTimeFormatter dates;
    /** The marks cards show, and their glyphs. */
    private final CardMarks glyphs;
    /** Whether a long title goes on to a second row (the layout then gives each card three rows). */
    private final boolean wrapTitles;

    /** Draws as at {@code now} (due dates by its day, a worker's elapsed time and a stale lease by its instant). */
    BoardRenderer(ZonedDateTime now) {
        this(now, ScreenSettings.DEFAULT.cardFields(), null);
    }

    BoardRenderer(ZonedDateTime now, java.util.Set<String> fields, java.time.format.DateTimeFormatter dates) {
        this(now, fields, dates, CardMarks.DEFAULT, false);
    }

    BoardRenderer(ZonedDateTime now, java.util.Set<String> fields, java.time.format.DateTimeFormatter dates, CardMarks glyphs,
                  boolean wrapTitles) {
        this.today = now.toLocalDate();
        this.nowMillis = now.toInstant().toEpochMilli();
        this.fields = fields;
        this.dates = dates;
        this.glyphs = glyphs;
        this.wrapTitles = wrapTitles;
    }

    /**
     * Draws everything but dialogs. {@code dropLane} is the lane a dragged card would land in
     * (or -1).
     */
    void render(Canvas canvas, Layout layout, BoardModel model, Status status, int dropLane) {
        canvas.fill(0, 0, canvas.width(), canvas.height(), Pen.PLAIN);
        if (layout.tooSmall()) {
            tooSmall(canvas, layout);
            return;
        }
        titleBar(canvas, layout, model, status.overdue());
        if (!model.loaded()) {
            canvas.text(1, Layout.BODY_TOP, "Loading…", layout.width() - 2, DIM);
        } else if (model.lanes().isEmpty()) {
            canvas.text(1, Layout.BODY_TOP, "This board has no columns: press C to add one.", layout.width() - 2, DIM);
        } else {
            for (int i = 0; i < layout.lanesVisible(); i++) {
                int laneIndex = model.firstLane() + i;
                if (laneIndex >= model.lanes().size()) {
                    break;
                }
                lane(canvas, layout, model, i, laneIndex, laneIndex == dropLane);
                if (i < layout.lanesVisible() - 1) {
                    int x = layout.laneX(i) + layout.laneWidth(i);
                    for (int y = Layout.HEADER_ROW; y < Layout.BODY_TOP + layout.bodyRows(); y++) {
                        canvas.put(x, y, '│', SEPARATOR);
                    }
                }
            }
        }
        statusRow(canvas, layout, model, status);
        canvas.line(0, layout.hintRow(), hints(status.hints(), layout.width()), layout.width(), DIM);
    }

    /**
     * The hint row for {@code columns}: the hints marked always (help, quit) at its end, and before
     * them as many of the others, in order, as fit whole. A hint is never cut in the middle.
     */
    static String hints(List<KeyMap.Hint> hints, int columns) {
        String separator = " · ";
        String tail = String.join(separator, hints.stream().filter(KeyMap.Hint::always).map(KeyMap.Hint::text).toList());
        StringBuilder head = new StringBuilder();
        for (KeyMap.Hint hint : hints) {
            if (hint.always()) {
                continue;
            }
            String longer = head + hint.text() + separator;
            if (Width.of(longer + tail) > columns) {
                break;
            }
            head.setLength(0);
            head.append(longer);
        }
        return tail.isEmpty() && head.length() >= separator.length() ? head.substring(0, head.length() - separator.length()) : head + tail;
    }

    static void tooSmall(Canvas canvas, Layout layout) {
        String[] lines = {"Terminal too small",
            layout.width() + "×" + layout.height() + ", needs " + Layout.MIN_WIDTH + "×" + Layout.MIN_HEIGHT,
            "enlarge it, or press q to quit"};
        int top = Math.max(0, (layout.height() - lines.length) / 2);
        for (int i = 0; i < lines.length && top + i < layout.height(); i++) {
            int w = Math.min(layout.width(), Width.of(lines[i]));
            canvas.text(Math.max(0, (layout.width() - w) / 2), top + i, lines[i], layout.width(), i == 0 ? ERROR : Pen.PLAIN);
        }
    }

    private void titleBar(Canvas canvas, Layout layout, BoardModel model, Status.Overdue overdue) {
        canvas.fill(0, Layout.TITLE_ROW, layout.width(), 1, TITLE);
        String right;
        if (!model.loaded()) {
            right = "";
        } else if (model.filtered()) {
            right = "filter: " + model.filterText() + "  (" + model.shownCount() + " of " + model.view().cardCount() + " cards) ";
        } else {
            right = model.view().cardCount() + (model.view().cardCount() == 1 ? " card " : " cards ");
        }
        if (model.loaded() && !overdue.text().isEmpty()) {
            right = overdue.text() + " · " + right;
        }
        int rightWidth = Math.min(Width.of(Canvas.displayable(right)), layout.width() / 2);
        int used = canvas.text(0, Layout.TITLE_ROW, " tack ", layout.width(), TITLE);
        if (model.loaded()) {
            canvas.text(used, Layout.TITLE_ROW, "▸ " + model.view().board().name(), layout.width() - used - rightWidth - 1, TITLE.bold());
        }
        canvas.rightAligned(layout.width(), Layout.TITLE_ROW, right, rightWidth, TITLE);
    }

    private void lane(Canvas canvas, Layout layout, BoardModel model, int visibleIndex, int laneIndex, boolean dropTarget) {
        BoardModel.Lane lane = model.lanes().get(laneIndex);
        int x = layout.laneX(visibleIndex);
        int w = layout.laneWidth(visibleIndex);
        boolean current = laneIndex == model.laneIndex();
        header(canvas, layout, model, lane, x, w, visibleIndex, laneIndex, current, dropTarget);
        List<Card> cards = lane.cards();
        int scroll = model.scroll(laneIndex);
        if (cards.isEmpty()) {
            Pen pen = current ? DIM.reverse() : DIM;
            canvas.line(x, Layout.BODY_TOP, model.filtered() && lane.total() > 0 ? " (none match)" : " (empty)", w, pen);
            return;
        }
        long selectedId = model.selectedCard().map(Card::id).orElse(-1L);
        for (int slot = 0; slot < layout.slots() && scroll + slot < cards.size(); slot++) {
            int y = Layout.BODY_TOP + slot * layout.cardRows();
            if (y + layout.cardRows() - 1 >= Layout.BODY_TOP + layout.bodyRows()) {
                break;
            }
            Card card = cards.get(scroll + slot);
            card(canvas, x, y, w, layout.cardRows(), card, card.id() == selectedId, model.view().runOf(card.id()).orElse(null),
                    model.view().marks());
        }
    }

    private void header(Canvas canvas, Layout layout, BoardModel model, BoardModel.Lane lane, int x, int w,
                        int visibleIndex, int laneIndex, boolean current, boolean dropTarget) {
        Pen base = dropTarget ? DROP_TARGET : current ? HEADER_CURRENT : HEADER;
        canvas.fill(x, Layout.HEADER_ROW, w, 1, dropTarget ? DROP_TARGET : Pen.PLAIN);
        int col = x;
        if (visibleIndex == 0 && model.firstLane() > 0) {
            col += canvas.text(col, Layout.HEADER_ROW, "◀ ", w, base);
        }
        int scroll = model.scroll(laneIndex);
        int below = Math.max(0, lane.cards().size() - scroll - layout.slots());
        String arrows = (scroll > 0 ? "▲" + scroll : "") + (below > 0 ? "▼" + below : "");
        boolean moreRight = visibleIndex == layout.lanesVisible() - 1 && model.firstLane() + layout.lanesVisible() < model.lanes().size();
        String right = (arrows.isEmpty() ? "" : arrows + " ") + (moreRight ? "▶" : "");
        int rightWidth = Width.of(right);
        String count = model.filtered() && lane.cards().size() != lane.total()
                ? lane.cards().size() + " of " + lane.total() : String.valueOf(lane.total());
        String limit = lane.column().wipLimit() == null ? "" : "/" + lane.column().wipLimit();
        ColumnSort sort = model.sort(lane.column().id());
        String sorted = sort == ColumnSort.BOARD ? "" : sort.label() + " ";
        int room = x + w - col - rightWidth - 1;
        String name = Width.cut(Canvas.displayable(lane.column().name()), Math.max(1, room - Width.of(count + limit + sorted) - 1));
        col += canvas.text(col, Layout.HEADER_ROW, name + " ", room, base);
        if (!sorted.isEmpty()) {
            // The view's order, not the board's: said beside the name, so nobody takes it for the column's own.
            col += canvas.text(col, Layout.HEADER_ROW, sorted, x + w - col - rightWidth, dropTarget ? base : base.with(SGR.ITALIC));
        }
        Integer wip = lane.column().wipLimit();
        if (lane.overLimit()) {
            col += canvas.text(col, Layout.HEADER_ROW, count + limit, x + w - col - rightWidth, OVER_LIMIT);
        } else if (wip != null && lane.total() >= wip && lane.column().wipHard()) {
            col += canvas.text(col, Layout.HEADER_ROW, count + limit + " full", x + w - col - rightWidth, AT_HARD_LIMIT);
        } else {
            col += canvas.text(col, Layout.HEADER_ROW, count + limit, x + w - col - rightWidth, dropTarget ? base : DIM.bold());
        }
        if (!right.isEmpty()) {
            canvas.text(x + w - rightWidth, Layout.HEADER_ROW, right, rightWidth, dropTarget ? base : DIM);
        }
    }

    private void card(Canvas canvas, int x, int y, int w, int rows, Card card, boolean selected, Run run, BoardView.Marks marks) {
        Pen base = selected ? Pen.PLAIN.reverse() : Pen.PLAIN;
        canvas.fill(x, y, w, rows, base);
        int col = x + 1;
        int end = x + w - 1;
        if (card.priority() > 0 && fields.contains("priority")) {
            col += canvas.text(col, y, PRIORITY_MARK[card.priority()] + " ", end - col, pen(PRIORITY[card.priority()], selected));
        }
        title(canvas, col, x + 1, y, end, rows - 1, card.title(), selected ? base.bold() : base);
        y += rows - 1; // the row of fields and marks
        col = x + 1;
        if (fields.contains("id")) {
            col += canvas.text(col, y, "#" + card.id(), end - col, pen(DIM, selected));
        }
        // What the card waits for (the first card not done yet) and its checklist come first: they say whether it can be worked.
        java.util.List<Long> waiting = marks.waitingFor(card.id());
        if (!waiting.isEmpty() && !glyphs.waiting().isEmpty()) {
            col = item(canvas, col, y, end, glyphs.waiting() + " #" + waiting.get(0) + (waiting.size() > 1 ? "+" + (waiting.size() - 1) : ""),
                    pen(Pen.PLAIN.bold(), selected));
        }
        var checklist = marks.checklist(card.id());
        if (checklist.isPresent() && !glyphs.checklist().isEmpty()) {
            col = item(canvas, col, y, end, glyphs.checklist() + " " + checklist.get().done() + "/" + checklist.get().total(), pen(DIM, selected));
        }
        // Then what there is to read in the details: a description, comments (how many).
        if (!card.description().isBlank() && !glyphs.description().isEmpty()) {
            col = item(canvas, col, y, end, glyphs.description(), pen(DIM, selected));
        }
        int comments = marks.comments(card.id());
        if (comments > 0 && !glyphs.comments().isEmpty()) {
            col = item(canvas, col, y, end, glyphs.comments() + comments, pen(DIM, selected));
        }
        if (card.claimed()) {
            // A card being worked shows who has it, for how long, and its latest output line, instead of its fields.
            boolean stale = card.claim().leaseUntilMillis() < nowMillis;
            String since = run == null ? "" : " " + Times.elapsed(run.startedAt(), nowMillis);
            col = item(canvas, col, y, end, "⚙ " + card.claim().worker() + (stale ? " (stale)" : since), pen(WORKER, selected));
            String last = run == null ? "" : lastLine(run.outputTail());
            if (!last.isEmpty()) {
                item(canvas, col, y, end, "› " + last, pen(DIM, selected));
            }
            return;
        }
        for (String tag : fields.contains("tags") ? card.tags() : List.<String>of()) {
            col = item(canvas, col, y, end, "#" + tag, pen(Pen.PLAIN.fg(tagColour(tag)), selected));
        }
        if (card.due() != null && fields.contains("due")) {
            boolean overdue = card.due().isBefore(today);
            String due = (overdue ? "overdue " : "due ") + shortDate(card.due());
            col = item(canvas, col, y, end, due, pen(overdue ? OVERDUE : card.due().equals(today) ? DUE.bold() : DUE, selected));
        }
        if (card.assignee() != null && fields.contains("assignee")) {
            col = item(canvas, col, y, end, "@" + card.assignee(), pen(ASSIGNEE, selected));
        }
        if (card.failed()) {
            item(canvas, col, y, end, "✗ failed" + (card.attempts() > 1 ? " ×" + card.attempts() : ""), pen(FAILED, selected));
        }
    }

    /**
     * The title from {@code col} on row {@code y}; with {@code lines} 2 (wrapped titles) what does not
     * fit goes on to the next row from {@code left}, cut with an ellipsis there. Measured in columns
     * (wide characters two, combining marks none), broken at spaces where it can ({@link Wrap}).
     */
    private void title(Canvas canvas, int col, int left, int y, int end, int lines, String title, Pen pen) {
        if (!wrapTitles || lines < 2) {
            canvas.text(col, y, title, end - col, pen);
            return;
        }
        String clean = Canvas.displayable(title);
        List<String> first = Wrap.line(clean, Math.max(1, end - col));
        canvas.text(col, y, first.get(0), end - col, pen);
        if (first.size() > 1) {
            // Wrap's first line is the start of the text (trailing spaces cut): the rest follows it.
            String rest = clean.substring(first.get(0).length()).stripLeading();
            canvas.text(left, y + 1, rest, end - left, pen);
        }
    }

    private static String lastLine(String tail) {
        if (tail == null || tail.isBlank()) {
            return "";
        }
        String[] lines = tail.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    /** One space then an item, cut at the end of the lane; returns the next column. */
    private static int item(Canvas canvas, int col, int y, int end, String text, Pen pen) {
        if (col + 2 > end) {
            return col;
        }
        return col + 1 + canvas.text(col + 1, y, text, end - col - 1, pen);
    }

    private static Pen pen(Pen pen, boolean selected) {
        return selected ? pen.reverse() : pen;
    }

    private String shortDate(LocalDate date) {
        if (date.equals(today)) {
            return "today";
        }
        if (date.equals(today.plusDays(1))) {
            return "tomorrow";
        }
        if (dates != null) {
            return date.format(dates);
        }
        return date.getYear() == today.getYear()
                ? date.format(java.time.format.DateTimeFormatter.ofPattern("MMM d", java.util.Locale.ENGLISH))
                : date.toString();
    }

    static TextColor tagColour(String tag) {
        int hash = 0;
        for (char c : tag.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            hash = hash * 31 + c;
        }
        return TAG_COLOURS[Math.floorMod(hash, TAG_COLOURS.length)];
    }

    private void statusRow(Canvas canvas, Layout layout, BoardModel model, Status status) {
        int y = layout.statusRow();
        if (status.filterEditing()) {
            canvas.fill(0, y, layout.width(), 1, Pen.PLAIN);
            int used = canvas.text(0, y, "/", layout.width(), Pen.PLAIN.bold());
            String text = model.filterText();
            int room = layout.width() - used - 1;
            String shown = Width.of(Canvas.displayable(text)) > room ? tail(Canvas.displayable(text), room) : text;
            used += canvas.text(used, y, shown, room, Pen.PLAIN);
            canvas.put(used, y, ' ', Pen.PLAIN.reverse());
            return;
        }
        if (status.problem() != null) {
            canvas.line(0, y, " " + status.problem(), layout.width(), PROBLEM);
            return;
        }
        if (status.message() != null) {
            canvas.line(0, y, status.message(), layout.width(), status.error() ? ERROR : INFO);
            return;
        }
        canvas.fill(0, y, layout.width(), 1, Pen.PLAIN);
        int col = canvas.text(0, y, leftCut(status.database(), layout.width() / 3), layout.width() / 3, DIM);
        if (!status.presence().isEmpty()) {
            col += canvas.text(col, y, " │ ", layout.width() - col, DIM);
            col += canvas.text(col, y, "also here: " + status.presence(), Math.max(10, (layout.width() - col) / 2), ASSIGNEE);
        }
        if (!status.lastChange().isEmpty()) {
            col += canvas.text(col, y, " │ ", layout.width() - col, DIM);
            canvas.text(col, y, "last: " + status.lastChange(), layout.width() - col, Pen.PLAIN);
        }
    }

    /** "board · …/end/of/the/path.db": a long database path loses its start, not its file name. */
    private static String leftCut(String text, int columns) {
        String clean = Canvas.displayable(text);
        if (Width.of(clean) <= columns) {
            return clean;
        }
        int split = clean.indexOf(" · ");
        String head = split < 0 ? "" : clean.substring(0, split + 3);
        String path = split < 0 ? clean : clean.substring(split + 3);
        int room = columns - Width.of(head);
        return room < 8 ? Width.cut(clean, columns) : head + tail(path, room);
    }

    /** The end of a text that fits {@code columns}, so that the cursor end of a long filter shows. */
    private static String tail(String text, int columns) {
        int[] cps = text.codePoints().toArray();
        int used = 0;
        int start = cps.length;
        while (start > 0 && used + Width.of(cps[start - 1]) <= columns - 1) {
            used += Width.of(cps[--start]);
        }
        return "…" + new String(cps, start, cps.length - start);
    }
}
