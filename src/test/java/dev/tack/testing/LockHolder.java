package dev.tack.testing;

import java.nio.file.Path;
import java.time.Duration;
import dev.tack.model.Actor;
import dev.tack.store.sqlite.Database;
import dev.tack.store.sqlite.EventTable;
import dev.tack.model.Hosts;
import dev.tack.store.sqlite.Writer;

/**
 * A child JVM that takes tack's write lock and holds it: inside {@link Writer#write} it appends an
 * event, prints {@code HELD pid event-id .}, sleeps {@code hold-ms} (a test may sleep inside the
 * lock; tack's own code never does) or, when {@code hold-ms} is negative, waits for a line on stdin,
 * prints {@code RELEASING .} and commits, then prints
 * {@code RELEASED .}.
 *
 * <p>Usage: {@code LockHolder db hold-ms}
 */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        long holdMillis = Long.parseLong(args[1]);
        ChildJvm.LineOut out = new ChildJvm.LineOut();
        long pid = ProcessHandle.current().pid();
        Actor actor = new Actor("lock-holder", Hosts.name(), pid);
        try (Database database = Database.open(db, new Database.Options(false, false, Duration.ofSeconds(30)), tx -> null)) {
            Writer writer = database.writer();
            writer.describeHolder("lock-holder");
            writer.write(tx -> {
                long eventId = EventTable.append(tx, actor, null, null, "test.held", "held by " + pid, null, null);
                out.println("HELD " + pid + " " + eventId + " .");
                try {
                    if (holdMillis < 0) {
                        while (true) { // until the parent sends a line (or closes stdin)
                            int c = System.in.read();
                            if (c < 0 || c == '\n') {
                                break;
                            }
                        }
                    } else {
                        Thread.sleep(holdMillis);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.io.IOException e) {
                    // stdin closed: release
                }
                out.println("RELEASING .");
                return null;
            });
        }
        out.println("RELEASED .");
        System.exit(0);
    }
}
