package dev.tack.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import dev.tack.board.BoardView;
import dev.tack.board.Presence;
import dev.tack.board.Workspace;
import dev.tack.model.Heartbeat;
import dev.tack.model.TackException;

/**
 * The full-screen board (docs/ARCHITECTURE.md §5): one loop. An input thread blocks on the terminal and queues
 * keys; the loop waits on that queue with the poll interval as its timeout, then asks the change
 * feed whether anyone committed ({@code PRAGMA data_version}), handles a resize, and draws and
 * refreshes (by delta) only when something changed. Idle, it sleeps in the queue.
 *
 * <p>Other processes' commits reach the screen through {@link LiveFeed}, which tells a presence
 * beat from a change of the board exactly (the board's revision). This screen's own beat and the
 * list of who else is here are written and read on a presence thread of their own, so a busy lock
 * never freezes the screen.
 *
 * <p>The terminal is restored on every way out: quit, Ctrl+C (a key here), an exception (finally),
 * a signal (a shutdown hook).
 */
public final class BoardScreen {

    static final long POLL_MILLIS = 40;
    private static final long FILE_CHECK_MILLIS = 1_000;
    private static final long RETRY_MILLIS = 2_000;

    private final Session session;
    private final Clock clock;
    private final BoardController controller;
    /** When the screen was last drawn: cards held by workers are redrawn every second for their elapsed time. */
    private long lastRender;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Presence presence;
    /** Tells when the board file is deleted or replaced under the screen (one stat, no I/O on it). */
    private final Workspace workspace;
    private final LiveFeed live;
    private ScheduledExecutorService presenceThread;
    private Thread inputThread;
    private volatile int inputGeneration;
    private boolean repaintAll;
    private long lastFileCheck;
    private long lastRetry;
    private volatile String presenceShown = "";
    private volatile boolean running;
    /** True while this screen has stopped itself (Ctrl+Z), so that SIGCONT is left to that path. */
    private volatile boolean suspended;
    /** Set by a signal's shutdown hook: the loop ends at its next turn and cleans up itself. */
    private volatile boolean stopRequested;
    private final CountDownLatch finished = new CountDownLatch(1);
    /** How long a signal's hook waits for the loop to end before restoring the terminal itself. */
    private static final long STOP_PATIENCE_MILLIS = 3_000;
    private volatile long shownSelection = -1;
    /**
     * Keys' writes, one at a time and in the order typed: a write that waits for another program's
     * lock (up to the deadline) leaves the loop drawing and reading keys meanwhile.
     */
    private final java.util.concurrent.ExecutorService writes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tack-write");
        t.setDaemon(true);
        return t;
    });
    private volatile String shownPresence = "";

    BoardScreen(Workspace workspace, Session session) {
        this(workspace, session, Clock.systemDefaultZone());
    }

    /** {@code clock} is the program's one clock: the screen's timers, its status messages and what it draws. */
    BoardScreen(Workspace workspace, Session session, Clock clock) {
        this.session = session;
        this.workspace = workspace;
        this.clock = clock;
        this.presence = new Presence(workspace, Heartbeat.SCREEN);
        this.controller = new BoardController(workspace, new BoardController.Host() {
            @Override
            public Optional<String> editExternally(String text, String name) {
                return BoardScreen.this.editExternally(text, name);
            }

            @Override
            public void repaintAll() {
                repaintAll = true;
            }

            @Override
            public void inBackground(Runnable write, Runnable then) {
                writes.execute(() -> {
                    try {
                        write.run();
                    } finally {
                        queue.add(then); // applied by the loop: the controller is the loop's alone
                    }
                });
            }
        }, clock, System::getenv);
        this.live = new LiveFeed(controller);
    }

    /** Opens the board full-screen on the real terminal, timed by {@code clock}, and returns when the person quits. */
    public static void open(Workspace workspace, Clock clock) throws IOException {
        new BoardScreen(workspace, new TtySession(), clock).run();
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
        Thread hook = new Thread(this::emergencyStop, "tack-restore-terminal");
        Runtime.getRuntime().addShutdownHook(hook);
        running = true;
        try {
            session.start();
            load();
            presence.follow(controller.workspace()); // pinned to the board's id by the first read
            startPresence();
            Interrupts.onContinue(this::continued);
            startInput();
            render();
            loop();
        } catch (IOException | RuntimeException e) {
            if (!stopRequested) {
                throw e;
            }
            // a signal is ending the JVM: whatever failed on the way out is no news to the person
        } finally {
            running = false;
            try {
                shutdown();
            } finally {
                finished.countDown();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyExiting) {
                // the hook is running or has run
            }
        }
    }

    private void load() {
        controller.reload();
        live.open();
    }

    private void loop() throws IOException {
        while (!controller.quitRequested() && !stopRequested) {
            Object item;
            try {
                item = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            boolean dirty = false;
            while (item != null && !controller.quitRequested() && !stopRequested) {
                dispatch(item);
                dirty = true;
                item = queue.poll();
            }
            if (controller.quitRequested() || stopRequested) {
                return;
            }
            dirty |= live.check();
            dirty |= checkFile();
            dirty |= retryIfBroken();
            dirty |= controller.expireMessage(); // a status message shown long enough gives the row back
            dirty |= controller.waitingChanged(); // a key's write began or stopped waiting for the lock
            if (session.screen().doResizeIfNecessary() != null) {
                dirty = true;
                repaintAll = true;
            }
            long now = clock.millis();
            if (!dirty && now - lastRender >= 1_000 && controller.model().loaded() && !controller.model().view().running().isEmpty()) {
                dirty = true; // a worker's elapsed time ticks on the cards it holds
            }
            if (dirty) {
                render();
                lastRender = now;
            }
        }
    }

    private void dispatch(Object item) {
        if (item instanceof KeyStroke key && !(key instanceof com.googlecode.lanterna.input.MouseAction)
                && KeyMap.board(key) instanceof Action.Suspend) {
            suspendToShell(); // in any dialog or field too, as Ctrl+Z does everywhere else
            return;
        }
        Workspace before = controller.workspace();
        if (item instanceof KeyStroke key) {
            controller.handle(key);
        } else if (item instanceof Runnable task) {
            task.run(); // a write's outcome may switch the board too (a board added in the switcher)
        }
        if (controller.workspace() != before) {
            presence.follow(controller.workspace());
            presenceShown = "";
            controller.presence(List.of());
            beatSoon();
        }
    }

    /** Notices the board file being deleted, moved or replaced under the open screen (a stat, no I/O on it). */
    private boolean checkFile() {
        long now = clock.millis();
        if (now - lastFileCheck < FILE_CHECK_MILLIS) {
            return false;
        }
        lastFileCheck = now;
        String before = controller.problem();
        controller.fileProblem(workspace.fileProblem().map(problem -> problem + ": nothing can be saved; q quits").orElse(null));
        return !Objects.equals(before, controller.problem());
    }

    private boolean retryIfBroken() {
        long now = clock.millis();
        if (controller.problem() == null || now - lastRetry < RETRY_MILLIS) {
            return false;
        }
        lastRetry = now;
        String before = controller.problem();
        live.reread();
        return !Objects.equals(before, controller.problem()) || controller.problem() == null;
    }

    private void render() throws IOException {
        Screen screen = session.screen();
        TerminalSize size = screen.getTerminalSize();
        controller.render(screen.newTextGraphics(), size);
        Screen.RefreshType type = repaintAll ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA;
        repaintAll = false;
        screen.refresh(type);
        shownSelection = controller.model().selectedCard().map(dev.tack.model.Card::id).orElse(-1L);
        shownPresence = controller.presenceText();
    }

    /** The card selected at the last refresh, or -1 (for tests and diagnostics: safe from any thread). */
    long shownSelection() {
        return shownSelection;
    }

    /** The screen's change feed (for tests: its counters are safe from any thread). */
    LiveFeed live() {
        return live;
    }

    /** Who else was listed at the last refresh. */
    String shownPresence() {
        return shownPresence;
    }

    // -- input ------------------------------------------------------------------------------------

    private void startInput() {
        int generation = ++inputGeneration;
        inputThread = new Thread(() -> readKeys(generation), "tack-input");
        inputThread.setDaemon(true);
        inputThread.start();
    }

    private void readKeys(int generation) {
        while (running && generation == inputGeneration) {
            KeyStroke key;
            try {
                key = session.read();
            } catch (IOException | RuntimeException e) {
                if (running && generation == inputGeneration) {
                    queue.add(new KeyStroke(KeyType.EOF));
                }
                return;
            }
            if (key == null) {
                continue;
            }
            if (generation != inputGeneration) {
                return;
            }
            queue.add(key);
            if (key.getKeyType() == KeyType.EOF) {
                return;
            }
        }
    }

    // -- presence ---------------------------------------------------------------------------------

    private void startPresence() {
        presenceThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tack-presence");
            t.setDaemon(true);
            return t;
        });
        presenceThread.scheduleWithFixedDelay(this::beatAndReadOthers, 0, Presence.BEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A new board: beat there and show who is there without waiting a round. */
    private void beatSoon() {
        if (presenceThread != null) {
            presenceThread.execute(this::beatAndReadOthers);
        }
    }

    /**
     * This screen's presence beat, an ordinary write through the write service on the presence
     * thread (a busy lock delays the beat, never the loop). It moves no revision, so no screen
     * re-reads its board for it. A read-only board beats no presence.
     */
    private void beatAndReadOthers() {
        if (!workspace.readOnly()) {
            try {
                presence.beat();
            } catch (RuntimeException e) {
                // presence is a courtesy: a busy or vanished board shows up in the status bar by other means
            }
        }
        readOthers();
    }

    /** Who else is on this board, read on the presence thread and handed to the loop when it changed. */
    private void readOthers() {
        try {
            List<Heartbeat> others = presence.others();
            String shown = others.stream().map(h -> h.id() + ":" + h.actor() + ":" + h.kind()).toList().toString();
            if (!shown.equals(presenceShown)) {
                presenceShown = shown;
                queue.add((Runnable) () -> controller.presence(others));
            }
        } catch (RuntimeException e) {
            // presence is a courtesy: a busy or vanished board shows up in the status bar by other means
        }
    }

    // -- Ctrl+Z -----------------------------------------------------------------------------------

    /**
     * Raw mode turns the terminal's signals off, so Ctrl+Z is a key: the terminal is handed back
     * (cooked mode, normal screen) before this process stops itself, and taken again, with a full
     * repaint, once the shell continues it ({@code fg}). Where the stop is discarded (no job
     * control), the board simply comes back.
     */
    private void suspendToShell() {
        inputGeneration++;
        suspended = true;
        try {
            session.suspend();
            Interrupts.stopSelf();
        } catch (IOException e) {
            controller.error("cannot suspend: " + e.getMessage());
        } finally {
            suspended = false;
            takeTerminalBack();
        }
    }

    /** After a stop from outside ({@code kill -TSTP}, then {@code kill -CONT}): the shell left the terminal cooked. */
    private void continued() {
        if (suspended || !running) {
            return; // our own Ctrl+Z takes the terminal back by itself
        }
        queue.add((Runnable) () -> {
            inputGeneration++;
            try {
                session.suspend();
            } catch (IOException ignored) {
                // taken again below in any case
            }
            takeTerminalBack();
        });
    }

    private void takeTerminalBack() {
        try {
            session.start();
            startInput();
        } catch (IOException e) {
            throw new TackException(TackException.Kind.FAILED, "cannot take the terminal back: " + e.getMessage(), e);
        }
        repaintAll = true;
    }

    // -- $EDITOR ----------------------------------------------------------------------------------

    private Optional<String> editExternally(String text, String name) {
        Path temp = null;
        Interrupts interrupts = null;
        try {
            temp = Files.createTempFile("tack-" + name + "-", ".md");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            inputGeneration++;
            session.suspend();
            interrupts = Interrupts.hold();
            String editor = editor();
            Process process = new ProcessBuilder("/bin/sh", "-c", editor + " \"$1\"", "tack-editor", temp.toString())
                    .inheritIO().start();
            int code = process.waitFor();
            if (code != 0) {
                controller.error("the editor (" + editor + ") exited with " + code + ": nothing saved");
                return Optional.empty();
            }
            return Optional.of(Files.readString(temp, StandardCharsets.UTF_8));
        } catch (IOException e) {
            controller.error("cannot run the editor: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (interrupts != null) {
                interrupts.restore();
            }
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
            try {
                session.start();
                startInput();
            } catch (IOException e) {
                throw new TackException(TackException.Kind.FAILED, "cannot take the terminal back after the editor: " + e.getMessage(), e);
            }
            repaintAll = true;
        }
    }

    static String editor() {
        for (String name : new String[] {"VISUAL", "EDITOR"}) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "vi";
    }

    // -- the end ----------------------------------------------------------------------------------

    private void shutdown() {
        inputGeneration++;
        if (presenceThread != null) {
            presenceThread.shutdownNow();
        }
        session.close();
        writes.shutdown(); // a key's write still waiting for the lock lands (or fails at its deadline) before the exit
        try {
            writes.awaitTermination(Workspace.DEFAULT_LOCK_DEADLINE.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        live.close();
        try {
            presence.leave();
        } catch (RuntimeException ignored) {
            // the row goes stale and is dropped by the others within seconds
        }
    }

    /**
     * A signal (SIGTERM, SIGHUP when the terminal closes, SIGINT from outside): the loop is asked to
     * end and cleans up on its own thread (terminal, change feed, presence row), so nothing is torn
     * down under its feet. Only a loop that does not end in time (stuck in a call) is overtaken here.
     */
    private void emergencyStop() {
        if (finished.getCount() == 0) {
            return;
        }
        stopRequested = true;
        queue.add((Runnable) () -> { }); // wakes the loop at once
        try {
            if (finished.await(STOP_PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Both are safe to repeat and to race with the loop's own clean-up (which may be half done):
        // the JVM halts as soon as this hook returns, so nothing may be left to the loop now.
        session.close();
        try {
            presence.leave();
        } catch (RuntimeException ignored) {
            // as above
        }
    }
}
