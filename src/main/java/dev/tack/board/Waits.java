package dev.tack.board;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import dev.tack.model.Card;
import dev.tack.model.Event;
import dev.tack.model.TackException;

/**
 * {@code tack wait}: blocks until a card reaches a state, woken by the change feed (a
 * {@code PRAGMA data_version} poll on SQLite, a {@code LISTEN} channel on PostgreSQL), never by
 * the caller polling tack. Each time the feed says someone committed, the card is read again and
 * the new events about it are looked at, so a foreign writer that leaves no event is seen too.
 *
 * <p>The states: {@code done} — the card is done as readiness counts it (a done column, or
 * archived), already or later; {@code moved} — it is in another column than when the wait began;
 * {@code blocked} — an event {@code card.blocked} about it arrives ({@code tack block}); {@code any}
 * — any new event about it.
 */
public final class Waits {

    /** How often the feed is asked while waiting: what {@code log --follow} does. */
    private static final long POLL_MILLIS = 25;
    private static final long FILE_CHECK_MILLIS = 500;

    public static final String BLOCKED_KIND = "card.blocked";

    public enum Until {
        DONE, BLOCKED, MOVED, ANY;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Until parse(String text) {
            return Arrays.stream(values()).filter(u -> u.label().equalsIgnoreCase(text == null ? "" : text.strip())).findFirst()
                    .orElseThrow(() -> TackException.usage("--until takes one of: "
                            + Arrays.stream(values()).map(Until::label).collect(Collectors.joining(", ")) + " (got '" + text + "')"));
        }
    }

    /** The card as it stood when the state was reached, and the event that brought it there (null: it was there already, or a foreign write). */
    public record Reached(Card card, Until until, Event event, boolean already) {
    }

    private final Workspace workspace;

    public Waits(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Waits at most {@code timeout} (null: for ever); exit 6 ({@link TackException#timedOut}) when it
     * passes first. {@code since} (an event id, or null for "now") counts the card's events after it
     * too, so that a caller who noted the log's position before handing the card out cannot miss a
     * change that came before the wait began. {@code onWaiting} runs once the feed is open.
     */
    public Reached await(long id, Until until, Duration timeout, Long since, Runnable onWaiting) throws InterruptedException {
        record Start(Card card, long lastEvent, boolean done, List<Event> earlier) {
        }
        Start start = workspace.read(tx -> {
            Card card = Cards.any(tx, id);
            List<Event> earlier = since == null ? List.of()
                    : tx.events().after(since, Integer.MAX_VALUE).stream().filter(e -> e.cardId() != null && e.cardId() == id).toList();
            return new Start(card, tx.events().lastId(), Readiness.in(tx).isDone(card), earlier);
        });
        if (until == Until.DONE && start.done()) {
            return new Reached(start.card(), until, null, true);
        }
        if (!start.earlier().isEmpty()) {
            Optional<Reached> reached = check(id, until, start.card(), start.earlier());
            if (reached.isPresent()) {
                return reached.get();
            }
        }
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        long nextFileCheck = 0;
        try (Changes feed = workspace.changes(start.lastEvent())) {
            onWaiting.run();
            while (true) {
                if (feed.changed()) {
                    List<Event> about = feed.newEvents().stream().filter(e -> e.cardId() != null && e.cardId() == id).toList();
                    Optional<Reached> reached = check(id, until, start.card(), about);
                    if (reached.isPresent()) {
                        return reached.get();
                    }
                }
                long now = System.nanoTime();
                if (timeout != null && now - deadline >= 0) {
                    throw TackException.timedOut("#" + id + " was not " + describe(until) + " within "
                            + seconds(timeout) + " s");
                }
                if (now - nextFileCheck >= 0) {
                    Optional<String> gone = workspace.fileProblem();
                    if (gone.isPresent()) {
                        throw TackException.failed(gone.get() + "; stopped waiting");
                    }
                    nextFileCheck = now + TimeUnit.MILLISECONDS.toNanos(FILE_CHECK_MILLIS);
                }
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            }
        }
    }

    private Optional<Reached> check(long id, Until until, Card start, List<Event> about) {
        Event last = about.isEmpty() ? null : about.get(about.size() - 1);
        if (until == Until.MOVED) {
            last = about.stream().filter(CardChange::changedColumn).reduce((a, b) -> b).orElse(last);
        }
        record Now(Optional<Card> card, boolean done) {
        }
        Now now = workspace.read(tx -> {
            Optional<Card> card = tx.cards().byId(id);
            return new Now(card, card.isPresent() && Readiness.in(tx).isDone(card.get()));
        });
        if (now.card().isEmpty()) {
            throw TackException.notFound("#" + id + " was deleted while waiting (its board was removed)");
        }
        Card card = now.card().get();
        boolean reached = switch (until) {
            case DONE -> now.done();
            case MOVED -> card.columnId() != start.columnId() || about.stream().anyMatch(CardChange::changedColumn);
            case BLOCKED -> about.stream().anyMatch(e -> e.kind().equals(BLOCKED_KIND));
            case ANY -> last != null;
        };
        if (reached) {
            Event cause = until == Until.BLOCKED
                    ? about.stream().filter(e -> e.kind().equals(BLOCKED_KIND)).reduce((a, b) -> b).orElse(last) : last;
            return Optional.of(new Reached(card, until, cause, false));
        }
        if (card.archived() && until != Until.DONE) {
            throw TackException.notFound("#" + id + " was archived while waiting for it to be " + describe(until));
        }
        return Optional.empty();
    }

    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    static String describe(Until until) {
        return switch (until) {
            case DONE -> "done";
            case BLOCKED -> "blocked";
            case MOVED -> "moved";
            case ANY -> "changed";
        };
    }
}
