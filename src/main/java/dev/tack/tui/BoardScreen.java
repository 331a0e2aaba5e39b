package dev.tack.tui;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.MouseAction;
import dev.tack.board.BoardView;
import dev.tack.board.Workspace;

/**
 * The full-screen board (docs/ARCHITECTURE.md §5): one loop, which wires the parts that do the
 * rest. The input thread ({@link InputReader}) blocks on the terminal and queues keys; the loop
 * waits on that queue with the poll interval as its timeout, then asks the change feed
 * ({@link LiveFeed}) whether anyone committed, watches the file ({@link FileWatch}), handles a
 * resize, and draws ({@link ScreenPainter}) only when something changed. Idle, it sleeps in the queue.
 *
 * <p>Everything that happens off the loop (keys, the presence thread's news, a write's outcome,
 * SIGCONT) reaches it through the one queue, so the controller is the loop's alone.
 *
 * <p>The terminal is restored on every way out: quit, Ctrl+C (a key here), an exception (finally),
 * a signal ({@link SignalStop}).
 */
public final class BoardScreen {

    /** tack's poll interval; a config's poll_interval changes it (ScreenSettings). */
    static final long POLL_MILLIS = 40;

    private final Session session;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    /** Put on the queue by the change feed when a commit is announced: ends the loop's wait, dispatches nothing. */
    private static final Object FEED_WAKE = new Object();
    private final BoardController controller;
    private final LiveFeed live;
    private final FileWatch files;
    private final ScreenPainter painter;
    private final InputReader input;
    private final PresenceBeat presence;
    private final ShellSuspend shell;
    private final ExternalEditor editor;
    private final WriteThread writes;
    private final SignalStop signals;
    private final ThemeChoice themeChoice;
    private final Function<String, String> environment;
    private final long pollMillis;
    private volatile boolean running;
    /** The board as the launcher read it before the screen started, shown first; null: read it here. */
    private BoardView firstRead;
    /** Where {@code --debug} lines go (the launcher's standard error), or nowhere. */
    private Consumer<String> debug = line -> { };

    BoardScreen(Workspace workspace, Session session) {
        this(workspace, session, workspace.clock().withZone(java.time.ZoneId.systemDefault()), ThemeChoice.AUTO, System::getenv);
    }

    BoardScreen(Workspace workspace, Session session, Clock clock) {
        this(workspace, session, clock, ScreenSettings.DEFAULT);
    }

    BoardScreen(Workspace workspace, Session session, Clock clock, ScreenSettings settings) {
        this(workspace, session, clock, settings, ThemeChoice.AUTO, System::getenv);
    }

    BoardScreen(Workspace workspace, Session session, Clock clock, ThemeChoice themeChoice, Function<String, String> environment) {
        this(workspace, session, clock, ScreenSettings.DEFAULT, themeChoice, environment);
    }

    /**
     * {@code clock} is the program's one clock: the screen's timers, its status messages and what it
     * draws; {@code settings} are the person's (their keys, what a card shows, the poll interval);
     * {@code environment} is read for {@code NO_COLOR}, {@code COLORFGBG}, {@code COLORTERM} and {@code TERM}.
     */
    BoardScreen(Workspace workspace, Session session, Clock clock, ScreenSettings settings, ThemeChoice themeChoice,
            Function<String, String> environment) {
        this.session = session;
        this.themeChoice = themeChoice;
        this.environment = environment;
        this.pollMillis = Math.max(1, settings.pollInterval().toMillis());
        this.writes = new WriteThread(queue);
        // The host's calls come after construction, from the loop: the parts they name exist by then.
        this.controller = new BoardController(workspace, new BoardController.Host() {
            @Override
            public Optional<String> editExternally(String text, String name) {
                return editor.edit(text, name);
            }

            @Override
            public void repaintAll() {
                painter.repaintAll();
            }

            @Override
            public void inBackground(Runnable write, Runnable then) {
                writes.submit(write, then);
            }
        }, clock, environment, settings);
        this.live = new LiveFeed(controller, () -> queue.add(FEED_WAKE));
        this.files = new FileWatch(workspace, clock, controller, live);
        this.painter = new ScreenPainter(session, controller, clock);
        this.input = new InputReader(session, queue, this::running);
        TerminalHandover handover = new TerminalHandover(session, input, painter::repaintAll);
        this.shell = new ShellSuspend(handover, queue, this::running, controller::error);
        this.editor = new ExternalEditor(handover, controller::error);
        this.presence = new PresenceBeat(workspace, queue, controller::presence);
        this.signals = new SignalStop(queue, () -> {
            session.close();
            presence.leave();
        });
    }

    /** Opens the board full-screen on the real terminal, timed by {@code clock}, and returns when the person quits. */
    public static void open(Workspace workspace, Clock clock) throws IOException {
        open(workspace, clock, ScreenSettings.DEFAULT, ThemeChoice.AUTO, null);
    }

