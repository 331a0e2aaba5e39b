package dev.tack.board;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.Hook;
import dev.tack.model.TackException;
import dev.tack.store.StorageTx;

/**
 * A board's hooks (issue 16): commands run on card events, stored in the database so that every
 * process that writes to the board runs them. Who runs a hook: the process that made the write,
 * right after its commit, outside every lock, one hook after the other, each bounded by its
 * timeout ({@link HookProcess}). A hook that fails or times out is logged through the
 * workspace's hook log and changes nothing: the write it follows has already committed.
 *
 * <p>Write paths call {@link #fire} after their transaction returns; a write that may fire several
 * events collects them inside its transaction with {@link #pending()} and fires them after. A
 * process started by a hook (it has {@code TACK_HOOK} in its environment) fires none, so a hook
 * that itself moves cards cannot start an endless chain.
 */
public final class Hooks {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Workspace workspace;

    public Hooks(Workspace workspace) {
        this.workspace = workspace;
    }

    /** One event to fire after a commit: {@code from} is the column a moved card left (null for other events). */
    public record Firing(HookEvent event, Card card, String from) {
    }

    /** Firings collected inside one transaction, fired after it commits. Cleared by {@link #clear} when a transaction starts over. */
    public final class Pending {
        private final List<Firing> firings = new ArrayList<>();

        /**
         * Inside the transaction: {@code event} happened to {@code after}. A changed column
         * also fires {@code moved}; a plain move ({@link #moved}: no event of its own)
         * that brings the card into one of its board's done columns from outside them also fires
         * {@code done}, so a person's move to Done and a worker's finish look alike to a hook. (A failed
         * card sent to a fail column that happens to be the board's last is not done.)
         */
        public void add(StorageTx tx, HookEvent event, Card before, Card after) {
            add(tx, List.of(event), before, after);
        }

        /** A plain move (a person's, an undo's, a release's): {@code moved}, and {@code done} when it came into a done column. */
        public void moved(StorageTx tx, Card before, Card after) {
            add(tx, List.of(), before, after);
        }

        /** As {@link #add(StorageTx, HookEvent, Card, Card)} for a write that is several events at once (reclaimed and failed). */
        public void add(StorageTx tx, List<HookEvent> events, Card before, Card after) {
            String from = before == null ? null : before.column();
            for (HookEvent event : events) {
                firings.add(new Firing(event, after, from));
            }
            if (before == null || before.columnId() == after.columnId()) {
                return;
            }
            firings.add(new Firing(HookEvent.MOVED, after, from));
            if (events.isEmpty() && !after.archived() && enteredDone(tx, before, after)) {
                firings.add(new Firing(HookEvent.DONE, after, from));
            }
        }

        public void clear() {
            firings.clear();
        }

        /** After the commit. */
        public void fire() {
            List<Firing> now = List.copyOf(firings);
            firings.clear();
            Hooks.this.fire(now);
        }
    }

    private static boolean enteredDone(StorageTx tx, Card before, Card after) {
        Readiness readiness = Readiness.in(tx);
        return readiness.doneColumnsOf(after.boardId()).contains(after.columnId())
                && !readiness.doneColumnsOf(before.boardId()).contains(before.columnId());
    }

    public Pending pending() {
        return new Pending();
    }

    public Hook add(String event, String command, String column, Duration timeout) {
        HookEvent kind = HookEvent.parse(event);
        if (command == null || command.isBlank()) {
            throw TackException.usage("a hook needs a command");
        }
        if (column != null && kind != HookEvent.MOVED) {
            throw TackException.usage("--column narrows 'moved' hooks only (moved to that column)");
        }
        Duration limit = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (limit.isZero() || limit.isNegative()) {
            throw TackException.usage("--timeout must be positive");
        }
        return workspace.write(tx -> {
            Board board = workspace.board(tx);
            Long columnId = column == null ? null : Columns.find(tx, board, column).id();
            long id = tx.hooks().insert(board.id(), kind.label(), columnId, command, limit.toMillis(), workspace.actor().name());
            Hook hook = tx.hooks().byId(id).orElseThrow();
            tx.events().append(workspace.actor(), board.id(), null, "hook.added", "added hook #" + id + " on " + describe(hook)
                    + ": " + command, null, Json.compact(Json.hook(hook)));
            return hook;
        });
    }

