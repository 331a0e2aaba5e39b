package dev.tack.board;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import dev.tack.model.Card;
import dev.tack.model.Column;
import dev.tack.model.TackException;

/**
 * The cards of an import made ready to write, on a thread of their own, ahead of the batches that
 * write them: each card's id (from a range reserved when the import began), place, sorted tags,
 * timestamps and its {@code card.added} event's snapshot and summary. All of that used to be made
 * inside the write lock, card by card; now a batch only binds and steps its statements, and on a
 * machine with two cores the making runs beside the writing.
 *
 * <p>The writer takes cards with {@link #next} outside the lock (it may wait) and with
 * {@link #poll} inside it (it never waits: a batch that finds none ready ends early).
 */
final class PreparedCards implements AutoCloseable {

    /** One card with every value its rows need. */
    record Row(long id, Column column, int position, BoardSnapshot.Item item, List<String> tags, String at,
               String summary, String event) {
    }

    /** Where one column's cards go: the column and the first position they take. */
    record Target(Column column, int firstPosition, List<BoardSnapshot.Item> items) {
    }

    private static final int CHUNK = 256;
    /** Chunks made ahead of the writer: enough to fill a batch, few enough to keep memory flat. */
    private static final int AHEAD = 16;
    private static final List<Row> END = List.of();

    private final BlockingQueue<List<Row>> ready = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
    private volatile Throwable failure;
    private List<Row> chunk = new ArrayList<>();
    private int index;
    private boolean ended;

    /**
     * Starts making the rows: the cards of {@code targets} in order, ids from {@code firstId} on,
     * positions from each target's first one on (archived cards take none).
     */
    PreparedCards(List<Target> targets, long boardId, long firstId, java.time.Clock clock) {
        this(targets, boardId, firstId, null, clock);
    }

    /** As above, but each item takes the id {@code given} has for it (the ids a file keeps), when that is not null. */
    PreparedCards(List<Target> targets, long boardId, long firstId, java.util.Map<BoardSnapshot.Item, Long> given, java.time.Clock clock) {
        thread = new Thread(() -> make(targets, boardId, firstId, given, clock), "tack-import-prepare");
        thread.setDaemon(true);
        thread.start();
    }

    private void make(List<Target> targets, long boardId, long firstId, java.util.Map<BoardSnapshot.Item, Long> given,
                      java.time.Clock clock) {
        try {
            long next = firstId;
            List<Row> rows = new ArrayList<>(CHUNK);
            for (Target target : targets) {
                int position = target.firstPosition();
                Column column = target.column();
                for (BoardSnapshot.Item item : target.items()) {
                    int place = item.archived() ? -1 : position++;
                    long id = given == null ? next++ : given.get(item);
                    String at = dev.tack.store.Clock.of(clock);
                    List<String> tags = new ArrayList<>(new TreeSet<>(item.tags()));
                    // The snapshot as Cards#load returns the card once published.
                    Card card = new Card(id, boardId, column.id(), column.name(), place, item.title(), item.description(), tags,
                            item.priority(), item.due(), item.assignee(), item.archived(), 1, at, at, null, 0, false);
                    rows.add(new Row(id, column, place, item, tags, at, "imported #" + id + " into " + column.name(),
                            Json.compactCard(card)));
                    if (rows.size() == CHUNK) {
                        ready.put(rows);
                        rows = new ArrayList<>(CHUNK);
                    }
                }
            }
            if (!rows.isEmpty()) {
                ready.put(rows);
            }
            ready.put(END);
        } catch (InterruptedException e) {
            // the import stopped (it failed, or was written): nobody wants more rows
        } catch (RuntimeException | Error e) { // an Error too: the writer must never wait for rows that will not come
            failure = e;
            ready.clear(); // only this thread adds: END fits now, and the writer finds it next
            ready.offer(END);
        }
    }

    /** The next card, waiting for it to be made; null when there are no more. Outside the lock only. */
    Row next() {
        while (index == chunk.size()) {
            if (ended) {
                return null;
            }
            try {
                take(ready.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw TackException.failed("interrupted while importing; nothing was imported");
            }
        }
        return chunk.get(index++);
    }

    /** The next card if it is made already, else null. Never waits: used inside the lock. */
    Row poll() {
        while (index == chunk.size()) {
            if (ended) {
                return null;
            }
            List<Row> more = ready.poll();
            if (more == null) {
                return null;
            }
            take(more);
        }
        return chunk.get(index++);
    }

    private void take(List<Row> more) {
        if (more == END) {
            ended = true;
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }
        chunk = more;
        index = 0;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
