package dev.tack.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells whether a path given as an input or output file names one of the board's own files
 * ({@code tack.db}, {@code -wal}, {@code -shm}, {@code -journal}, {@code .lock}), which Java I/O
 * must never open (docs/ARCHITECTURE.md §2 rule 1). Compared by file identity (device and inode, one stat
 * each), so a hard link or a symlink to the database is caught however it is spelled; a path that
 * names no file yet is compared by its real name, so an output cannot create {@code tack.db-wal}.
 * The one check that every file argument (import, export -o, and any later one) goes through.
 */
public final class BoardFiles {

    private static final String[] SUFFIXES = {"", "-wal", "-shm", "-journal", ".lock"};

    private BoardFiles() {
    }

    /** True when {@code candidate} is, or would be, one of the files of the board at {@code database}. */
    public static boolean isBoardFile(Path candidate, Path database) {
        Path absolute = candidate.toAbsolutePath().normalize();
        FileIdentity identity = FileIdentity.of(absolute);
        Path realName = realName(absolute);
        Path board = realName(database.toAbsolutePath().normalize());
        for (String suffix : SUFFIXES) {
            Path own = board.resolveSibling(board.getFileName() + suffix);
            if (realName.equals(own) || identity != null && identity.equals(FileIdentity.of(own))) {
                return true;
            }
        }
        return false;
    }

    /** The real path of a file, or of its folder with its name when it does not exist (yet). realpath is stat-style. */
    static Path realName(Path absolute) {
        try {
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
            Path folder = absolute.getParent();
            return folder != null && Files.exists(folder) ? folder.toRealPath().resolve(absolute.getFileName()) : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }
}
