package dev.tack.store.sqlite;

import java.nio.file.Path;
import dev.tack.testing.ChildJvm;

/**
 * A child JVM that creates a board file with {@link BoardAudit#createBoard} and exits, printing
 * {@code SEEDED events .}. A harness that must not hold the file open itself creates it this way:
 * the process's {@link Writer} keeps its connection, and so SQLite's locks on the file, for the life
 * of the JVM.
 *
 * <p>Usage: {@code BoardCreator db}
 */
public final class BoardCreator {

    private BoardCreator() {
    }

    public static void main(String[] args) {
        long events = BoardAudit.createBoard(Path.of(args[0]));
        new ChildJvm.LineOut().println("SEEDED " + events + " .");
        System.exit(0);
    }
}
