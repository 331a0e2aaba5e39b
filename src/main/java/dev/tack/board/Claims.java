package dev.tack.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.Column;
import dev.tack.model.Run;
import dev.tack.model.TackException;
import dev.tack.store.StorageTx;

/**
 * The rules of background work on cards: claim, extend a lease, finish, release and reclaim.
 * Each is one short write transaction; the command itself runs outside any lock. A claim is a
 * compare-and-swap on {@code claimed_by IS NULL}, and every later step is fenced on the holder's
 * name, pid and unexpired lease, so a worker that was paused past its lease cannot finish a card
 * another worker has since taken.
 */
public final class Claims {

    /** The columns a worker serves. {@code doing} and {@code fail} may be null. */
    public record Lanes(String from, String to, String doing, String fail) {
    }

    /** What a claim attempt found: a card, nothing to take, or cards to take but no room in {@code doing}. */
    public sealed interface Attempt permits Claimed, Nothing, NoRoomIn {
    }

    /** A card a worker now holds, with its open run. */
    public record Claimed(Card card, Run run) implements Attempt {
    }

    /** Nothing to claim in {@code from} now. */
    public record Nothing() implements Attempt {
    }

    /** Cards wait in {@code from}, but {@code doing} is at its hard WIP limit; {@code reason} says so with the counts. */
    public record NoRoomIn(String reason) implements Attempt {
    }

    /** How a run ended, as the worker saw it. */
    public enum Outcome {
        SUCCEEDED("succeeded"), FAILED("failed"), TIMED_OUT("timed-out");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What finishing did: moved the card on, sent it back or failed it, or nothing because the lease was lost. */
    public enum Finish { MOVED_ON, RETRY, FAILED, STALE }

    private final Workspace workspace;
    private final Cards cards;
    private final Hooks hooks;

    public Claims(Workspace workspace) {
        this.workspace = workspace;
        this.cards = new Cards(workspace);
        this.hooks = new Hooks(workspace);
    }

    /** Checks the lanes exist on the board, before any claim; throws NOT_FOUND naming the missing column. */
    public void validate(Lanes lanes) {
        workspace.read(tx -> {
            Board board = workspace.board(tx);
            Columns.find(tx, board, lanes.from());
            Columns.find(tx, board, lanes.to());
            if (lanes.doing() != null) {
                Columns.find(tx, board, lanes.doing());
            }
            if (lanes.fail() != null) {
                Columns.find(tx, board, lanes.fail());
            }
            return null;
        });
    }

    /**
     * Claims the first free card of {@code from} and opens its run (whose output goes to a log in
     * {@code logFolder}), or returns empty when there is none or {@code doing} is at its hard limit.
     */
    public Optional<Claimed> claim(Lanes lanes, String worker, long leaseMillis, String logFolder) {
        return attempt(lanes, worker, leaseMillis, logFolder) instanceof Claimed claimed ? Optional.of(claimed) : Optional.empty();
    }

    /** As {@link #claim}, saying why nothing was claimed. */
    public Attempt attempt(Lanes lanes, String worker, long leaseMillis, String logFolder) {
        // An idle worker looks first without the write lock, so it does not queue behind people for nothing.
        boolean anything = workspace.read(tx -> firstReady(tx, Columns.find(tx, workspace.board(tx), lanes.from()).id(),
                workspace.clock().millis()).isPresent());
        if (!anything) {
            return new Nothing();
        }
        try {
            return claimOrThrow(lanes, worker, leaseMillis, logFolder).<Attempt>map(c -> c).orElseGet(Nothing::new);
        } catch (NoRoom full) {
            return new NoRoomIn(full.getMessage());
        }
    }

    private Optional<Claimed> claimOrThrow(Lanes lanes, String worker, long leaseMillis, String logFolder) {
        long pid = workspace.actor().pid();
        Hooks.Pending pending = hooks.pending();
        Optional<Claimed> result = workspace.write(tx -> {
            pending.clear();
            return claimIn(tx, workspace.board(tx), lanes, worker, pid, leaseMillis, logFolder, card -> true, pending);
        });
        pending.fire();
        return result;
    }

