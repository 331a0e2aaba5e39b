package dev.tack.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The mistake docs/ARCHITECTURE.md §2 rule 1 forbids, on purpose, for the crash harness's negative control:
 * after each commit, Java opens a board file, reads its first bytes and closes it, as the
 * application whose board was corrupted did. The close drops every POSIX (fcntl) lock this process
 * holds on that file, SQLite's included, while SQLite goes on believing it holds them.
 *
 * <p>Installed through {@link Writer#afterCommit}, a seam only code in this package can reach; it
 * lives in the test sources, so no production path performs it.
 */
final class ForbiddenFileIo {

    /** Which files the hook opens, reads and closes after each commit. */
    enum Targets {
        /** {@code tack.db} only: the real application's mistake. */
        DATABASE(""),
        /** {@code tack.db}, {@code tack.db-wal} and {@code tack.db-shm}. */
        DATABASE_WAL_SHM("", "-wal", "-shm");

        final List<String> suffixes;

        Targets(String... suffixes) {
            this.suffixes = List.of(suffixes);
        }
    }

    private ForbiddenFileIo() {
    }

    static void install(Path db, Targets which) {
        List<Path> targets = which.suffixes.stream().map(s -> db.resolveSibling(db.getFileName() + s)).toList();
        Writer.afterCommit = () -> {
            byte[] header = new byte[100];
            for (Path target : targets) {
                try (InputStream in = Files.newInputStream(target)) {
                    in.read(header);
                } catch (NoSuchFileException e) {
                    // no -wal or -shm at this moment: nothing to open
                } catch (IOException e) {
                    throw new IllegalStateException("the forbidden read of " + target + " failed", e);
                }
            }
        };
    }
}
