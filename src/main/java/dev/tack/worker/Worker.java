package dev.tack.worker;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import dev.tack.board.Changes;
import dev.tack.board.Claims;
import dev.tack.board.Presence;
import dev.tack.model.Card;
import dev.tack.model.Heartbeat;
import dev.tack.board.Workspace;
import dev.tack.model.TackException;

/**
 * The worker loop: reclaim what dead workers left, claim while there is a free slot, run each
 * command on its own thread, beat the lease while it runs, finish it, and on SIGTERM or Ctrl+C
 * stop claiming, wait a grace period, then give back what is still held.
 *
 * <p>When idle it sleeps on the change feed: a {@code PRAGMA data_version} poll every 100 ms
 * (microseconds each), and a claim attempt only when board data changed (the revision moved:
 * presence beats do not wake it) or a back-off or lease may have run out.
 */
public final class Worker {

    private static final long IDLE_POLL_MILLIS = 100;
    private static final long IDLE_RECHECK_MILLIS = 1_000;
    private static final long TICK_MILLIS = 1_000;
    /** How often the mark of life is checked (each check waits at most 2 s for the server). */
    private static final long MARK_CHECK_MILLIS = 1_000;
    /** How long an orphaned command gets to end after SIGTERM before SIGKILL. */
    private static final java.time.Duration ORPHAN_GRACE = java.time.Duration.ofSeconds(5);

    private final Workspace workspace;
    private final WorkerConfig config;
    private final Claims claims;
    private final PrintWriter log;
    private final Path logFolder;
    private final Map<Long, Job> running = new ConcurrentHashMap<>();
    private final Semaphore slotFreed = new Semaphore(0);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger finished = new AtomicInteger();
    /** Cards whose commands this worker killed while stopping: given back, not failed. */
    private final java.util.Set<Long> stopKilled = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> runOfCard = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    /** The exit code of a worker that paused its lane after {@code --pause-after} failures in a row. */
    public static final int PAUSED = 7;
    private final FailureStreak streak = new FailureStreak();
    /** Why the worker paused its lane (no more claims; it exits once its running commands end), or null. */
    private volatile String paused;
    /** Why this worker is waiting, as last said; null when it is not. */
    private String waitingFor;
    /** Why the worker stopped on its own: its board file was replaced or deleted (null while not). */
    private volatile String fileGone;
    private final Presence presence;
    /** When each running command is stopped if its lease has not been renewed by then (one heartbeat before it runs out). */
    private final LeaseDeadlines deadlines;
    /** This worker's mark of life on the database (on PostgreSQL a session lock; renewed if its connection drops). */
    private volatile dev.tack.model.AliveMark alive = dev.tack.model.AliveMark.NONE;
    /** Set while the mark of life is not known held: no new claims then. */
    private volatile boolean markLost;
    /** {@code TACK} and the {@code tack} function for the commands: the same tack as this worker. */
    private final Map<String, String> launcher = TackLauncher.environment();

    public Worker(Workspace workspace, WorkerConfig config, PrintWriter log) {
        this.workspace = workspace;
        this.config = config;
        this.claims = new Claims(workspace);
        this.log = log;
        this.logFolder = workspace.runsFolder();
        this.presence = new Presence(workspace, Heartbeat.WORKER);
        this.deadlines = new LeaseDeadlines(config.lease().toMillis(), config.heartbeat().toMillis());
    }

    /** Checks everything a worker needs before it claims anything. */
    public void validate() {
        claims.validate(config.lanes());
        CommandCheck.requireRunnable(config.command(), System.getenv("PATH"));
    }