    /**
     * The claim itself, inside the caller's write transaction: the first ready card of {@code from}
     * that {@code filter} accepts, the compare-and-swap, the move to {@code doing}, the run and the
     * event. Throws {@link NoRoom} (rolling back) when {@code doing} is at its hard limit. Workers
     * and agents ({@link Agents}) both claim here; an agent's {@code pid} is {@link #NO_PROCESS}.
     */
    /** Hook firings for a write that claims or reclaims through {@link #claimIn} / {@link #reclaimOne}: fire them after its commit. */
    Hooks.Pending pendingHooks() {
        return hooks.pending();
    }

    Optional<Claimed> claimIn(StorageTx tx, Board board, Lanes lanes, String worker, long pid, long leaseMillis, String logFolder,
                              java.util.function.Predicate<Card> filter, Hooks.Pending pending) {
        Column from = Columns.find(tx, board, lanes.from());
        long now = workspace.clock().millis();
        Optional<Card> candidate = firstReady(tx, from.id(), now, filter); // readiness inside the claim's transaction
        if (candidate.isEmpty()) {
            return Optional.empty();
        }
        Card card = candidate.get();
        if (!tx.cards().claim(card.id(), new Card.Claim(worker, workspace.actor().host(), pid, now + leaseMillis))) {
            return Optional.empty(); // cannot happen under the write lock; the CAS keeps it honest anyway
        }
        Card claimed = Cards.load(tx, card.id());
        if (lanes.doing() != null) {
            Column doing = Columns.find(tx, board, lanes.doing());
            try {
                claimed = Cards.relocate(tx, claimed, doing, null);
            } catch (TackException full) {
                if (full.kind() == TackException.Kind.CONFLICT) {
                    throw new NoRoom(full.getMessage()); // rolls the claim back: the doing column is at its hard limit
                }
                throw full;
            }
        }
        long runId = tx.runs().start(card.id(), worker, workspace.actor().host(), pid, claimed.attempts(), logFolder);
        Run run = tx.runs().byId(runId).orElseThrow();
        cards.record(tx, claimed, "card.claimed", "claimed #" + card.id() + asWorker(worker) + " (attempt "
                + claimed.attempts() + ")" + (lanes.doing() == null ? "" : ", moved to " + claimed.column()), card, claimed);
        pending.add(tx, HookEvent.CLAIMED, card, claimed);
        return Optional.of(new Claimed(claimed, run));
    }

    /**
     * The pid an agent's claim records: a {@code tack claim} process ends at once, so its claim is
     * proven alive by its lease and token alone, never by a process (a worker's reclaim must not
     * take it as "holder gone").
     */
    static final long NO_PROCESS = 0;

    /**
     * The first card of a column a worker may take: free, past its back-off, and ready — everything
     * it waits for done ({@link Readiness}). Cards that wait are skipped, not waited for.
     */
    static Optional<Card> firstReady(StorageTx tx, long columnId, long now) {
        return firstReady(tx, columnId, now, card -> true);
    }

    /** As {@link #firstReady(StorageTx, long, long)}, among the cards {@code filter} accepts (an agent's {@code --tag}). */
    static Optional<Card> firstReady(StorageTx tx, long columnId, long now, java.util.function.Predicate<Card> filter) {
        Optional<Card> first = tx.cards().firstClaimable(columnId, now);
        if (first.isEmpty()) {
            return first;
        }
        Readiness readiness = Readiness.in(tx);
        if (filter.test(first.get()) && readiness.of(first.get().id()).ready()) {
            return first;
        }
        int page = 100;
        for (int offset = 0; ; offset += page) {
            List<Card> cards = tx.cards().claimable(columnId, now, offset, page);
            for (Card card : cards) {
                if (filter.test(card) && readiness.of(card.id()).ready()) {
                    return Optional.of(card);
                }
            }
            if (cards.size() < page) {
                return Optional.empty();
            }
        }
    }

    /** {@code tail} followed by the lines of {@code stored} that tack itself wrote ("tack: …") and {@code tail} lacks. */
    private static String withNotes(String tail, String stored) {
        if (tail == null) {
            return null;
        }
        StringBuilder merged = new StringBuilder(tail);
        stored.lines().filter(line -> line.startsWith("tack: ") && !tail.contains(line))
                .forEach(line -> merged.append(merged.length() == 0 ? "" : "\n").append(line));
        return merged.toString();
    }

    /** A claim that failed only because the doing column was full; {@link #claim} turns it into "nothing to claim". */
    static final class NoRoom extends TackException {
        NoRoom(String reason) {
            super(Kind.CONFLICT, reason);
        }
    }

