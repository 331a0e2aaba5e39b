package dev.tack.board;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.Column;
import dev.tack.model.Run;
import dev.tack.model.TackException;
import dev.tack.store.StorageTx;

/**
 * The board as a work queue for agents that drive tack from their own shell (issue 16): claim the
 * next ready card, extend its lease, finish, block or release it. It is {@link Claims}' claim —
 * the same compare-and-swap, readiness, hard WIP check, run and event, in one write transaction —
 * with two differences that come from the caller being a short-lived process: the claim records no
 * process ({@link Claims#NO_PROCESS}), so it lives by its lease alone, and each later step is fenced
 * by a random token kept on the claim's run instead of by the holder's pid. A lease that ran out is
 * returned to the lane by the next claim there (the run says {@code lost}), as a worker's reclaim
 * would; workers reclaim only their own kind (they also stop the lost run's commands).
 */
public final class Agents {

    /** Where an agent takes work: the column, the doing column a claim moves the card to (or null), a tag (or null). */
    public record Lane(String from, String doing, String tag) {
        /**
         * This lane with {@code from} given (the board's first column when it was not) and its doing
         * column: {@code doing} when given, else the one set for the lane ({@code tack column doing}).
         */
        Lane on(StorageTx tx, Board board) {
            String lane = from;
            if (lane == null) {
                List<Column> columns = tx.columns().ofBoard(board.id());
                if (columns.isEmpty()) {
                    throw TackException.notFound("board '" + board.name() + "' has no columns");
                }
                lane = columns.get(0).name();
            }
            String moveTo = doing != null ? doing
                    : Columns.doingOf(tx, board, Columns.find(tx, board, lane)).map(Column::name).orElse(null);
            return new Lane(lane, moveTo, tag);
        }

        Predicate<Card> filter() {
            return tag == null ? card -> true : card -> card.tags().contains(tag);
        }
    }

    /** A card the agent now holds: its run, the token of its claim, and what the cards it waited for reported. */
    public record Taken(Card card, Run run, String token, List<Report> prerequisites) {
    }

    /** A card of the lane and whether a claim would take it, with why not ("waiting for #5"). */
    public record Explained(Card card, boolean claimable, String reason) {
    }

    /** Nothing was claimed: why, in one line, and each card of the lane with its own reason. */
    public record NotTaken(String reason, List<Explained> cards) {
    }

    /** A claim attempt's result. */
    public sealed interface Claim permits Got, Nothing {
    }

    public record Got(Taken taken) implements Claim {
    }

    public record Nothing(NotTaken why) implements Claim {
    }

    /**
     * What a card that another waits for left on its last reported run ({@code tack done --summary
     * --meta}): shown to whoever takes the waiting card. {@code summary}, {@code meta}, {@code by}
     * and {@code at} are null when nothing was reported.
     */
    public record Report(long cardId, String title, String column, boolean done, String summary, String meta, String by, String at) {
    }

    private static final String AT_LIMIT = " is at its hard WIP limit";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Workspace workspace;
    private final Claims claims;
    private final Cards cards;

    public Agents(Workspace workspace) {
        this.workspace = workspace;
        this.claims = new Claims(workspace);
        this.cards = new Cards(workspace);
    }

    /**
     * Takes the first ready, unclaimed card of the lane (highest priority, then board order) for
     * {@code name}, for {@code leaseMillis}, in one write transaction; first returns to the lane the
     * agents' cards whose lease ran out.
     */
    public Claim claimNext(Lane asked, String name, long leaseMillis) {
        Hooks.Pending pending = claims.pendingHooks();
        try {
            Claim claim = workspace.write(tx -> {
                pending.clear();
                Board board = workspace.board(tx);
                Lane lane = asked.on(tx, board);
                Claims.Lanes lanes = lanes(lane);
                Column from = Columns.find(tx, board, lane.from());
                Column doing = lane.doing() == null ? null : Columns.find(tx, board, lane.doing());
                reclaimExpired(tx, board, lanes, from, doing, pending);
                long now = workspace.clock().millis();
                if (doing != null && full(tx, doing)) {
                    return new Nothing(notTaken(tx, board, lane, now));
                }
                Optional<Claims.Claimed> claimed = claims.claimIn(tx, board, lanes, name, Claims.NO_PROCESS, leaseMillis, null, lane.filter(), pending);
                if (claimed.isEmpty()) {
                    return new Nothing(notTaken(tx, board, lane, now));
                }
                String token = newToken();
                tx.runs().markClaim(claimed.get().run().id(), token, from.id());
                Card card = claimed.get().card();
                return new Got(new Taken(card, tx.runs().byId(claimed.get().run().id()).orElseThrow(), token, reports(tx, card.id())));
            });
            pending.fire();
            return claim;
        } catch (Claims.NoRoom full) {
            // Not reached while the room is checked first; kept so that a full doing column is never a failure.
            return workspace.read(tx -> new Nothing(new NotTaken(full.getMessage(), List.of())));
        }
    }

