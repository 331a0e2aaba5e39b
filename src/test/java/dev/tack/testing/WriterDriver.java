package dev.tack.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.tack.board.CardEdit;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.model.Card;
import dev.tack.model.Comment;
import dev.tack.store.Storage;
import dev.tack.store.Storages;
import dev.tack.model.Hosts;
import dev.tack.model.TackException;

/**
 * A child JVM that writes one board database (a file, or a PostgreSQL URL) through the board layer, as a person or worker would.
 * Every write is acknowledged on stdout only after {@code Cards} returned, i.e. after COMMIT:
 *
 * <pre>
 *   READY pid .
 *   ACK add|mv|edit card-id version .      (the card's version the write produced)
 *   ACK comment card-id comment-id .
 *   ERR op card-id KIND message            (NOOP: an edit that changed nothing, a bug of this driver)
 *   DONE writes .
 * </pre>
 *
 * Usage: {@code WriterDriver db actor writes seed [lock-deadline-ms [ack-log]]}. With {@code writes} > 0 the driver waits after READY
 * for a line on stdin (the parent's "go"); {@code writes} 0 means "start at once and write until stdin
 * closes". With {@code ack-log}, every line is also appended to that file before it goes to stdout.
 * With {@code -Dtack.writer.ownCards=true} it moves, edits and comments only cards it added itself,
 * leaving alone the rest of the database (cards that workers hold, in a multi-host test); with
 * {@code -Dtack.writer.pauseMillis=N} it rests that long between writes.
 */
public final class WriterDriver {

    private static final List<String> COLUMNS = List.of("Todo", "Doing", "Done");

    private WriterDriver() {
    }

    public static void main(String[] args) throws Exception {
        String db = args[0];
        String actorName = args[1];
        int writes = Integer.parseInt(args[2]);
        Random random = new Random(Long.parseLong(args[3]));
        ChildJvm.LineOut out = args.length > 5 ? new ChildJvm.LineOut(Path.of(args[5])) : new ChildJvm.LineOut();
        // With a count of writes, stdin carries the start line instead; it ends by count.
        AtomicBoolean stop = writes == 0 ? ChildJvm.stopWhenStdinCloses() : new AtomicBoolean(false);

        long pid = ProcessHandle.current().pid();
        Actor actor = new Actor(actorName, Hosts.name(), pid);
        Duration deadline = Duration.ofMillis(args.length > 4 ? Long.parseLong(args[4]) : 20_000);
        Storage database = Storages.open(db, new Storage.Options(false, false, deadline), tx -> null);
        Workspace workspace = new Workspace(database, actor, null);
        Cards cards = new Cards(workspace);
        boolean ownCardsOnly = Boolean.getBoolean("tack.writer.ownCards");
        List<Long> mine = new java.util.ArrayList<>();
        long pauseMillis = Long.getLong("tack.writer.pauseMillis", 0);
        long maxKnownId = ownCardsOnly ? 0 : workspace.read(tx -> tx.cards().maxId());
        out.println("READY " + pid + " .");
        if (writes > 0) {
            // A start line: the parent lets every process go at once, so that the writes overlap.
            while (true) {
                int c = System.in.read();
                if (c < 0 || c == '\n') {
                    break;
                }
            }
        }

        int done = 0;
        while (writes == 0 ? !stop.get() : done < writes) {
            int dice = random.nextInt(100);
            String op;
            long id = maxKnownId == 0 ? 0 : ownCardsOnly ? mine.get(random.nextInt(mine.size())) : 1 + (long) random.nextInt((int) maxKnownId);
            if (maxKnownId == 0 || dice < 25) {
                op = "add";
            } else if (dice < 45) {
                op = "mv-within";
            } else if (dice < 70) {
                op = "mv-across";
            } else if (dice < 85) {
                op = "edit";
            } else {
                op = "comment";
            }
            try {
                switch (op) {
                    case "add" -> {
                        NewCard spec = NewCard.titled(actorName + " card " + done).inColumn(COLUMNS.get(random.nextInt(COLUMNS.size())));
                        if (random.nextBoolean()) {
                            spec = new NewCard(spec.title(), spec.column(), "from " + actorName, List.of("t" + random.nextInt(4)),
                                    random.nextInt(4), null, null, random.nextInt(4));
                        }
                        Card card = cards.add(spec);
                        maxKnownId = Math.max(maxKnownId, card.id());
                        mine.add(card.id());
                        out.println("ACK add " + card.id() + " " + card.version() + " .");
                    }
                    case "mv-within" -> {
                        Card card = random.nextBoolean()
                                ? cards.move(id, null, random.nextInt(6), null)
                                : cards.shift(id, random.nextInt(7) - 3, null);
                        out.println("ACK mv " + card.id() + " " + card.version() + " .");
                    }
                    case "mv-across" -> {
                        String column = COLUMNS.get(random.nextInt(COLUMNS.size()));
                        Card card = cards.move(id, column, random.nextBoolean() ? null : random.nextInt(8), null);
                        out.println("ACK mv " + card.id() + " " + card.version() + " .");
                    }
                    case "edit" -> {
                        Cards.Edited edited = cards.editIfChanged(id, edit(actorName, pid, done, random), null);
                        if (edited.changed()) {
                            out.println("ACK edit " + edited.card().id() + " " + edited.card().version() + " .");
                        } else {
                            // Not an acknowledgement: it wrote nothing, so no audit could find it, and it must not happen.
                            out.println("ERR edit " + id + " NOOP the edit changed nothing (card at version "
                                    + edited.card().version() + ")");
                        }
                    }
                    default -> {
                        Comment comment = cards.comment(id, actorName + " says " + pid + "." + done);
                        out.println("ACK comment " + comment.cardId() + " " + comment.id() + " .");
                    }
                }
            } catch (TackException e) {
                out.println("ERR " + op + " " + id + " " + e.kind() + " " + e.getMessage().replace('\n', ' '));
            } catch (RuntimeException e) {
                out.println("ERR " + op + " " + id + " CRASH " + e.toString().replace('\n', ' '));
            }
            done++;
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
        workspace.close();
        out.println("DONE " + done + " .");
        System.exit(0);
    }

    /**
     * The {@code done}-th write's edit, which changes the card whatever wrote it before: its text names
     * this process as well as the write. A process started later under the same actor (the crash
     * harness starts one in place of each it kills) counts its writes from 0 again, so a text of actor
     * and count alone could repeat one an earlier process left on that card, and that edit would
     * change nothing, write no event and keep the card's version: an acknowledgement no audit can find.
     */
    static CardEdit edit(String actorName, long pid, int done, Random random) {
        String text = actorName + " edit " + pid + "." + done;
        return random.nextBoolean()
                ? CardEdit.none().withTitle(text)
                : new CardEdit(null, text, List.of("e" + random.nextInt(3)), List.of("t" + random.nextInt(4)),
                        random.nextInt(4), null, null);
    }
}
