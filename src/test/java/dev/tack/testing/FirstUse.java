package dev.tack.testing;

import java.nio.file.Path;
import java.util.List;
import dev.tack.board.Boards;
import dev.tack.model.Actor;
import dev.tack.store.sqlite.Database;
import dev.tack.model.Hosts;
import dev.tack.model.TackException;

/**
 * A child JVM that opens board files that may not exist yet, creating them as a first use of the
 * data-folder default does ({@code create} allowed, board {@code main} seeded). Prints
 * {@code READY pid .}, waits for a line on stdin, then per file {@code OPENED path .} or
 * {@code FAILED path KIND message}, and {@code DONE n .}.
 *
 * <p>Usage: {@code FirstUse db...}
 */
public final class FirstUse {

    private FirstUse() {
    }

    private static String where(Throwable e) {
        StringBuilder frames = new StringBuilder();
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("dev.tack.store") && !frame.getClassName().contains("TackException")) {
                frames.append(frame.getClassName().substring("dev.tack.store.".length())).append('.')
                        .append(frame.getMethodName()).append(':').append(frame.getLineNumber()).append(' ');
            }
        }
        return frames.toString().strip();
    }

    public static void main(String[] args) throws Exception {
        ChildJvm.LineOut out = new ChildJvm.LineOut();
        Actor actor = new Actor("first-use", Hosts.name(), ProcessHandle.current().pid());
        out.println("READY " + ProcessHandle.current().pid() + " .");
        while (true) {
            int c = System.in.read();
            if (c < 0 || c == '\n') {
                break;
            }
        }
        for (String arg : args) {
            try (Database database = Database.open(Path.of(arg), Database.Options.defaults().creating(true),
                    tx -> Boards.create(tx, actor, "main", Boards.DEFAULT_COLUMNS))) {
                database.writer().write(tx -> tx.update("UPDATE boards SET name = name"));
                out.println("OPENED " + arg + " .");
            } catch (TackException e) {
                out.println("FAILED " + arg + " " + e.kind() + " " + e.getMessage().replace('\n', ' ')
                        + (e.getCause() == null ? "" : " (cause: " + e.getCause().getMessage().replace('\n', ' ') + ")")
                        + " at " + where(e));
            } catch (RuntimeException e) {
                out.println("FAILED " + arg + " CRASH " + e);
            }
        }
        out.println("DONE " + List.of(args).size() + " .");
        System.exit(0);
    }
}
