package dev.tack.tui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.BoardView;
import dev.tack.board.Boards;
import dev.tack.board.CardDetails;
import dev.tack.board.CardFilter;
import dev.tack.board.Cards;
import dev.tack.board.Columns;
import dev.tack.board.Queries;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import dev.tack.model.Event;
import dev.tack.model.Heartbeat;
import dev.tack.model.TackException;

/**
 * The board screen without the terminal: turns keys into model moves and board calls, keeps the
 * dialogs, the status line and what is known about other processes, and draws it all on request.
 * Every change is exactly one call into {@code dev.tack.board} (one write transaction); a refusal
 * ({@link TackException}) becomes a message in the status bar and changes nothing. Tests drive it
 * with keys and a real database; {@link BoardScreen} adds the terminal, the loop and the change feed.
 */
final class BoardController {

    /** What the controller needs from the terminal it runs in. */
    interface Host {
        /** Lets the person edit {@code text} in {@code $EDITOR}; empty when nothing came back. */
        Optional<String> editExternally(String text, String name);

        /** The next refresh repaints every cell. */
        void repaintAll();

        /**
         * Runs {@code write} (a board call that may wait for the write lock) and then {@code then}
         * on the thread that handles keys. The screen runs writes one at a time, in order, on a
         * thread of their own and queues {@code then} for its loop; by default both run here, now.
         */
        default void inBackground(Runnable write, Runnable then) {
            write.run();
            then.run();
        }
    }

    private Workspace workspace;
    private Queries queries;
    private Cards cards;
    private Columns columns;
    private Boards boards;
    private final Host host;
    private final BoardModel model = new BoardModel();
    private final Deque<Dialog> dialogs = new ArrayDeque<>();
    private final String database;
    private final StatusMessage message;
    private final Clock clock;
    private final boolean colour;
    private String readProblem;
    private String fileProblem;
    private final FilterLine filter = new FilterLine(model, this::perform);
    private String presence = "";
    private Event lastEvent;
    private boolean quit;
    private Layout layout = Layout.of(new TerminalSize(80, 24), 0);
    private final MouseDrag mouse = new MouseDrag(model, (id, column, at) -> writeLater(() -> cards.move(id, column, at, null), null, null));
    /** Writes handed to the host and not yet back. */
    private final Writes writes;
    private final CardActions actions;
    /** The waiting note at the last render, to tell the loop when to draw it anew. */
    private String shownWaiting;

    BoardController(Workspace workspace, Host host) {
        this(workspace, host, Clock.systemDefaultZone(), System::getenv);
    }

    /** {@code clock} times the status messages; {@code environment} is read for {@code NO_COLOR}. */
    BoardController(Workspace workspace, Host host, Clock clock, Function<String, String> environment) {
        this.host = host;
        this.clock = clock;
        this.message = new StatusMessage(clock);
        this.actions = new CardActions(this, host);
        this.writes = new Writes(host, () -> this.workspace.readOnly() ? null : this.workspace.writeWaitingFor());
        this.colour = !Monochrome.wanted(environment);
        // A board tack can only read (a read-only mount, no write permission) says so where the file is named.
        this.database = home(workspace.location()) + (workspace.readOnly() ? " · read-only" : "");
        use(workspace);
    }

    private void use(Workspace ws) {
        workspace = ws;
        queries = new Queries(ws);
        cards = new Cards(ws);
        columns = new Columns(ws);
        boards = new Boards(ws);
    }

    // -- what the loop calls ----------------------------------------------------------------------

    Workspace workspace() {
        return workspace;
    }

    BoardModel model() {
        return model;
    }

    boolean quitRequested() {
        return quit;
    }

