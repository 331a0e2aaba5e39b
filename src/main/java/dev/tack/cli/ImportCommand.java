package dev.tack.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import dev.tack.board.BoardSnapshot;
import dev.tack.board.Transfers;
import dev.tack.io.Format;
import dev.tack.store.TackException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Add the cards of a tack JSON export, a CSV file or a Trello JSON export to the board,",
            "making missing columns; with --board NAME of a board that does not exist, it is created.",
            "All or nothing: one transaction."})
final class ImportCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE", description = "The file to read.")
    Path file;

    @Option(names = {"-f", "--format"}, paramLabel = "json|csv|trello", description = "Format (default: guessed from the file).")
    String format;

    @Override
    protected int execute() throws IOException {
        // Checked before the file is opened: reading and closing our own database file with Java I/O
        // would drop this process's SQLite locks on it (DESIGN.md §2 rule 1).
        DatabaseFiles.refuseInput(file, workspace().database().file());
        String head;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            char[] buffer = new char[4096];
            int read = reader.read(buffer);
            head = read <= 0 ? "" : new String(buffer, 0, read);
        } catch (NoSuchFileException e) {
            throw TackException.notFound("no file " + file);
        }
        Format chosen = format != null ? Format.named(format) : Format.sniff(file.getFileName().toString(), head);
        BoardSnapshot snapshot;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            snapshot = chosen.read(reader);
        }
        int count = new Transfers(workspace()).importSnapshot(snapshot);
        if (json()) {
            printJson(Map.of("imported", count, "format", chosen.name()));
        } else {
            out().println("imported " + count + " card(s) from " + file + " (" + chosen.name() + ")");
        }
        return 0;
    }
}
