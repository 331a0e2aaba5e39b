package dev.tack.board;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import com.google.gson.JsonObject;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.TackException;
import dev.tack.store.StorageTx;

/**
 * Cards that wait for cards. "7 waits for 5" is a link from 7 to 5 ({@code tack link 7 --after 5});
 * 7 is ready once 5 is done ({@link Readiness}). Links stay within one database and may cross its
 * boards. A link that would close a cycle is refused inside the write transaction that would add
 * it, so two processes linking 5 after 7 and 7 after 5 at once cannot both succeed: the write lock
 * orders them and the second sees the first's link.
 *
 * <p>Each link and unlink is an event on the waiting card ({@code card.linked}, {@code
 * card.unlinked}) that bumps its version and can be undone; its sides hold {@code link}: the
 * prerequisite's id, or null.
 */
public final class Links {

    static final String LINKED = "card.linked";
    static final String UNLINKED = "card.unlinked";

    private final Workspace workspace;

    public Links(Workspace workspace) {
        this.workspace = workspace;
    }

    /** What a link or unlink did: the waiting card after it, and whether anything changed (a second link is a no-op). */
    public record Result(Card card, boolean changed) {
    }

    /** Card {@code waiting} waits for card {@code prerequisite} from now on. */
    public Result link(long waiting, long prerequisite) {
        requireTwo(waiting, prerequisite);
        return workspace.write(tx -> linkInside(tx, waiting, prerequisite));
    }

    /** As {@link #link}, for each of {@code prerequisites}, in one transaction. */
    public Result linkAll(long waiting, Collection<Long> prerequisites) {
        prerequisites.forEach(p -> requireTwo(waiting, p));
        return workspace.write(tx -> {
            Result last = new Result(Cards.any(tx, waiting), false);
            boolean changed = false;
            for (long prerequisite : prerequisites) {
                last = linkInside(tx, waiting, prerequisite);
                changed |= last.changed();
            }
            return new Result(last.card(), changed);
        });
    }

    public Result unlink(long waiting, long prerequisite) {
        requireTwo(waiting, prerequisite);
        return workspace.write(tx -> {
            Card card = Cards.any(tx, waiting);
            Cards.any(tx, prerequisite);
            if (!tx.links().remove(waiting, prerequisite)) {
                return new Result(card, false);
            }
            Card after = touch(tx, card);
            record(tx, after, UNLINKED, "unlinked #" + waiting + " from #" + prerequisite, prerequisite, null, card);
            return new Result(after, true);
        });
    }

    /** Inside a caller's write transaction: checks both cards and the cycle, adds the link with its event. */
    Result linkInside(StorageTx tx, long waiting, long prerequisite) {
        Card card = Cards.any(tx, waiting);
        Cards.any(tx, prerequisite);
        if (tx.links().waitsFor(waiting).contains(prerequisite)) {
            return new Result(card, false);
        }
        refuseCycle(tx, waiting, prerequisite);
        tx.links().add(waiting, prerequisite);
        Card after = touch(tx, card);
        record(tx, after, LINKED, "linked #" + waiting + " after #" + prerequisite, null, prerequisite, card);
        return new Result(after, true);
    }

    /**
     * Refuses a link from {@code waiting} to {@code prerequisite} when {@code prerequisite} already
     * waits, through any chain, for {@code waiting}: the message names the cycle in the order the
     * cards would have to be done, "#5 → #7 → #5".
     */
    static void refuseCycle(StorageTx tx, long waiting, long prerequisite) {
        // walk from the waiting card to the cards that wait for it, and theirs, looking for the prerequisite
        Map<Long, Long> cameFrom = new HashMap<>();
        Deque<Long> queue = new ArrayDeque<>(List.of(waiting));
        cameFrom.put(waiting, null);
        while (!queue.isEmpty()) {
            long at = queue.removeFirst();
            if (at == prerequisite) {
                List<Long> path = new ArrayList<>();
                for (Long step = at; step != null; step = cameFrom.get(step)) {
                    path.add(0, step);
                }
                path.add(0, prerequisite);
                throw TackException.conflict("a link of #" + waiting + " after #" + prerequisite + " would close a cycle: "
                        + path.stream().map(id -> "#" + id).collect(Collectors.joining(" → ")));
            }
            for (long next : tx.links().blocks(at)) {
                if (!cameFrom.containsKey(next)) {
                    cameFrom.put(next, at);
                    queue.addLast(next);
                }
            }
        }
    }