    /** Extends the lease and stores the output's tail; false when the lease is no longer this worker's. */
    public boolean heartbeat(long cardId, long runId, String worker, long leaseMillis, String outputTail) {
        long pid = workspace.actor().pid();
        return workspace.write(tx -> {
            long now = workspace.clock().millis();
            boolean held = tx.cards().extendLease(cardId, worker, pid, now, now + leaseMillis);
            if (held && outputTail != null) {
                tx.runs().updateTail(runId, outputTail);
            }
            return held;
        });
    }

    /**
     * Who took the card of a run back from its worker (a person moving or archiving it cancels the
     * run), or empty when the run was not cancelled: then the lease simply ran out.
     */
    public Optional<String> takenBackBy(long cardId, long runId) {
        return workspace.read(tx -> {
            Optional<Run> run = tx.runs().byId(runId);
            if (run.isEmpty() || !run.get().outcome().equals("cancelled")) {
                return Optional.<String>empty();
            }
            List<dev.tack.model.Event> events = tx.events().ofCard(cardId);
            for (int i = events.size() - 1; i >= 0; i--) {
                dev.tack.model.Event event = events.get(i);
                if (event.kind().equals("card.moved") || event.kind().equals(Cards.MOVED_BOARD) || event.kind().equals("card.archived")) {
                    return Optional.of(event.actor());
                }
            }
            return Optional.of("someone");
        });
    }

    /** Closes a run and moves its card on, back, or to the fail column; a lost lease makes it STALE and changes nothing. */
    public Finish finish(Lanes lanes, long cardId, long runId, String worker, Outcome outcome, Integer exitCode,
                         String outputTail, int maxAttempts, long backoffMillis) {
        long pid = workspace.actor().pid();
        Hooks.Pending pending = hooks.pending();
        Finish finish = workspace.write(tx -> {
            pending.clear();
            Card card = Cards.any(tx, cardId);
            long now = workspace.clock().millis();
            Run run = tx.runs().byId(runId).orElseThrow(() -> TackException.notFound("no run " + runId));
            boolean stillOurs = card.claimed() && card.claim().worker().equals(worker) && card.claim().pid() == pid
                    && card.claim().leaseUntilMillis() >= now && run.outcome().equals("running");
            if (!stillOurs) {
                if (run.outcome().equals("running") || run.outcome().equals("lost")) {
                    // A run already closed for good (finished once, released) keeps its record; a lost
                    // one keeps the reclaimer's note of what it did to the command.
                    tx.runs().finish(runId, "stale", exitCode, withNotes(outputTail, run.outputTail()));
                }
                String what = outcome.label() + (exitCode == null ? "" : " (exit " + exitCode + ")");
                String summary = run.outcome().equals("cancelled")
                        ? "stopped its command on #" + cardId + ": the card had been taken back"
                        : "ended #" + cardId + " too late (" + what + "), ignored: its lease had expired";
                tx.events().append(workspace.actor(), card.boardId(), cardId, "run.stale", summary + asWorker(worker), null, null);
                return Finish.STALE;
            }
            Board board = new Board(card.boardId(), null);
            tx.runs().finish(runId, outcome.label(), exitCode, outputTail);
            if (outcome == Outcome.SUCCEEDED) {
                Card moved = Cards.relocate(tx, card, Columns.find(tx, board, lanes.to()), null);
                tx.cards().release(cardId, false, null, 0);
                Card after = Cards.load(tx, cardId);
                cards.record(tx, after, "card.finished", "finished #" + cardId + asWorker(worker) + ", moved to " + moved.column(), card, after);
                pending.add(tx, HookEvent.DONE, card, after);
                return Finish.MOVED_ON;
            }
            boolean exhausted = card.attempts() >= maxAttempts;
            Column target = exhausted ? (lanes.fail() == null ? null : Columns.find(tx, board, lanes.fail()))
                    : Columns.find(tx, board, lanes.from());
            if (target != null) {
                Cards.relocate(tx, card, target, null);
            }
            tx.cards().release(cardId, exhausted, exhausted ? null : now + backoffMillis, 0);
            Card after = Cards.load(tx, cardId);
            String what = outcome.label() + (exitCode == null ? "" : " (exit " + exitCode + ")");
            cards.record(tx, after, exhausted ? "card.failed" : "card.retry", "ran #" + cardId + asWorker(worker) + ": " + what
                    + ", attempt " + card.attempts() + " of " + maxAttempts
                    + (exhausted ? (target == null ? "; marked failed" : "; moved to " + target.name())
                    : "; back to " + target.name() + " after " + backoffMillis / 1000 + " s"), card, after);
            pending.add(tx, HookEvent.FAILED, card, after);
            return exhausted ? Finish.FAILED : Finish.RETRY;
        });
        pending.fire();
        return finish;
    }

