package dev.tack;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import dev.tack.cli.TackCommand;
import dev.tack.cli.TrainingScreen;

/**
 * A training run for the class-data-sharing archive: runs the everyday commands once, in one JVM,
 * on a new board in {@code args[0]} (a fresh empty folder, which the caller removes), so that the
 * JVM started with {@code -XX:DumpLoadedClassList} lists the classes they load, which
 * {@code -Xshare:dump} then archives. Nothing is printed. Used by the package's launcher ({@code bin/tack}); not a command for people.
 */
public final class Training {

    private Training() {
    }

    public static void main(String[] args) {
        Main.class.getName(); // loaded by every real start, so archived too
        NativeLibrary.locate();
        String db = Path.of(args[0]).resolve("tack.db").toString();
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        String[][] runs = {
            {"--version"},
            {"--help"},
            {"--db", db, "init", "--columns", "Todo,Doing,Done"},
            {"--db", db, "add", "First card", "-t", "bug", "-p", "2", "--due", "tomorrow", "-a", "alice", "-d", "text"},
            {"--db", db, "add", "Second card", "-c", "Doing"},
            {"--db", db, "--json", "add", "Third card"},
            {"--db", db, "mv", "1", "Doing", "--pos", "0"},
            {"--db", db, "edit", "1", "--title", "First", "-t", "+ui", "-t", "-bug", "--if-version", "2"},
            {"--db", db, "comment", "1", "a comment"},
            {"--db", db, "ls"},
            {"--db", db, "ls", "-c", "Doing", "-t", "ui", "-q", "first"},
            {"--db", db, "--json", "ls"},
            {"--db", db, "show", "1"},
            {"--db", db, "--json", "show", "1"},
            {"--db", db},
            {"--db", db, "rm", "2"},
            {"--db", db, "restore", "2"},
            {"--db", db, "undo"},
            {"--db", db, "redo"},
            {"--db", db, "log", "-n", "5"},
            {"--db", db, "board", "ls"},
            {"--db", db, "column", "ls"},
            {"--db", db, "runs"},
            {"--db", db, "check"},
            {"--db", db, "__complete", "columns"},
            {"--db", db, "add", "--help"},
            {"--db", db, "show", "999"},
        };
        for (String[] run : runs) {
            TackCommand.run(none, none, run);
        }
        none.flush();
        screen(db);
    }

    /**
     * The full-screen board on a virtual terminal (a training run has no tty): the board screen
     * itself, drawn a few times, so that the archive holds what a real first frame loads.
     */
    private static void screen(String db) {
        TrainingScreen.run(db);
    }
}