    /** Runs until stopped (or idle / after one card, when asked); returns the exit code. */
    public int run() {
        validate();
        workspace.yieldToPeople();
        Thread hook = new Thread(this::stopFromSignal, "tack-worker-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        ExecutorService jobs = Executors.newFixedThreadPool(config.concurrency(), daemon("tack-job"));
        Thread ticker = new Thread(this::tickLoop, "tack-heartbeat");
        ticker.setDaemon(true);
        say("worker " + config.name() + " (pid " + ProcessHandle.current().pid() + ") takes cards from " + config.lanes().from()
                + " to " + config.lanes().to() + ", " + config.concurrency() + " at a time");
        // Held before the first claim and given up after the last card is given back: while this
        // process lives, a worker on another host cannot take it for gone (only its leases can run out).
        alive = workspace.markAlive();
        Thread markWatch = new Thread(this::watchMark, "tack-mark-watch");
        markWatch.setDaemon(true);
        Thread leaseWatch = new Thread(this::watchLeases, "tack-lease-watch");
        leaseWatch.setDaemon(true);
        try (Changes feed = workspace.changes(0)) {
            ticker.start();
            markWatch.start();
            leaseWatch.start();
            loop(feed, jobs);
        } finally {
            shutDown(jobs);
            stopped.countDown();
            alive.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyStopping) {
                // the hook is running: it waits for the latch above
            }
        }
        if (fileGone != null) {
            throw TackException.failed(fileGone + "; the worker stopped");
        }
        if (paused != null) {
            say("paused: " + paused + "; exit " + PAUSED);
            return PAUSED;
        }
        return 0;
    }

    /** The board file replaced or deleted under the worker: no new claims; the running commands end as usual. */
    private boolean boardFileGone() {
        Optional<String> problem = workspace.fileProblem();
        if (problem.isPresent() && fileGone == null) {
            fileGone = problem.get();
            say(fileGone + "; stopping: no new claims, waiting for " + running.size() + " running command(s)");
        }
        return problem.isPresent();
    }

    private void loop(Changes feed, ExecutorService jobs) {
        int claimedTotal = 0;
        long nextReclaim = 0;
        while (!stopping && !boardFileGone()) {
            long now = workspace.clock().millis();
            if (now >= nextReclaim) {
                reclaim();
                nextReclaim = now + Math.max(TICK_MILLIS, config.heartbeat().toMillis());
            }
            boolean claimedNow = false;
            if (paused != null) {
                if (running.isEmpty()) {
                    return;
                }
                waitForWork(feed);
                continue;
            }
            while (!stopping && !markLost && paused == null && running.size() < config.concurrency() && !(config.once() && claimedTotal > 0)) {
                Optional<Claims.Claimed> claimed = claimSafely();
                if (claimed.isEmpty()) {
                    break;
                }
                claimedNow = true;
                claimedTotal++;
                start(claimed.get(), jobs);
            }
            if (running.isEmpty() && ((config.once() && claimedTotal > 0)
                    || (config.exitWhenIdle() && !claimedNow && !waitingSafely()))) {
                return;
            }
            waitForWork(feed);
        }
    }

    private Optional<Claims.Claimed> claimSafely() {
        Claims.Attempt attempt;
        try {
            attempt = claims.attempt(config.lanes(), config.name(), config.lease().toMillis(), logFolder.toString());
        } catch (TackException e) {
            say("cannot claim now: " + e.getMessage());
            return Optional.empty();
        }
        waiting(attempt instanceof Claims.NoRoomIn full ? "waiting: " + full.reason() : null);
        return attempt instanceof Claims.Claimed claimed ? Optional.of(claimed) : Optional.empty();
    }

    /**
     * Says once why this worker takes nothing though cards wait (its --doing column is at its hard
     * WIP limit), and shows it on people's screens through its presence row until it passes.
     */
    private void waiting(String why) {
        if (java.util.Objects.equals(why, waitingFor)) {
            return;
        }
        waitingFor = why;
        if (why != null) {
            say(why);
        }
        presence.kind(Heartbeat.worker(why));
        beatPresence();
    }

    private boolean waitingSafely() {
        try {
            return claims.anyWaiting(config.lanes());
        } catch (TackException e) {
            return true;
        }
    }

    /**
     * Puts back what gone or paused workers left. On this host a left card's command may still run
     * (its worker was killed with -9, or is stopped): it is stopped first, and a card whose command
     * cannot be stopped stays claimed, so one card's command never runs twice at the same moment.
     */
    private void reclaim() {
        try {
            List<Claims.Abandoned> abandoned = claims.reclaimable(config.lanes());
            if (abandoned.isEmpty()) {
                return;
            }
            Map<Long, String> notes = new HashMap<>();
            for (Claims.Abandoned left : abandoned) {
                stopLeftCommand(left).ifPresent(note -> notes.put(left.card().id(), note.orElse(null)));
            }
            if (notes.isEmpty()) {
                return;
            }
            List<Long> ids = claims.reclaim(config.lanes(), config.maxAttempts(), notes);
            ids.stream().filter(id -> !running.containsKey(id)).forEach(id -> say("reclaimed #" + id + " from a worker that is gone"));
        } catch (TackException e) {
            say("cannot reclaim now: " + e.getMessage());
        }
    }