    /** What a card waits for and what waits for it, with each card's title and board, for {@code show}. */
    public record Neighbours(List<Neighbour> waitsFor, List<Neighbour> blocks, Readiness.Status status) {
    }

    /** A linked card as shown beside another: its board's name only when that is another board. */
    public record Neighbour(long id, String title, String column, String otherBoard, boolean done) {
    }

    public Neighbours of(long cardId) {
        return workspace.read(tx -> neighbours(tx, Cards.any(tx, cardId)));
    }

    static Neighbours neighbours(StorageTx tx, Card card) {
        Readiness readiness = Readiness.in(tx);
        return new Neighbours(neighbours(tx, readiness, card, tx.links().waitsFor(card.id())),
                neighbours(tx, readiness, card, tx.links().blocks(card.id())), readiness.of(card.id()));
    }

    private static List<Neighbour> neighbours(StorageTx tx, Readiness readiness, Card card, List<Long> ids) {
        List<Neighbour> result = new ArrayList<>();
        Map<Long, String> boards = new HashMap<>();
        for (long id : ids) {
            tx.cards().byId(id).ifPresent(other -> {
                String board = other.boardId() == card.boardId() ? null
                        : boards.computeIfAbsent(other.boardId(), b -> tx.boards().byId(b).map(Board::name).orElse("?"));
                result.add(new Neighbour(other.id(), other.title(), other.archived() ? "archived" : other.column(), board,
                        readiness.isDone(other)));
            });
        }
        return result;
    }

    /** Card {@code id}'s readiness now, in a read transaction of its own. */
    public Readiness.Status status(long id) {
        return workspace.read(tx -> {
            Cards.any(tx, id);
            return Readiness.in(tx).of(id);
        });
    }

    /** The live cards that wait for card {@code id} and would be ready were it done (archiving it would unblock them). */
    public List<Long> unblockedBy(long id) {
        return workspace.read(tx -> Readiness.in(tx).unblockedBy(id));
    }

    private static void requireTwo(long waiting, long prerequisite) {
        if (waiting == prerequisite) {
            throw TackException.usage("#" + waiting + " cannot wait for itself");
        }
    }

    /** Bumps a card's version for a change to what hangs off it (links, checklist), with a compare-and-swap. */
    static Card touch(StorageTx tx, Card card) {
        if (!tx.cards().update(card, card.version())) {
            throw new StaleVersion("#" + card.id() + " changed under this write; try again");
        }
        return Cards.load(tx, card.id());
    }

    private void record(StorageTx tx, Card after, String kind, String summary, Long wasLinked, Long nowLinked, Card before) {
        JsonObject was = new JsonObject();
        JsonObject now = new JsonObject();
        was.addProperty("link", wasLinked);
        now.addProperty("link", nowLinked);
        was.addProperty("version", before.version());
        now.addProperty("version", after.version());
        tx.events().append(workspace.actor(), after.boardId(), after.id(), kind, summary, Json.compact(was), Json.compact(now),
                History.change(tx, after.boardId(), workspace.actor().name()));
    }

    /**
     * Undo and redo of a link event: puts back side {@code wanted} ({@code link}: the prerequisite, or
     * null: none), the other side naming the link to take away. Linking again checks the cycle again.
     */
    static void apply(StorageTx tx, long cardId, JsonObject wanted, JsonObject other) {
        boolean linked = wanted.has("link") && !wanted.get("link").isJsonNull();
        if (linked) {
            long prerequisite = wanted.get("link").getAsLong();
            Cards.any(tx, prerequisite);
            refuseCycle(tx, cardId, prerequisite);
            tx.links().add(cardId, prerequisite);
        } else if (other != null && other.has("link") && !other.get("link").isJsonNull()) {
            tx.links().remove(cardId, other.get("link").getAsLong());
        }
    }

    static boolean isLinkKind(String kind) {
        return kind.equals(LINKED) || kind.equals(UNLINKED);
    }
}