    /** Gives a held card back to {@code from} without counting the attempt (a worker stopping). */
    public boolean release(Lanes lanes, long cardId, long runId, String worker) {
        long pid = workspace.actor().pid();
        Hooks.Pending pending = hooks.pending();
        boolean released = workspace.write(tx -> {
            pending.clear();
            Card card = Cards.any(tx, cardId);
            if (!card.claimed() || !card.claim().worker().equals(worker) || card.claim().pid() != pid) {
                return false;
            }
            tx.runs().finish(runId, "released", null, null);
            Cards.relocate(tx, card, Columns.find(tx, new Board(card.boardId(), null), lanes.from()), 0);
            tx.cards().release(cardId, false, null, -1);
            Card after = Cards.load(tx, cardId);
            cards.record(tx, after, "card.released", "stopped and gave #" + cardId + " back to " + lanes.from() + asWorker(worker), card, after);
            pending.moved(tx, card, after);
            return true;
        });
        pending.fire();
        return released;
    }

    /** A card held by a worker that is gone or whose lease ran out, with its runs still open, as {@link #reclaimable} saw it. */
    public record Abandoned(Card card, List<Run> running, boolean holderDead) {
    }

    /**
     * Cards held in the worker's lane ({@code doing}, else {@code from}) whose holder is gone: a dead
     * pid on this host, or a lease past its end. A read: the caller may make sure their commands
     * have stopped, outside any lock, before it {@link #reclaim}s them.
     */
    public List<Abandoned> reclaimable(Lanes lanes) {
        return workspace.read(tx -> {
            Column lane = lane(tx, workspace.board(tx), lanes);
            long now = workspace.clock().millis();
            List<Abandoned> found = new ArrayList<>();
            for (Card card : tx.cards().claimedIn(lane.id())) {
                boolean dead = holderDead(tx, card.claim());
                if (dead || card.claim().leaseUntilMillis() < now) {
                    found.add(new Abandoned(card, tx.runs().ofCard(card.id()).stream()
                            .filter(run -> run.outcome().equals("running")).toList(), dead));
                }
            }
            return found;
        });
    }

    /** Reclaims every abandoned card of the lane at once (see {@link #reclaim(Lanes, int, java.util.Map)}). */
    public List<Long> reclaim(Lanes lanes, int maxAttempts) {
        return reclaim(lanes, maxAttempts, null);
    }

    /**
     * Returns abandoned cards to {@code from}: those in {@code notes} (card id to a line added to the
     * lost run's output, or null), or every one when {@code notes} is null. A card is still checked
     * here, under the lock: one whose holder came back in between is left alone. The lost attempt
     * counts; a card out of attempts goes to {@code fail}.
     */
    public List<Long> reclaim(Lanes lanes, int maxAttempts, java.util.Map<Long, String> notes) {
        Hooks.Pending pending = hooks.pending();
        List<Long> result = workspace.write(tx -> {
            pending.clear();
            Board board = workspace.board(tx);
            Column lane = lane(tx, board, lanes);
            long now = workspace.clock().millis();
            List<Long> reclaimed = new ArrayList<>();
            for (Card card : tx.cards().claimedIn(lane.id())) {
                if (notes != null && !notes.containsKey(card.id())) {
                    continue;
                }
                Card.Claim claim = card.claim();
                boolean expired = claim.leaseUntilMillis() < now;
                boolean dead = holderDead(tx, claim);
                if (!expired && !dead) {
                    continue;
                }
                reclaimOne(tx, board, lanes, card, dead, notes == null ? null : notes.get(card.id()), maxAttempts, pending);
                reclaimed.add(card.id());
            }
            return reclaimed;
        });
        pending.fire();
        return result;
    }

