package dev.tack.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import dev.tack.board.BoardSnapshot;
import dev.tack.board.Transfers;
import dev.tack.io.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the board as JSON (lossless but for ids and history), tack's diff-friendly text (ids kept), Markdown or CSV.")
final class ExportCommand extends BaseCommand {

    @Option(names = {"-f", "--format"}, paramLabel = "json|tack|md|csv", defaultValue = "json", description = "Format (default ${DEFAULT-VALUE}; tack: diff-friendly text with ids, for git).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    protected int execute() throws IOException {
        if (!java.util.Set.of("json", "tack", "text", "md", "markdown", "csv").contains(format.toLowerCase(java.util.Locale.ROOT))) {
            throw dev.tack.model.TackException.usage("export writes json, tack, md or csv (got '" + format + "')");
        }
        Format chosen = Format.named(format);
        if (output != null) {
            DatabaseFiles.refuseOutput(output, workspace());
        }
        BoardSnapshot snapshot = new Transfers(workspace()).export();
        if (output == null) {
            // A document, not text for people: into a file or a pipe it keeps its bytes; on a terminal
            // the boundary shows its escape sequences instead of sending them (Output).
            Writer out = output().data();
            chosen.write(snapshot, out);
            out.flush();
            return 0;
        }
        // Written beside the target and moved into place, so a failed export leaves no half file.
        Path target = output.toAbsolutePath();
        // Files.createFile keeps the umask's permissions, unlike a temp file's owner-only ones.
        Path temporary = Files.createFile(target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp"));
        try {
            try (Writer writer = new OutputStreamWriter(Files.newOutputStream(temporary), StandardCharsets.UTF_8)) {
                chosen.write(snapshot, writer);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        if (!json()) {
            err().println("exported " + snapshot.cardCount() + " card(s) to " + target);
        }
        return 0;
    }
}
