package dev.tack.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import dev.tack.board.Links;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.model.Hosts;
import dev.tack.model.TackException;
import dev.tack.store.Storage;
import dev.tack.store.Storages;

/**
 * A child JVM that links cards of one database (a board file or a PostgreSQL URL) through the board
 * layer, when told:
 *
 * <pre>
 *   READY pid .
 *   (stdin) LINK waiting prerequisite
 *   OK waiting prerequisite .                  (after COMMIT)
 *   ERR waiting prerequisite KIND message
 * </pre>
 *
 * Usage: {@code LinkDriver location actor}. It is started once and warm, so that the parent can hand two
 * of them opposite links at one moment.
 */
public final class LinkDriver {

    private LinkDriver() {
    }

    public static void main(String[] args) throws Exception {
        Actor actor = new Actor(args[1], Hosts.name(), ProcessHandle.current().pid());
        Storage database = Storages.open(args[0], new Storage.Options(false, false, Duration.ofSeconds(20)), tx -> null);
        Links links = new Links(new Workspace(database, actor, null));
        ChildJvm.LineOut out = new ChildJvm.LineOut();
        out.println("READY " + ProcessHandle.current().pid() + " .");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.split(" ");
            long waiting = Long.parseLong(words[1]);
            long prerequisite = Long.parseLong(words[2]);
            try {
                links.link(waiting, prerequisite);
                out.println("OK " + waiting + " " + prerequisite + " .");
            } catch (TackException e) {
                out.println("ERR " + waiting + " " + prerequisite + " " + e.kind() + " " + e.getMessage());
            }
        }
        database.close();
    }
}
