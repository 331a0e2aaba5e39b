package dev.tack.testing;

import java.nio.file.Path;
import java.time.Duration;
import dev.tack.model.Actor;
import dev.tack.store.sqlite.Database;
import dev.tack.store.sqlite.EventTable;
import dev.tack.model.Hosts;
import dev.tack.store.sqlite.Writer;

/**
 * A child JVM that makes one write, as a person or as background work: prints {@code WAITING .},
 * appends an event of kind {@code test.<tag>} through {@link Writer#write}, then prints
 * {@code WROTE event-id .}.
 *
 * <p>Usage: {@code TaggedWrite db tag person|background}
 */
public final class TaggedWrite {

    private TaggedWrite() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        String tag = args[1];
        boolean background = args[2].equals("background");
        ChildJvm.LineOut out = new ChildJvm.LineOut();
        Actor actor = new Actor(tag, Hosts.name(), ProcessHandle.current().pid());
        try (Database database = Database.open(db, new Database.Options(false, false, Duration.ofSeconds(60)), tx -> null)) {
            Writer writer = database.writer();
            if (background) {
                writer.yieldToPeople();
            }
            out.println("WAITING .");
            long eventId = writer.write(tx -> EventTable.append(tx, actor, null, null, "test." + tag, tag, null, null));
            out.println("WROTE " + eventId + " .");
        }
        System.exit(0);
    }
}
