package dev.tack.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.tack.store.TackException;

/**
 * Keeps export and import away from the board's own files: Java I/O on them — even a read and a
 * close — would drop this process's SQLite locks (DESIGN.md §2 rule 1). Paths are compared after
 * resolving links, so a symlink to the database is caught too.
 */
final class DatabaseFiles {

    private static final String[] SUFFIXES = {"", "-wal", "-shm", "-journal", ".lock"};

    private DatabaseFiles() {
    }

    static boolean isBoardFile(Path candidate, Path database) {
        Path target = real(candidate);
        String name = database.getFileName().toString();
        for (String suffix : SUFFIXES) {
            if (target.equals(real(database.resolveSibling(name + suffix)))) {
                return true;
            }
        }
        return false;
    }

    static void refuseOutput(Path output, Path database) {
        Path target = output.toAbsolutePath().normalize();
        if (isBoardFile(target, database)) {
            throw TackException.usage("refusing to write over the board's own file " + target);
        }
        if (Files.isDirectory(target)) {
            throw TackException.usage(target + " is a folder; give a file name");
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw TackException.usage("no folder " + target.getParent() + " to write into");
        }
    }

    static void refuseInput(Path input, Path database) {
        if (isBoardFile(input, database)) {
            throw TackException.usage("cannot import the board's own database file; export it first (tack export -o FILE)");
        }
    }

    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (java.io.IOException e) {
            return absolute; // does not exist (yet): compare as written
        }
    }
}