    /**
     * Stops what still runs of an abandoned card's command on this host. Empty: it could not be
     * stopped, leave the card. Otherwise the note for the lost run (empty when nothing was running).
     */
    private Optional<Optional<String>> stopLeftCommand(Claims.Abandoned left) {
        Card.Claim claim = left.card().claim();
        if (!claim.host().equals(workspace.actor().host())) {
            return Optional.of(Optional.empty()); // another machine's processes are out of reach; its worker stops them
        }
        long id = left.card().id();
        java.util.Set<ProcessHandle> still = new java.util.LinkedHashSet<>();
        for (dev.tack.model.Run run : left.running()) {
            still.addAll(JobProcesses.ofRun(run.id(), Path.of(workspace.location())));
        }
        if (still.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        String why = left.holderDead() ? "its worker " + claim.worker() + " (pid " + claim.pid() + ") is gone"
                : "its worker " + claim.worker() + " (pid " + claim.pid() + ") let its lease run out";
        say("#" + id + ": " + why + " but its command still runs (pid " + pids(still) + "); stopping it before the card runs again");
        if (!JobProcesses.stop(still, ORPHAN_GRACE)) {
            say("#" + id + ": its old command (pid " + pids(still) + ") would not stop; leaving the card claimed");
            return Optional.empty();
        }
        return Optional.of(Optional.of("tack: " + why + "; its command was still running and was stopped by "
                + config.name() + " before the card ran again"));
    }

    private static String pids(java.util.Set<ProcessHandle> processes) {
        return String.join(", ", processes.stream().map(p -> String.valueOf(p.pid())).toList());
    }

    /** Sleeps until a slot frees, board data changes, or a second passes (back-offs and leases run on time). */
    private void waitForWork(Changes feed) {
        // A pause, not a time of day: measured on the monotonic clock, so the one injected clock's
        // tests (which stop it) never freeze a worker's wait.
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(IDLE_RECHECK_MILLIS);
        try {
            while (!stopping && System.nanoTime() - until < 0) {
                if (slotFreed.tryAcquire(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    slotFreed.drainPermits();
                    return;
                }
                if (running.size() < config.concurrency() && feed.boardChanged()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } catch (TackException e) {
            say("board unavailable: " + e.getMessage());
        }
    }

    private void start(Claims.Claimed claimed, ExecutorService jobs) {
        Job job = new Job(claimed);
        running.put(claimed.card().id(), job);
        runOfCard.put(claimed.card().id(), claimed.run().id());
        say("claimed #" + claimed.card().id() + " (attempt " + claimed.run().attempt() + "): " + oneLine(claimed.card().title()));
        deadlines.claimed(claimed.run().id(), claimed.card().claim().leaseUntilMillis());
        jobs.submit(() -> {
            try {
                Job.Result result = job.execute(TackLauncher.shellLine(config.command()), environment(claimed),
                        config.timeout().toMillis());
                finish(job, result);
            } finally {
                deadlines.forget(claimed.run().id());
                running.remove(claimed.card().id(), job); // not a later job of the same card
                slotFreed.release();
            }
        });
    }

    private void finish(Job job, Job.Result result) {
        if (stopKilled.contains(job.card().id())) {
            return; // killed by our own shutdown: released below, not counted as an attempt
        }
        for (int attempt = 0; ; attempt++) {
            try {
                Claims.Finish finish = claims.finish(config.lanes(), job.card().id(), job.run().id(), config.name(),
                        result.outcome(), result.exitCode(), result.tail(), config.maxAttempts(), config.backoff().toMillis());
                finished.incrementAndGet();
                if (finish == Claims.Finish.STALE && job.takenBackBy() != null) {
                    say("#" + job.card().id() + ": command stopped; the card is " + job.takenBackBy() + "'s now");
                    return;
                }
                say("#" + job.card().id() + " " + result.outcome().label()
                        + (result.exitCode() == null ? "" : " (exit " + result.exitCode() + ")") + ": " + describe(finish));
                if (finish != Claims.Finish.STALE) {
                    countTowardsPause(result);
                }
                return;
            } catch (TackException e) {
                if (attempt >= 30 || stopping && attempt >= 3 || fileGone != null) {
                    say("could not record the end of #" + job.card().id() + ": " + e.getMessage()
                            + "; its lease will run out and another worker will take it");
                    return;
                }
                say("cannot record the end of #" + job.card().id() + " yet (" + e.getMessage() + "); retrying");
                sleep(Math.min(1_000L * (attempt + 1), 5_000L));
            }
        }
    }

    /** After {@code --pause-after} failures in a row that ended alike: no more claims, a line on stderr and an event on the board. */
    private void countTowardsPause(Job.Result result) {
        int inARow = streak.record(result.outcome(), result.exitCode());
        if (config.pauseAfter() == 0 || inARow < config.pauseAfter() || paused != null) {
            return;
        }
        String why = "its command failed " + inARow + " times in a row (" + FailureStreak.describe(result.outcome(), result.exitCode())
                + ")";
        paused = why;
        say("pausing the lane " + config.lanes().from() + ": " + why + "; no more claims"
                + (running.size() > 1 ? ", waiting for the " + (running.size() - 1) + " other running command(s)" : "")
                + " (fix the command, then start the worker again)");
        try {
            claims.paused(config.lanes(), config.name(), why);
        } catch (TackException e) {
            say("could not record the pause on the board: " + e.getMessage());
        }
    }

    private static String describe(Claims.Finish finish) {
        return switch (finish) {
            case MOVED_ON -> "moved on";
            case RETRY -> "back in the queue after its back-off";
            case FAILED -> "out of attempts";
            case STALE -> "ignored: this worker's lease had run out and the card may be another's";
        };
    }

    /**
     * Every second, on a thread of its own (the heartbeats' writes may hang on a dead network for
     * minutes): is the mark of life still held? When it cannot be told, within 2 s, another worker
     * may prove this one gone as soon as the server drops its session and run its cards: their
     * commands are stopped at once, before that can happen (the server needs longer to notice a
     * vanished client: its TCP keepalive, see README), and no card is claimed until the mark is back.
     */
    private void watchMark() {
        while (stopped.getCount() > 0) {
            if (!alive.held()) {
                if (!markLost) {
                    markLost = true;
                    say("lost the connection that marks this worker alive: another worker may reclaim its cards");
                }
                for (Job job : running.values()) {
                    if (job.alive()) {
                        say("#" + job.card().id() + ": stopping its command before another worker takes the card");
                        job.killForLostMark();
                    }
                }
                if (alive.renew()) {
                    markLost = false;
                    say("holding the board's mark of life again; cards reclaimed meanwhile by others are theirs");
                }
            }
            sleep(MARK_CHECK_MILLIS);
        }
    }

    /**
     * Several times a heartbeat, on a thread of its own that does no I/O (a heartbeat may wait on a
     * busy board for longer than the lease): stops each command whose lease was not renewed in
     * time, one heartbeat before the lease runs out and another worker may take the card.
     */
    private void watchLeases() {
        long every = Math.max(20, Math.min(250, config.heartbeat().toMillis() / 4));
        while (stopped.getCount() > 0) {
            List<Long> overdue = deadlines.overdue(workspace.clock().millis());
            for (Job job : running.values()) {
                if (overdue.contains(job.run().id()) && job.alive()) {
                    say("#" + job.card().id() + ": could not renew its lease for " + Durations.show(Duration.ofMillis(deadlines.unrenewedMillis()))
                            + " (the board stayed busy or out of reach); stopping its command before the lease runs out and another worker takes the card");
                    job.killForUnrenewedLease();
                }
            }
            sleep(every);
        }
    }

    /**
     * Every half heartbeat (at most a second): extend leases that are due and store new output, one
     * short write per job. A job's first beat is due one heartbeat after this loop first sees it
     * (its claim set the lease just before).
     */
    private void tickLoop() {
        Map<Long, Long> lastBeat = new HashMap<>();
        long tickMillis = Math.max(50, Math.min(TICK_MILLIS, config.heartbeat().toMillis() / 2));
        long nextPresence = 0;
        while (stopped.getCount() > 0) {
            long now = workspace.clock().millis();
            if (now >= nextPresence) {
                beatPresence();
                nextPresence = now + Presence.BEAT.toMillis();
            }
            for (Job job : running.values()) {
                long id = job.card().id();
                String tail = job.tail().takeIfChanged();
                boolean due = now - lastBeat.computeIfAbsent(id, first -> now) >= config.heartbeat().toMillis();
                if (!due && tail == null) {
                    continue;
                }
                try {
                    if (claims.heartbeat(id, job.run().id(), config.name(), config.lease().toMillis(), tail)) {
                        lastBeat.put(id, now);
                        deadlines.renewed(job.run().id(), now);
                    } else if (job.alive()) {
                        Optional<String> by = takenBackBy(id, job.run().id());
                        say(by.map(who -> "#" + id + " taken back by " + who + "; stopping its command")
                                .orElse("lost the lease on #" + id + " (paused too long?); stopping its command"));
                        job.killForLostLease(by.orElse(null));
                    }
                } catch (TackException e) {
                    say("heartbeat for #" + id + " failed: " + e.getMessage() + "; retrying");
                }
            }
            lastBeat.keySet().retainAll(running.keySet());
            sleep(tickMillis);
        }
    }

    private Optional<String> takenBackBy(long cardId, long runId) {
        try {
            return claims.takenBackBy(cardId, runId);
        } catch (TackException e) {
            return Optional.empty();
        }
    }

    /** Shows this worker on people's screens (a presence row, not an event); a busy board only delays it. */
    private void beatPresence() {
        try {
            presence.beat();
        } catch (TackException e) {
            // presence is a courtesy: the next beat tries again
        }
    }

    private void stopFromSignal() {
        if (stopped.getCount() == 0) {
            return;
        }
        say("stopping: no new claims; waiting up to " + Durations.show(config.grace()) + " for " + running.size() + " running command(s)");
        stopping = true;
        slotFreed.release();
        try {
            stopped.await(config.grace().toMillis() + 15_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void shutDown(ExecutorService jobs) {
        stopping = true;
        jobs.shutdown();
        try {
            if (!jobs.awaitTermination(config.grace().toMillis(), TimeUnit.MILLISECONDS)) {
                for (Job job : running.values()) {
                    stopKilled.add(job.card().id());
                    job.killTree();
                }
                jobs.awaitTermination(5, TimeUnit.SECONDS);
                stopKilled.forEach(this::giveBack);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            presence.leave();
        } catch (TackException e) {
            // the row goes stale and is dropped by the others
        }
        say("worker " + config.name() + " stopped after " + finished.get() + " run(s)");
    }

    private void giveBack(long cardId) {
        Long runId = runOfCard.get(cardId);
        if (runId == null) {
            return;
        }
        try {
            if (claims.release(config.lanes(), cardId, runId, config.name())) {
                say("gave #" + cardId + " back to " + config.lanes().from());
            }
        } catch (TackException e) {
            say("could not give #" + cardId + " back (" + e.getMessage() + "); its lease will run out instead");
        }
    }

    private Map<String, String> environment(Claims.Claimed claimed) {
        Map<String, String> env = new HashMap<>(launcher);
        env.put("TACK_DB", workspace.location());
        env.put("TACK_BOARD", workspace.read(tx -> workspace.board(tx).name()));
        env.put("TACK_CARD_ID", String.valueOf(claimed.card().id()));
        env.put("TACK_CARD_TITLE", claimed.card().title());
        env.put("TACK_RUN_ID", String.valueOf(claimed.run().id()));
        env.put("TACK_ATTEMPT", String.valueOf(claimed.run().attempt()));
        env.put("TACK_ACTOR", config.name());
        return env;
    }

    private void say(String message) {
        synchronized (log) {
            log.println(java.time.LocalTime.now().withNano(0) + " " + dev.tack.text.Sanitizer.line(message));
            log.flush();
        }
    }

    private static String oneLine(String title) {
        return dev.tack.text.Width.cut(dev.tack.text.Sanitizer.line(title), 60);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