    /** Reads the board again. Returns false (and shows why) when it cannot be read. */
    boolean reload() {
        try {
            BoardView view = queries.board(CardFilter.ALL);
            if (!workspace.pinned()) {
                use(workspace.pinnedTo(view.board())); // follows its board by id through renames
            }
            model.reload(view);
            readProblem = null;
            if (lastEvent == null) {
                lastEvent = lastEventOfBoard(queries.eventsAfter(Math.max(0, view.lastEventId() - 200), 200));
            }
            dialogs.forEach(Dialog::boardChanged);
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
            dialogs.forEach(Dialog::boardChanged);
            return true;
        } catch (TackException e) {
            readProblem = "cannot read the board: " + e.getMessage();
            return false;
        }
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

    /** The other screens and workers on this board, as the presence thread last read them. */
    void presence(List<Heartbeat> others) {
        Map<String, Integer> names = new LinkedHashMap<>();
        int workers = 0;
        List<String> notes = new ArrayList<>();
        for (Heartbeat h : others) {
            if (h.isWorker()) {
                workers++;
                if (!h.note().isEmpty()) {
                    notes.add(h.actor() + " " + h.note());
                }
            } else {
                names.merge(h.actor(), 1, Integer::sum);
            }
        }
        List<String> shown = new ArrayList<>();
        names.forEach((name, count) -> shown.add(count > 1 ? name + " ×" + count : name));
        if (workers > 0) {
            shown.add(workers + (workers == 1 ? " worker" : " workers"));
        }
        shown.addAll(notes);
        presence = String.join(", ", shown);
    }

    String presenceText() {
        return presence;
    }

    /** The board file vanished (deleted or moved) or came back: writes are refused while it is gone. */
    void fileProblem(String problem) {
        fileProblem = problem;
    }

    String problem() {
        return fileProblem != null ? fileProblem : readProblem;
    }

    /** The status row's message, or null when there is none or it has been shown long enough. */
    String message() {
        return message.text();
    }

    /** Drops a message shown long enough; true when one went, so the screen is drawn again without it. */
    boolean expireMessage() {
        return message.expire();
    }

    boolean messageIsError() {
        return message.isError();
    }

    Optional<Dialog> topDialog() {
        return Optional.ofNullable(dialogs.peek());
    }

    boolean filterEditing() {
        return filter.editing();
    }

    // -- keys -------------------------------------------------------------------------------------

    void handle(KeyStroke key) {
        if (key.getKeyType() == KeyType.Character && key.isCtrlDown() && Character.toLowerCase(key.getCharacter()) == 'c') {
            quit = true;
            return;
        }
        if (key.getKeyType() == KeyType.EOF) {
            quit = true;
            return;
        }
        if (!(key instanceof com.googlecode.lanterna.input.MouseAction)) {
            message.clear();
        }
        if (layout.tooSmall()) {
            Action action = KeyMap.board(key);
            if (action instanceof Action.Quit || action instanceof Action.Redraw) {
                perform(action);
            }
            return;
        }
        if (filter.editing()) {
            filter.key(key);
            return;
        }
        Dialog top = dialogs.peek();
        if (top != null) {
            if (key instanceof com.googlecode.lanterna.input.MouseAction) {
                return;
            }
            if (!top.handle(key)) {
                dialogs.remove(top);
            }
            return;
        }
        perform(KeyMap.board(key));
    }

    void perform(Action action) {
        if (action instanceof Action.Vertical v) {
            if (v.rows() > 0) {
                model.down(v.rows());
            } else {
                model.up(-v.rows());
            }
        } else if (action instanceof Action.Sideways s) {
            model.sideways(s.delta());
        } else if (action instanceof Action.Jump j) {
            if (j.top()) {
                model.top();
            } else {
                model.bottom();
            }
        } else if (action instanceof Action.Page p) {
            model.page(p.direction());
        } else if (action instanceof Action.StepCard s) {
            withCard(card -> writeLater(() -> cards.step(card.id(), s.direction(), null), null, null));
        } else if (action instanceof Action.ShiftCard s) {
            withCard(card -> actions.shift(card, s.delta()));
        } else if (action instanceof Action.NewCard) {
            actions.newCard();
        } else if (action instanceof Action.Edit) {
            withCard(actions::edit);
        } else if (action instanceof Action.EditInEditor) {
            withCard(actions::editInEditor);
        } else if (action instanceof Action.Comment) {
            withCard(actions::comment);
        } else if (action instanceof Action.Archive) {
            withCard(actions::archive);
        } else if (action instanceof Action.Details) {
            withCard(this::details);
        } else if (action instanceof Action.StartFilter) {
            filter.start();
        } else if (action instanceof Action.EditFilter) {
            filter.editAgain();
        } else if (action instanceof Action.ClearFilter) {
            if (model.filtered()) {
                model.filter("");
                info("filter cleared");
            }
        } else if (action instanceof Action.SwitchBoard) {
            push(new BoardSwitcher(this));
        } else if (action instanceof Action.ManageColumns) {
            push(new ColumnsManager(this));
        } else if (action instanceof Action.History h) {
            actions.undoOrRedo(h.redo());
        } else if (action instanceof Action.Help) {
            push(new HelpOverlay());
        } else if (action instanceof Action.Redraw) {
            reload();
            host.repaintAll();
        } else if (action instanceof Action.Quit) {
            quit = true;
        } else if (action instanceof Action.Press p) {
            mouse.press(layout, p.x(), p.y());
        } else if (action instanceof Action.Drag d) {
            mouse.drag(layout, d.x(), d.y());
        } else if (action instanceof Action.Release r) {
            mouse.release(layout, r.x(), r.y());
        } else if (action instanceof Action.Wheel w) {
            mouse.wheel(layout, w.x(), w.y(), w.direction());
        }
    }

    private void withCard(java.util.function.Consumer<Card> then) {
        Optional<Card> card = model.selectedCard();
        if (card.isEmpty()) {
            error(model.lanes().isEmpty() ? "this board has no columns yet: press C to add one" : "no card selected");
            return;
        }
        then.accept(card.get());
    }

    // -- actions ----------------------------------------------------------------------------------

    /**
     * Runs one board call without waiting for it: the host runs it (in order, one at a time) while
     * the screen keeps drawing and reading keys, then, back on the loop's thread, the board is
     * re-read, {@code done} or the refusal is shown and {@code after} gets the outcome. A stale
     * version is left to {@code after} when there is one (it may offer a choice).
     */
    Writes.Pending submit(Supplier<?> call, String done, Consumer<WriteOutcome> after) {
        if (problem() != null) {
            error(problem()); // a board it cannot read is not one to change blind
            if (after != null) {
                after.accept(new WriteOutcome.Unwritable(problem()));
            }
            return Writes.NONE;
        }
        return writes.submit(call, outcome -> {
            reload();
            if (outcome instanceof WriteOutcome.Done) {
                if (done != null) {
                    info(done);
                }
            } else if (!(outcome instanceof WriteOutcome.Stale && after != null)) {
                error(outcome.reason());
            }
            if (after != null) {
                after.accept(outcome);
            }
        });
    }

    private void writeLater(Supplier<?> call, String done, Consumer<WriteOutcome> after) {
        submit(call, done, after);
    }

    /**
     * A form's save through {@link #submit}: the form waits for the outcome (it says what it waits
     * for, Esc stops waiting) and closes when saved or shows the refusal; {@code after} runs first.
     */
    Form.Saved saveFrom(Form form, Supplier<?> call, String done, Consumer<WriteOutcome> after) {
        FormWait wait = new FormWait(form);
        wait.pending = submit(call, done, outcome -> {
            if (after != null) {
                after.accept(outcome);
            }
            wait.settle(outcome.reason());
        });
        return wait.answer();
    }

    /**
     * A form waiting for its save, settled once the outcome is back. With a host that writes at
     * once (tests), the outcome is back before the form hears of it: it is then answered directly.
     */
    final class FormWait {
        private final Form form;
        private boolean answered;
        private boolean settled;
        private String refusal;
        /** The write it waits for now (a save may take two). */
        Writes.Pending pending = Writes.NONE;

        FormWait(Form form) {
            this.form = form;
        }

        void settle(String why) {
            if (!answered) {
                settled = true;
                refusal = why;
                return;
            }
            List<KeyStroke> held = form.settle(why);
            if (why == null) {
                dialogs.remove(form);
            }
            held.forEach(BoardController.this::handle); // typed while it waited: now for whoever takes keys
        }

        Form.Saved answer() {
            answered = true;
            if (settled) {
                return Form.Saved.of(refusal);
            }
            return new Form.Saved.Waiting(() -> {
                String note = waitingNote();
                return note != null ? note : "saving…";
            }, () -> pending.stop());
        }
    }

    /** True while a key's write has not come back yet. */
    boolean writePending() {
        return writes.pending();
    }

    /** The status row's note while a write waits for another program's lock, or null. */
    String waitingNote() {
        if (!writes.pending() || workspace.readOnly()) {
            return null;
        }
        String holder = workspace.writeWaitingFor();
        return holder == null ? null : "waiting for the write lock (held by " + dev.tack.text.Sanitizer.line(holder) + ")";
    }

    /** True when the waiting note changed since the screen was last drawn (the loop draws again). */
    boolean waitingChanged() {
        return !java.util.Objects.equals(shownWaiting, waitingNote());
    }

    /** Today, by the program's clock (due dates, the details view). */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    private void details(Card card) {
        try {
            CardDetails details = queries.details(card.id());
            push(new DetailsView(details, queries::details, this::perform, today()));
        } catch (TackException e) {
            error(e.getMessage());
        }
    }

    void push(Dialog dialog) {
        dialogs.push(dialog);
    }

    /** Switches to another board of the same file; the selection starts over, the filter stays. */
    String switchBoard(String name) {
        Workspace next = workspace.onBoard(name);
        try {
            BoardView view = new Queries(next).board(CardFilter.ALL);
            use(next.pinnedTo(view.board()));
            model.resetSelection();
            model.reload(view);
            lastEvent = lastEventOfBoard(queries.eventsAfter(Math.max(0, view.lastEventId() - 200), 200));
            info("board " + view.board().name());
            return null;
        } catch (TackException e) {
            error(e.getMessage());
            return e.getMessage();
        }
    }

    /** A wait for {@code form}'s save, to settle once its outcome is back. */
    FormWait formWait(Form form) {
        return new FormWait(form);
    }

    Cards cards() {
        return cards;
    }

    Queries queries() {
        return queries;
    }

    Boards boards() {
        return boards;
    }

    Columns columns() {
        return columns;
    }

    String boardName() {
        return model.loaded() ? model.view().board().name() : "";
    }

    int dropLane() {
        return mouse.dropLane();
    }

    // -- drawing ----------------------------------------------------------------------------------

    /** Draws the whole screen for {@code size}; the model learns how much room it has first. */
    void render(TextGraphics graphics, TerminalSize size) {
        layout(size);
        Canvas canvas = new Canvas(colour ? graphics : new Monochrome(graphics));
        new BoardRenderer(ZonedDateTime.now(clock)).render(canvas, layout, model, status(), mouse.dropLane());
        if (layout.tooSmall()) {
            return;
        }
        List<Dialog> stack = new ArrayList<>(dialogs);
        for (int i = stack.size() - 1; i >= 0; i--) {
            stack.get(i).render(canvas, layout);
        }
    }

    /** Sizes the model's viewport for a terminal of {@code size}. */
    Layout layout(TerminalSize size) {
        layout = Layout.of(size, model.lanes().size());
        model.viewport(layout.lanesVisible(), layout.slots());
        return layout;
    }

    Status status() {
        shownWaiting = waitingNote();
        String last = "";
        if (lastEvent != null) {
            boolean mine = lastEvent.actor().equals(workspace.actor().name()) && lastEvent.pid() == workspace.actor().pid();
            last = (mine ? "you" : lastEvent.actor()) + " " + lastEvent.summary() + " · " + Times.local(lastEvent.at(), today());
        }
        if (shownWaiting != null) { // takes the row from any message until the write lands
            return new Status(boardName() + " · " + database, presence, last, shownWaiting, false, filter.editing(), problem(),
                    KeyMap.HINTS);
        }
        return new Status(boardName() + " · " + database, presence, last, message(), messageIsError(), filter.editing(), problem(), KeyMap.HINTS);
    }

    void info(String text) {
        message.info(text);
    }

    void error(String text) {
        message.error(text);
    }

    private static String home(String path) {
        String home = System.getProperty("user.home");
        return home != null && !home.isEmpty() && path.startsWith(home + "/") ? "~" + path.substring(home.length()) : path;
    }
}