    /** The lane's cards, claimable ones first in claim order, then the rest in board order, each with why not. */
    public List<Explained> explain(Lane lane) {
        return workspace.read(tx -> {
            Board board = workspace.board(tx);
            return explain(tx, board, lane.on(tx, board), workspace.clock().millis());
        });
    }

    /** Extends the lease of the claim {@code token} names; refused (CONFLICT) unless it is the card's current, unexpired claim. */
    public Card heartbeat(long id, String token, long leaseMillis) {
        return workspace.write(tx -> {
            Held held = held(tx, id, token);
            long now = workspace.clock().millis();
            if (!tx.cards().extendLease(id, held.card().claim().worker(), Claims.NO_PROCESS, now, now + leaseMillis)) {
                throw TackException.conflict("#" + id + ": the lease could not be extended; claim it again");
            }
            return Cards.load(tx, id);
        });
    }

    /**
     * Finishes the claimed card: the run succeeds with the agent's report, the card goes to
     * {@code to} (null: the board's done column) and is free again.
     */
    public Card done(long id, String token, String to, String summary, String meta) {
        return firing((tx, pending) -> {
            Held held = held(tx, id, token);
            Card card = held.card();
            Column target = to != null ? Columns.find(tx, new Board(card.boardId(), null), to) : doneColumn(tx, card.boardId());
            tx.runs().finish(held.run().id(), "succeeded", null, null);
            tx.runs().report(held.run().id(), summary, meta);
            Cards.relocate(tx, card, target, null);
            tx.cards().release(id, false, null, 0);
            Card after = Cards.load(tx, id);
            cards.record(tx, after, "card.finished", "finished #" + id + by(held.run()) + ", moved to " + target.name()
                    + (summary == null ? "" : ": " + firstLine(summary)), card, after);
            pending.add(tx, HookEvent.DONE, card, after);
            return after;
        });
    }

    /**
     * The agent cannot go on: the run ends {@code blocked} with the reason, the card stays where it
     * is, free, and marked failed so no claim hands it out again until a person moves it.
     */
    public Card block(long id, String token, String reason) {
        return firing((tx, pending) -> {
            Held held = held(tx, id, token);
            tx.runs().finish(held.run().id(), "blocked", null, null);
            tx.runs().report(held.run().id(), reason, null);
            tx.cards().release(id, true, null, 0);
            Card after = Cards.load(tx, id);
            cards.record(tx, after, "card.blocked", "blocked #" + id + by(held.run()) + ": " + firstLine(reason), held.card(), after);
            pending.add(tx, HookEvent.BLOCKED, held.card(), after);
            return after;
        });
    }

    /** Gives the card back to the top of the column it was claimed from, without counting the attempt. */
    public Card release(long id, String token) {
        return firing((tx, pending) -> {
            Held held = held(tx, id, token);
            Card card = held.card();
            Column lane = columnById(tx, card.boardId(), held.run().laneId()).orElseGet(() -> Cards.columnOf(tx, card));
            tx.runs().finish(held.run().id(), "released", null, null);
            Cards.relocate(tx, card, lane, 0);
            tx.cards().release(id, false, null, -1);
            Card after = Cards.load(tx, id);
            cards.record(tx, after, "card.released", "gave #" + id + " back to " + lane.name() + by(held.run()), card, after);
            pending.moved(tx, card, after); // no event of its own: back in the queue, as if never claimed; moved when it leaves the doing column
            return after;
        });
    }

    /** One write whose hook firings run after its commit. */
    private Card firing(java.util.function.BiFunction<StorageTx, Hooks.Pending, Card> write) {
        Hooks.Pending pending = claims.pendingHooks();
        Card after = workspace.write(tx -> {
            pending.clear();
            return write.apply(tx, pending);
        });
        pending.fire();
        return after;
    }