    /**
     * As {@link #open(Workspace, Clock)}, with the person's settings from their config files, in the
     * colours {@code theme} asks for. {@code read} is the board as the caller has just read it (the
     * first frame shows it; the change feed brings whatever came after), or null.
     */
    public static void open(Workspace workspace, Clock clock, ScreenSettings settings, ThemeChoice theme, BoardView read)
            throws IOException {
        open(workspace, clock, settings, theme, read, line -> { });
    }

    /**
     * As {@link #open(Workspace, Clock, ScreenSettings, ThemeChoice, BoardView)}, telling {@code debug}
     * which theme the screen chose and why ({@link ThemeOrigin}), once it knows and again if a late
     * answer changes it. The line is written while the screen is up: on a terminal the first frame
     * paints over it, so it is for a redirected standard error ({@code 2>tack.log}).
     */
    public static void open(Workspace workspace, Clock clock, ScreenSettings settings, ThemeChoice theme, BoardView read,
            Consumer<String> debug) throws IOException {
        boolean ask = theme == ThemeChoice.AUTO || theme == ThemeChoice.HIGH_CONTRAST;
        BoardScreen screen = new BoardScreen(workspace, new TtySession(ask, System::getenv), clock, settings, theme, System::getenv);
        screen.firstRead = read;
        screen.debug = debug;
        screen.run();
    }

    BoardController controller() {
        return controller;
    }

    /** Queues a key as if it was typed (tests, and the input thread). */
    void key(KeyStroke key) {
        queue.add(key);
    }

    boolean running() {
        return running;
    }

    void run() throws IOException {
        signals.install();
        running = true;
        try {
            session.start();
            if (firstRead == null || !controller.show(firstRead)) {
                controller.reload();
            }
            firstRead = null;
            live.open();
            presence.start(controller.workspace());
            // The terminal has been answering the background query while the board was read.
            Optional<Theme.Background> answered = session.background();
            Theme theme = Theme.choose(themeChoice, answered, environment);
            controller.theme(theme);
            debug.accept(ThemeOrigin.line(theme, themeChoice, answered, environment, false));
            shell.listen();
            input.start();
            painter.draw();
            loop();
        } catch (IOException | RuntimeException e) {
            if (!signals.requested()) {
                throw e;
            }
            // a signal is ending the JVM: whatever failed on the way out is no news to the person
        } finally {
            running = false;
            try {
                shutdown();
            } finally {
                signals.finished();
            }
            signals.uninstall();
        }
    }

    private boolean ending() {
        return controller.quitRequested() || signals.requested();
    }

    private void loop() throws IOException {
        while (!ending()) {
            Object item;
            try {
                item = queue.poll(pollMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            boolean dirty = false;
            while (item != null && !ending()) {
                if (item != FEED_WAKE) {
                    dispatch(item);
                    dirty = true;
                }
                item = queue.poll();
            }
            if (ending()) {
                return;
            }
            dirty |= live.check();
            dirty |= files.check();
            dirty |= controller.expireMessage(); // a status message shown long enough gives the row back
            dirty |= controller.waitingChanged(); // a key's write began or stopped waiting for the lock
            dirty |= painter.resized();
            painter.drawIf(dirty);
        }
    }

    private void dispatch(Object item) {
        if (item instanceof TerminalReplyPattern.Reply reply) {
            // The terminal answered the background query after the screen stopped waiting (a slow link).
            reply.background().ifPresent(background -> {
                Theme theme = Theme.choose(themeChoice, Optional.of(background), environment);
                controller.theme(theme);
                debug.accept(ThemeOrigin.line(theme, themeChoice, Optional.of(background), environment, true));
                painter.repaintAll();
            });
            return;
        }
        if (item instanceof KeyStroke key && !(key instanceof MouseAction) && controller.keyMap().action(key) instanceof Action.Suspend) {
            shell.suspendToShell(); // in any dialog or field too, as Ctrl+Z does everywhere else
            return;
        }
        Workspace before = controller.workspace();
        if (item instanceof KeyStroke key) {
            controller.handle(key);
        } else if (item instanceof Runnable task) {
            task.run(); // a write's outcome may switch the board too (a board added in the switcher)
        }
        if (controller.workspace() != before) {
            presence.moveTo(controller.workspace());
        }
    }

    /** The card selected at the last refresh, or -1 (for tests and diagnostics: safe from any thread). */
    long shownSelection() {
        return painter.shownSelection();
    }

    /** The screen's change feed (for tests: its counters are safe from any thread). */
    LiveFeed live() {
        return live;
    }

    /** Who else was listed at the last refresh. */
    String shownPresence() {
        return painter.shownPresence();
    }

    private void shutdown() {
        input.stop();
        presence.stop();
        session.close();
        writes.finish(); // a key's write still waiting for the lock lands (or fails at its deadline) before the exit
        live.close();
        presence.leave();
    }
}
