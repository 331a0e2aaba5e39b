package dev.tack.tui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
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
import dev.tack.board.Cards;
import dev.tack.board.Columns;
import dev.tack.board.Queries;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import dev.tack.model.Event;
import dev.tack.model.Heartbeat;
import dev.tack.model.TackException;

/**
 * The board screen without the terminal: routes each key to where it belongs (the filter line,
 * the top dialog, or an {@link Action} on the board) and turns actions into model moves and board
 * calls. The parts it wires do the rest: {@link BoardReader} reads the board, {@link DialogStack}
 * keeps the dialogs, {@link StatusLine} composes the status rows, {@link CardActions} and
 * {@link Writes} make the changes. Every change is exactly one call into {@code dev.tack.board}
 * (one write transaction); a refusal ({@link TackException}) becomes a message in the status bar
 * and changes nothing. Tests drive it with keys and a real database; {@link BoardScreen} adds the
 * terminal, the loop and the change feed.
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

    private final Host host;
    private final BoardModel model = new BoardModel();
    private final DialogStack dialogs = new DialogStack();
    private final BoardReader board;
    private final StatusMessage message;
    private final StatusLine status;
    private final Clock clock;
    private final boolean colour;
    private Theme theme = Theme.DEFAULT;
    /** The screen's settings from the config: the keys (as re-bound), what a card shows, the date pattern. */
    private final ScreenSettings settings;
    private final KeyMap keys;
    /** The config's date pattern, made once (null: tack's own). */
    private final java.time.format.DateTimeFormatter dates;
    private final FilterLine filter = new FilterLine(model, key -> perform(keyMap().action(key)));
    private boolean quit;
    private Layout layout = Layout.of(new TerminalSize(80, 24), 0);
    private final MouseDrag mouse = new MouseDrag(model, (id, column, at) -> writeLater(() -> cards().move(id, column, at, null), null,
            stillWaiting(id)), this::refusedBySort);
    /** Writes handed to the host and not yet back. */
    private final Writes writes;
    private final CardActions actions;

    BoardController(Workspace workspace, Host host) {
        this(workspace, host, workspace.clock().withZone(java.time.ZoneId.systemDefault()), System::getenv);
    }

    /** {@code clock} times the status messages; {@code environment} is read for {@code NO_COLOR}. */
    BoardController(Workspace workspace, Host host, Clock clock, Function<String, String> environment) {
        this(workspace, host, clock, environment, ScreenSettings.DEFAULT);
    }

    /** As above, with the person's {@code settings} (their keys, what a card shows). */
    BoardController(Workspace workspace, Host host, Clock clock, Function<String, String> environment, ScreenSettings settings) {
        this.host = host;
        this.settings = settings;
        this.keys = settings.keyMap();
        this.dates = settings.dates();
        this.clock = clock;
        this.message = new StatusMessage(clock);
        this.board = new BoardReader(workspace, model, dialogs::boardChanged);
        this.actions = new CardActions(this, host);
        this.writes = new Writes(host, () -> board.workspace().readOnly() ? null : board.workspace().writeWaitingFor());
        this.status = new StatusLine(board, message, writes, filter::editing, this::today, keys.hints());
        this.status.overdue(this::overdue);
        this.colour = !Monochrome.wanted(environment);
        if (!keys.problems().isEmpty()) {
            // Said on stderr too, but the screen covers that at once: the first problem shows in the status row.
            Map.Entry<String, String> first = keys.problems().entrySet().iterator().next();
            int more = keys.problems().size() - 1;
            message.error("config: keys." + first.getKey() + ": " + first.getValue() + (more > 0 ? " (and " + more + " more)" : ""));
        }
    }

    // -- what the loop calls ----------------------------------------------------------------------

    Workspace workspace() {
        return board.workspace();
    }

    BoardModel model() {
        return model;
    }

    boolean quitRequested() {
        return quit;
    }

    /** Reads the board again. Returns false (and shows why) when it cannot be read. */
    boolean reload() {
        return board.reload();
    }

    /** Shows a board read elsewhere just now (the launcher's read: see {@link BoardReader#show}). */
    boolean show(BoardView view) {
        return board.show(view);
    }

    /** Applies events to the shown board, re-reading only the cards they name (a full read when that is not enough). */
    boolean refresh(List<Event> events) {
        return board.refresh(events);
    }

    /** The id of the last event the shown board includes, or -1 before the first read. */
    long shownEventId() {
        return board.shownEventId();
    }

    /** Events committed by anyone (read from the change feed): remembers the last one on this board. */
    void eventsArrived(List<Event> events) {
        board.eventsArrived(events);
    }

    /** The other screens and workers on this board, as the presence thread last read them. */
    void presence(List<Heartbeat> others) {
        status.presence(others);
    }

    String presenceText() {
        return status.presenceText();
    }

    /** The board file vanished (deleted or moved) or came back: writes are refused while it is gone. */
    void fileProblem(String problem) {
        board.fileProblem(problem);
    }

    String problem() {
        return board.problem();
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
        return dialogs.top();
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
            Action action = keys.action(key);
            if (action instanceof Action.Quit || action instanceof Action.Redraw) {
                perform(action);
            }
            return;
        }
        if (filter.editing()) {
            filter.key(key);
            return;
        }
        if (dialogs.handle(key)) {
            return;
        }
        perform(keys.action(key));
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
            withCard(card -> writeLater(() -> cards().step(card.id(), s.direction(), null), null, s.direction() > 0 ? stillWaiting(card.id()) : null));
        } else if (action instanceof Action.ShiftCard s) {
            withCard(card -> {
                if (refusedBySort()) {
                    return;
                }
                actions.shift(card, s.delta());
            });
        } else if (action instanceof Action.CycleSort) {
            model.currentLane().ifPresent(lane -> {
                ColumnSort sort = model.cycleSort();
                info(Canvas.displayable(lane.column().name()) + ": " + sort.description()
                        + (sort == ColumnSort.BOARD ? "" : " (view only; the board's order is kept)"));
            });
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
        } else if (action instanceof Action.Link) {
            withCard(card -> push(new LinkPicker(card.id(), this, actions::link)));
        } else if (action instanceof Action.ToggleItem t) {
            actions.toggleItem(t.cardId(), t.number(), t.done());
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
        } else if (action instanceof Action.GoToCard) {
            push(new GoToPrompt(this, this::goTo));
        } else if (action instanceof Action.SearchAll) {
            push(new SearchDialog(this, this::goTo));
        } else if (action instanceof Action.MoveToBoard) {
            withCard(card -> {
                BoardMovePicker picker = new BoardMovePicker(this, card);
                if (picker.hasBoards()) {
                    push(picker);
                } else {
                    error("there is no other board to move #" + card.id() + " to: press " + keyName(new Action.SwitchBoard()) + " to add one");
                }
            });
        } else if (action instanceof Action.ArchiveView) {
            push(new ArchiveView(this, null));
        } else if (action instanceof Action.ManageColumns) {
            push(new ColumnsManager(this));
        } else if (action instanceof Action.History h) {
            actions.undoOrRedo(h.redo());
        } else if (action instanceof Action.Help) {
            push(new HelpOverlay(keys));
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

    /**
     * Moving a card up or down means a place in the board's order, which a sorted view does not
     * show: refused with a message that says how to get the order back (nothing is written).
     */
    boolean refusedBySort() {
        ColumnSort sort = model.currentSort();
        if (sort == ColumnSort.BOARD) {
            return false;
        }
        error("this column is sorted by " + sort.label().substring(1) + ": press " + keyName(new Action.CycleSort())
                + " until the board's order is back to move cards within it");
        return true;
    }

    /** The first key the person's table binds to {@code action}, as the help names it. */
    private String keyName(Action action) {
        return keys.firstKey(action).orElse("the sort key");
    }

    /**
     * After a card moved to another column: a warning in the status row when it still waits for a
     * card not done (a gate column would have refused it, with the reason, as any refusal).
     */
    private Consumer<WriteOutcome> stillWaiting(long id) {
        return outcome -> {
            if (outcome instanceof WriteOutcome.Done done && done.result() instanceof Card moved && model.view() != null) {
                List<Long> waiting = model.view().marks().waitingFor(id);
                if (!waiting.isEmpty()) {
                    message.error("#" + id + " moved to " + moved.column() + " but still waits for " + Cards.ids(waiting));
                }
            }
        };
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
        FormWait wait = formWait(form);
        wait.pending = submit(call, done, outcome -> {
            if (after != null) {
                after.accept(outcome);
            }
            wait.settle(outcome.reason());
        });
        return wait.answer();
    }

    /** A wait for {@code form}'s save, to settle once its outcome is back. */
    FormWait formWait(Form form) {
        return new FormWait(form, dialogs, this::handle, status::waitingNote);
    }

    /** True while a key's write has not come back yet. */
    boolean writePending() {
        return writes.pending();
    }

    /** The status row's note while a write waits for another program's lock, or null. */
    String waitingNote() {
        return status.waitingNote();
    }

    /** True when the waiting note changed since the screen was last drawn (the loop draws again). */
    boolean waitingChanged() {
        return status.waitingChanged();
    }

    /** The overdue count as last read, and what it was read for (the board's last event, the day). */
    private Status.Overdue overdue = Status.Overdue.NONE;
    private String overdueReadFor;

    /**
     * The top row's overdue count: this board's and every other board's (a person looks after more
     * than the board on screen), read again only when the shown board's events or the day moved on
     * (one read over every board's live cards, as {@code tack due}). "Today" is the screen's clock.
     */
    Status.Overdue overdue() {
        if (model.view() == null) {
            return Status.Overdue.NONE;
        }
        LocalDate today = today();
        String key = model.view().board().id() + "/" + model.view().lastEventId() + "/" + today;
        if (!key.equals(overdueReadFor)) {
            try {
                Map<Long, Integer> counts = queries().overdueByBoard(today);
                int here = counts.getOrDefault(model.view().board().id(), 0);
                int all = counts.values().stream().mapToInt(Integer::intValue).sum();
                overdue = new Status.Overdue(here, all - here);
                overdueReadFor = key;
            } catch (TackException e) {
                // the count is a courtesy: the board's own read reports what is wrong
            }
        }
        return overdue;
    }

    /** Today, by the program's clock (due dates, the details view). */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    private void details(Card card) {
        try {
            CardDetails details = queries().details(card.id());
            push(new DetailsView(details, queries()::details, this::perform, today()));
        } catch (TackException e) {
            error(e.getMessage());
        }
    }

    /**
     * Goes to card {@code id} wherever it is: on another board, that board is shown; hidden by the
     * filter, the filter is cleared; archived, the archive view opens on it. An unknown number
     * says so in the status row. Each case is a read, no write.
     */
    void goTo(long id) {
        Optional<Queries.Found> found;
        try {
            found = queries().locate(id);
        } catch (TackException e) {
            error(e.getMessage());
            return;
        }
        if (found.isEmpty()) {
            error("no card #" + id + " in this database");
            return;
        }
        Card card = found.get().card();
        String where = found.get().board();
        boolean elsewhere = model.view() == null || card.boardId() != model.view().board().id();
        if (elsewhere && switchBoard(where) != null) {
            return; // said why
        }
        if (card.archived()) {
            push(new ArchiveView(this, id));
            info("#" + id + " is archived" + (elsewhere ? " (board " + where + ")" : "") + ": r restores it");
            return;
        }
        boolean cleared = false;
        if (!model.shows(id) && model.filtered()) {
            model.filter("");
            cleared = true;
        }
        model.select(id);
        info("#" + id + (elsewhere ? " on board " + where : "") + " in " + card.column() + (cleared ? " (filter cleared to show it)" : ""));
    }

    void push(Dialog dialog) {
        dialogs.push(dialog);
    }

    /** Switches to another board of the same file; the selection starts over, the filter stays. */
    String switchBoard(String name) {
        try {
            BoardView view = board.switchTo(name);
            info("board " + view.board().name());
            return null;
        } catch (TackException e) {
            error(e.getMessage());
            return e.getMessage();
        }
    }

    Cards cards() {
        return board.cards();
    }

    Queries queries() {
        return board.queries();
    }

    Boards boards() {
        return board.boards();
    }

    Columns columns() {
        return board.columns();
    }

    String boardName() {
        return board.boardName();
    }

    int dropLane() {
        return mouse.dropLane();
    }

    // -- drawing ----------------------------------------------------------------------------------

    /** Draws the whole screen for {@code size}; the model learns how much room it has first. */
    void render(TextGraphics graphics, TerminalSize size) {
        layout(size);
        Canvas canvas = new Canvas(colour ? graphics : new Monochrome(graphics), theme);
        new BoardRenderer(ZonedDateTime.now(clock), settings.cardFields(), dates, settings.marks(), settings.wrapTitles()).render(canvas, layout, model, status(), mouse.dropLane());
        if (layout.tooSmall()) {
            return;
        }
        dialogs.render(canvas, layout);
    }

    /** Draws from now on in {@code chosen} (the screen sets it once it knows the terminal's background). */
    void theme(Theme chosen) {
        this.theme = chosen;
    }

    /** Sizes the model's viewport for a terminal of {@code size}. */
    Layout layout(TerminalSize size) {
        layout = Layout.of(size, model.lanes().size(), settings.wrapTitles() ? Layout.CARD_ROWS + 1 : Layout.CARD_ROWS);
        model.viewport(layout.lanesVisible(), layout.slots());
        return layout;
    }

    Status status() {
        return status.status();
    }

    /** The keys as the person's config binds them. */
    KeyMap keyMap() {
        return keys;
    }

    ScreenSettings settings() {
        return settings;
    }

    void info(String text) {
        message.info(text);
    }

    void error(String text) {
        message.error(text);
    }
}