    /** What the cards card {@code id} waits for reported, in id order. */
    public List<Report> reports(long id) {
        return workspace.read(tx -> {
            Cards.any(tx, id);
            return reports(tx, id);
        });
    }

    static List<Report> reports(StorageTx tx, long id) {
        Readiness readiness = Readiness.in(tx);
        List<Report> reports = new ArrayList<>();
        for (long prerequisite : tx.links().waitsFor(id)) {
            Optional<Card> card = tx.cards().byId(prerequisite);
            if (card.isEmpty()) {
                continue;
            }
            List<Run> runs = tx.runs().ofCard(prerequisite);
            Run reported = null;
            for (int i = runs.size() - 1; i >= 0 && reported == null; i--) {
                if (runs.get(i).summary() != null || runs.get(i).meta() != null) {
                    reported = runs.get(i);
                }
            }
            reports.add(new Report(prerequisite, card.get().title(), card.get().column(), readiness.isDone(card.get()),
                    reported == null ? null : reported.summary(), reported == null ? null : reported.meta(),
                    reported == null ? null : reported.worker(), reported == null ? null : reported.finishedAt()));
        }
        return reports;
    }

    // -- inside a transaction ------------------------------------------------------------------------

    private record Held(Card card, Run run) {
    }

    /** The card and the run of the claim {@code token} names, refused (CONFLICT, with why) unless it is the card's current claim. */
    private Held held(StorageTx tx, long id, String token) {
        Card card = Cards.any(tx, id);
        Optional<Run> found = tx.runs().withToken(id, token);
        if (found.isEmpty()) {
            throw TackException.conflict("#" + id + ": that token is not this card's claim"
                    + (card.claimed() ? " (" + card.claim().worker() + " holds it)" : ""));
        }
        Run run = found.get();
        if (!run.outcome().equals("running")) {
            throw TackException.conflict("#" + id + ": that claim has ended (" + ended(run.outcome()) + ")"
                    + (card.claimed() ? "; " + card.claim().worker() + " holds the card now" : ""));
        }
        if (!card.claimed() || card.claim().pid() != Claims.NO_PROCESS || !card.claim().worker().equals(run.worker())) {
            throw TackException.conflict("#" + id + ": that claim is no longer the card's");
        }
        long now = workspace.clock().millis();
        if (card.claim().leaseUntilMillis() < now) {
            throw TackException.conflict("#" + id + ": the lease ran out at " + clockTime(card.claim().leaseUntilMillis())
                    + "; the card goes back to the lane (claim again with: tack claim --next)");
        }
        return new Held(card, run);
    }

    private static String ended(String outcome) {
        return switch (outcome) {
            case "lost" -> "its lease ran out and the card went back to the lane";
            case "cancelled" -> "someone took the card back";
            case "succeeded" -> "it is done";
            case "released" -> "it was released";
            case "blocked" -> "it was blocked";
            default -> outcome;
        };
    }

    /** Agents' claims in the lane whose lease ran out go back to {@code from}; their runs are lost. */
    private void reclaimExpired(StorageTx tx, Board board, Claims.Lanes lanes, Column from, Column doing, Hooks.Pending pending) {
        long now = workspace.clock().millis();
        for (Column column : doing == null ? List.of(from) : List.of(from, doing)) {
            for (Card card : tx.cards().claimedIn(column.id())) {
                if (card.claim().pid() == Claims.NO_PROCESS && card.claim().leaseUntilMillis() < now) {
                    claims.reclaimOne(tx, board, lanes, card, false, null, Integer.MAX_VALUE, pending);
                }
            }
        }
    }

    private static boolean full(StorageTx tx, Column column) {
        return column.wipHard() && column.wipLimit() != null && tx.columns().cardCount(column.id()) >= column.wipLimit();
    }

    private NotTaken notTaken(StorageTx tx, Board board, Lane lane, long now) {
        List<Explained> explained = explain(tx, board, lane, now);
        String where = lane.tag() == null ? lane.from() : lane.from() + " tagged " + lane.tag();
        if (explained.isEmpty()) {
            long elsewhere = lane.doing() == null ? 0 : tx.cards().claimedIn(Columns.find(tx, board, lane.doing()).id()).size();
            return new NotTaken("nothing in " + where + (elsewhere == 0 ? "" : " (" + elsewhere + " claimed in " + lane.doing() + ")"), explained);
        }
        Optional<String> wip = explained.stream().map(Explained::reason).filter(r -> r.contains(AT_LIMIT)).findFirst();
        if (wip.isPresent()) {
            return new NotTaken(wip.get(), explained);
        }
        if (explained.stream().allMatch(e -> e.card().claimed())) {
            return new NotTaken("all claimed in " + where + ": " + summary(explained), explained);
        }
        return new NotTaken("nothing ready in " + where + ": " + summary(explained), explained);
    }