    public List<Hook> list() {
        return workspace.read(tx -> tx.hooks().ofBoard(workspace.board(tx).id()));
    }

    public Hook remove(long id) {
        return workspace.write(tx -> {
            Board board = workspace.board(tx);
            Hook hook = tx.hooks().byId(id).filter(h -> h.boardId() == board.id())
                    .orElseThrow(() -> TackException.notFound("no hook #" + id + " on board " + board.name() + " (see: tack hook ls)"));
            tx.hooks().delete(id);
            tx.events().append(workspace.actor(), board.id(), null, "hook.removed", "removed hook #" + id + " on " + describe(hook),
                    Json.compact(Json.hook(hook)), null);
            return hook;
        });
    }

    /** "moved to Done", "done". */
    public static String describe(Hook hook) {
        return hook.event() + (hook.column() == null ? "" : " to " + hook.column());
    }

    /** After a commit: runs the hooks of {@code card}'s board for {@code event}. Never throws. */
    public void fire(HookEvent event, Card card, String from) {
        fire(List.of(new Firing(event, card, from)));
    }

    /** After a commit: runs the hooks for each firing, in order. Never throws: a write that committed stays a success. */
    public void fire(List<Firing> firings) {
        if (firings.isEmpty() || System.getenv("TACK_HOOK") != null) {
            return;
        }
        Consumer<String> log = workspace.hookLog();
        List<Run> runs;
        try {
            runs = workspace.read(tx -> {
                List<Run> found = new ArrayList<>();
                Map<Long, String> boards = new LinkedHashMap<>();
                for (Firing firing : firings) {
                    for (Hook hook : tx.hooks().ofBoard(firing.card().boardId(), firing.event().label())) {
                        if (hook.columnId() != null && hook.columnId() != firing.card().columnId()) {
                            continue;
                        }
                        String board = boards.computeIfAbsent(firing.card().boardId(),
                                id -> tx.boards().byId(id).map(Board::name).orElse(""));
                        found.add(new Run(hook, firing, board));
                    }
                }
                return found;
            });
        } catch (TackException e) {
            log.accept("could not read the board's hooks after the write (" + e.getMessage() + "); none ran");
            return;
        }
        for (Run run : runs) {
            try {
                HookProcess.run(run.hook(), payload(run), environment(run), log);
            } catch (RuntimeException e) {
                log.accept("hook #" + run.hook().id() + " (" + describe(run.hook()) + ") could not run: " + e.getMessage());
            }
        }
    }

    private record Run(Hook hook, Firing firing, String board) {
    }

    /** What the hook reads on standard input: the event, who made it, and the card as {@code --json} shows it. */
    private String payload(Run run) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("event", run.firing().event().label());
        map.put("hook", run.hook().id());
        map.put("board", run.board());
        map.put("actor", workspace.actor().name());
        map.put("at", dev.tack.store.Clock.of(workspace.clock()));
        map.put("from", run.firing().from());
        map.put("column", run.firing().card().column());
        map.put("card", Json.card(run.firing().card()));
        return Json.compact(map);
    }

    private Map<String, String> environment(Run run) {
        Card card = run.firing().card();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TACK_HOOK", String.valueOf(run.hook().id()));
        env.put("TACK_EVENT", run.firing().event().label());
        env.put("TACK_CARD_ID", String.valueOf(card.id()));
        env.put("TACK_CARD_TITLE", card.title());
        env.put("TACK_COLUMN", card.column());
        if (run.firing().from() != null) {
            env.put("TACK_FROM_COLUMN", run.firing().from());
        }
        env.put("TACK_BOARD", run.board());
        env.put("TACK_DB", workspace.location());
        env.put("TACK_ACTOR", workspace.actor().name());
        return env;
    }
}
