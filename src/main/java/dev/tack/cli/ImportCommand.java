package dev.tack.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import dev.tack.board.BoardSnapshot;
import dev.tack.board.Transfers;
import dev.tack.io.Format;
import dev.tack.io.ImportInput;
import dev.tack.model.TackException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Add the cards of a tack export, a CSV file or a Trello JSON export to the board.",
            "Missing columns are made; with --board NAME of a board that does not exist, it is created.",
            "The file is read and checked first, then written in short steps that stay hidden until the",
            "last one shows it all at once: all or nothing, and no other writer waits for the whole import.",
            "Hard WIP limits hold: a file that would put a column over one is refused."})
final class ImportCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE", description = "The file to read.")
    Path file;

    @Option(names = {"-f", "--format"}, paramLabel = "json|tack|csv|trello", description = "Format (default: guessed from the file).")
    String format;

    @Option(names = "--max-size", paramLabel = "MB", defaultValue = "100",
            description = "Refuse a file larger than this many megabytes (default ${DEFAULT-VALUE}).")
    int maxSizeMb;

    /** For tests: a point between two batches where the import has staged cards and holds no lock. */
    @Option(names = "--wait-after-batch", hidden = true,
            description = "After each batch it commits, wait for a line on standard input (with --debug: after its progress line).")
    boolean waitAfterBatch;

    @Override
    protected int execute() throws IOException {
        if (maxSizeMb <= 0) {
            throw TackException.usage("--max-size must be a positive number of megabytes");
        }
        // Checked before the file is opened: reading and closing our own database file with Java I/O
        // would drop this process's SQLite locks on it (docs/ARCHITECTURE.md §2 rule 1).
        DatabaseFiles.refuseInput(file, workspace());
        long limit = maxSizeMb * 1024L * 1024L;
        if (Files.isRegularFile(file) && Files.size(file) > limit) {
            throw TackException.usage(file + " is " + Files.size(file) / (1024 * 1024) + " MB, larger than the import limit of "
                    + maxSizeMb + " MB (raise it with --max-size MB)");
        }
        InputStream stream;
        try {
            stream = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw TackException.notFound("no file " + file);
        }
        // The whole file is read, parsed and checked before the board's write lock is taken; then it
        // is staged in short transactions and published in one (Transfers, StagedImport).
        BoardSnapshot snapshot;
        Format chosen;
        long readStart = System.nanoTime();
        try (BufferedReader reader = new BufferedReader(new ImportInput(stream, limit, file.toString()), 1 << 16)) {
            reader.mark(4096);
            char[] head = new char[4096];
            int read = reader.read(head);
            reader.reset();
            chosen = format != null ? Format.named(format) : Format.sniff(file.getFileName().toString(), read <= 0 ? "" : new String(head, 0, read));
            snapshot = chosen.read(reader);
        }
        if (globals().debug) {
            err().println("tack: debug: import: read and checked " + snapshot.cardCount() + " card(s) in "
                    + (System.nanoTime() - readStart) / 1_000_000 + " ms");
        }
        // Many short batches: as for a worker's writes, a person who is waiting for the lock goes first.
        workspace().yieldToPeople();
        Transfers transfers = new Transfers(workspace());
        BufferedReader steps = waitAfterBatch ? new BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8)) : null;
        int count = transfers.importSnapshot(snapshot, (staged, total, heldNanos) -> {
            if (globals().debug) {
                err().println("tack: debug: import: staged " + staged + " of " + total + " card(s), hidden until the last step"
                        + " (this batch held the write lock " + heldNanos / 1_000_000 + " ms)");
                err().flush();
            }
            if (steps != null) {
                try {
                    steps.readLine();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        if (globals().debug) {
            err().println("tack: debug: the import held the write lock " + transfers.lockHolds() + " times, longest "
                    + transfers.longestLockHold().toMillis() + " ms, in all " + transfers.totalLockHeld().toMillis() + " ms"
                    + " (publishing: " + transfers.publishLockHold().toMillis() + " ms; CPU inside: "
                    + transfers.cpuInLock().toMillis() + " ms)");
            err().flush();
        }
        if (json()) {
            printJson(Map.of("imported", count, "format", chosen.name(), "ids_kept", transfers.keptIds()));
        } else {
            String ids = snapshot.ids().isEmpty() ? "" : transfers.keptIds() ? ", ids kept" : ", new ids: this database has issued some of the file's";
            out().println("imported " + count + " card(s) from " + file + " (" + chosen.name() + ids + ")");
        }
        return 0;
    }
}