    private static String summary(List<Explained> explained) {
        List<String> parts = new ArrayList<>();
        for (Explained e : explained.subList(0, Math.min(5, explained.size()))) {
            parts.add("#" + e.card().id() + " " + e.reason());
        }
        return String.join("; ", parts) + (explained.size() > 5 ? "; and " + (explained.size() - 5) + " more" : "");
    }

    private List<Explained> explain(StorageTx tx, Board board, Lane lane, long now) {
        Column from = Columns.find(tx, board, lane.from());
        Column doing = lane.doing() == null ? null : Columns.find(tx, board, lane.doing());
        String fullReason = doing != null && full(tx, doing)
                ? doing.name() + AT_LIMIT + " (" + tx.columns().cardCount(doing.id()) + "/" + doing.wipLimit() + ")" : null;
        Readiness readiness = Readiness.in(tx);
        Predicate<Card> filter = lane.filter();
        List<Explained> claimable = new ArrayList<>();
        Set<Long> claimableIds = new HashSet<>();
        int page = 100;
        for (int offset = 0; ; offset += page) {
            List<Card> batch = tx.cards().claimable(from.id(), now, offset, page);
            for (Card card : batch) {
                if (filter.test(card) && readiness.of(card.id()).ready()) {
                    claimableIds.add(card.id());
                    claimable.add(new Explained(card, fullReason == null, fullReason == null ? "ready" : fullReason));
                }
            }
            if (batch.size() < page) {
                break;
            }
        }
        List<Explained> others = new ArrayList<>();
        for (Card card : tx.cards().liveOfColumn(from.id())) {
            if (claimableIds.contains(card.id()) || !filter.test(card)) {
                continue;
            }
            others.add(new Explained(card, false, whyNot(tx, readiness, card, now)));
        }
        claimable.addAll(others);
        return claimable;
    }

    private String whyNot(StorageTx tx, Readiness readiness, Card card, long now) {
        if (card.claimed()) {
            long until = card.claim().leaseUntilMillis();
            return "claimed by " + card.claim().worker() + (until < now ? ", whose lease ran out at " + clockTime(until)
                    + " (it goes back at the next claim)" : " until " + clockTime(until));
        }
        if (card.failed()) {
            List<Run> runs = tx.runs().ofCard(card.id());
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.outcome().equals("blocked")) {
                return "blocked by " + last.worker() + (last.summary() == null ? "" : ": " + firstLine(last.summary()))
                        + " (move it to hand it out again)";
            }
            return "failed after " + card.attempts() + " attempt" + (card.attempts() == 1 ? "" : "s") + " (move it to try again)";
        }
        Readiness.Status status = readiness.of(card.id());
        if (!status.ready()) {
            return status.reason();
        }
        return "waiting out its back-off after a failed attempt";
    }

    private String clockTime(long millis) {
        return CLOCK_TIME.format(Instant.ofEpochMilli(millis).atZone(ZoneId.systemDefault()));
    }

    private static Claims.Lanes lanes(Lane lane) {
        return new Claims.Lanes(lane.from(), lane.from(), lane.doing(), null);
    }

    /** The column a finished card goes to without {@code --to}: the first of the board's done columns. */
    private static Column doneColumn(StorageTx tx, long boardId) {
        Set<Long> done = Readiness.in(tx).doneColumnsOf(boardId);
        return tx.columns().ofBoard(boardId).stream().filter(c -> done.contains(c.id())).findFirst()
                .orElseThrow(() -> TackException.notFound("the board has no columns"));
    }

    private static Optional<Column> columnById(StorageTx tx, long boardId, Long columnId) {
        return columnId == null ? Optional.empty() : tx.columns().ofBoard(boardId).stream().filter(c -> c.id() == columnId).findFirst();
    }

    private String by(Run run) {
        return run.worker().equals(workspace.actor().name()) ? "" : " (claimed by " + run.worker() + ")";
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 79) + "…" : line;
    }

    private static String newToken() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