    /**
     * Returns one abandoned card to {@code from} (or {@code fail} when out of attempts) inside the
     * caller's transaction: its running runs become {@code lost} (with {@code note} added to their
     * output), the attempt counts, and a {@code card.reclaimed} event says why.
     */
    void reclaimOne(StorageTx tx, Board board, Lanes lanes, Card card, boolean dead, String note, int maxAttempts, Hooks.Pending pending) {
        Card.Claim claim = card.claim();
        for (Run run : tx.runs().ofCard(card.id())) {
            if (run.outcome().equals("running")) {
                String tail = note == null ? run.outputTail()
                        : run.outputTail().isEmpty() ? note : run.outputTail() + "\n" + note;
                tx.runs().finish(run.id(), "lost", null, tail);
            }
        }
        boolean exhausted = card.attempts() >= maxAttempts;
        Column target = exhausted ? (lanes.fail() == null ? null : Columns.find(tx, board, lanes.fail()))
                : Columns.find(tx, board, lanes.from());
        if (target != null && target.id() != card.columnId()) {
            Cards.relocate(tx, card, target, null);
        }
        tx.cards().release(card.id(), exhausted, null, 0);
        Card after = Cards.load(tx, card.id());
        String holder = claim.pid() == NO_PROCESS ? "" : " (pid " + claim.pid() + (dead ? ", gone" : ", lease expired") + ")";
        cards.record(tx, after, "card.reclaimed", "reclaimed #" + card.id() + " from " + claim.worker()
                + (holder.isEmpty() ? " (lease expired)" : holder) + ", attempt " + card.attempts()
                + (exhausted ? "; failed" : "; back to " + lanes.from()), card, after);
        // out of attempts: the card failed as surely as after a failed run
        pending.add(tx, exhausted ? List.of(HookEvent.LEASE_LOST, HookEvent.FAILED) : List.of(HookEvent.LEASE_LOST), card, after);
    }

    /**
     * Event summaries name no actor (the screen and the log put the event's actor before them);
     * the worker's name is added only when it differs from the actor ({@code --as} given).
     */
    String asWorker(String worker) {
        return worker.equals(workspace.actor().name()) ? "" : " as worker " + worker;
    }

    /**
     * On this host a pid says it all (an agent's claim has none: its lease decides). A pid on another
     * host means nothing here: there the engine must prove the holder gone (on PostgreSQL nobody holds
     * its mark of life, {@link Workspace#markAlive}); a board file cannot tell, and waits for the lease.
     */
    boolean holderDead(StorageTx tx, Card.Claim claim) {
        if (claim.pid() == NO_PROCESS) {
            return false;
        }
        if (claim.host().equals(workspace.actor().host())) {
            return ProcessHandle.of(claim.pid()).isEmpty();
        }
        return tx.presence().provenGone(claim.host(), claim.pid());
    }

    private static Column lane(StorageTx tx, Board board, Lanes lanes) {
        return Columns.find(tx, board, lanes.doing() != null ? lanes.doing() : lanes.from());
    }

    /** Whether {@code from} still holds cards a worker could take, now or once their back-off ends. */
    public boolean anyWaiting(Lanes lanes) {
        return workspace.read(tx -> {
            Board board = workspace.board(tx);
            Column lane = Columns.find(tx, board, lanes.doing() != null ? lanes.doing() : lanes.from());
            // Cards other workers hold count too: if their worker dies, someone must be here to reclaim them.
            // A card that waits counts only once ready: while what it waits for is claimed here the
            // claim keeps the worker, otherwise nothing in this lane can make it ready.
            Column from = Columns.find(tx, board, lanes.from());
            List<Card> claimedHere = tx.cards().claimedIn(lane.id());
            if (!claimedHere.isEmpty()) {
                return true;
            }
            if (tx.cards().waiting(from.id()) == 0) {
                return false;
            }
            Readiness readiness = Readiness.in(tx);
            return tx.cards().liveOfColumn(from.id()).stream()
                    .anyMatch(c -> !c.claimed() && !c.failed() && readiness.of(c.id()).ready());
        });
    }

    /** Records that {@code worker} paused the lane (its command kept failing): an event on the board, for the log and {@code tack doctor}. */
    public void paused(Lanes lanes, String worker, String why) {
        workspace.write(tx -> {
            Board board = workspace.board(tx);
            tx.events().append(workspace.actor(), board.id(), null, "worker.paused", "paused the lane " + lanes.from() + asWorker(worker)
                    + ": " + why, null, null);
            return null;
        });
    }

    public List<Run> runs(boolean activeOnly, int limit) {
        return workspace.read(tx -> tx.runs().recent(activeOnly, limit));
    }
}
