package dev.tack.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.tack.board.Workspace;
import dev.tack.model.TackException;

/**
 * Keeps export and import away from the board's own files: Java I/O on them — even a read and a
 * close — would drop this process's SQLite locks (docs/ARCHITECTURE.md §2 rule 1). Files are compared by
 * identity ({@link Workspace#isOwnFile}), so a hard link or a symlink to the database is caught too.
 */
final class DatabaseFiles {

    private DatabaseFiles() {
    }

    static void refuseOutput(Path output, Workspace workspace) {
        Path target = output.toAbsolutePath().normalize();
        if (workspace.isOwnFile(target)) {
            throw TackException.usage("refusing to write over the board's own file " + target);
        }
        if (Files.isDirectory(target)) {
            throw TackException.usage(target + " is a folder; give a file name");
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw TackException.usage("no folder " + target.getParent() + " to write into");
        }
    }

    static void refuseInput(Path input, Workspace workspace) {
        if (workspace.isOwnFile(input)) {
            throw TackException.usage("cannot import the board's own database file; export it first (tack export -o FILE)");
        }
    }
}
