package dev.tack.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.tack.board.Boards;
import dev.tack.board.Columns;
import dev.tack.board.Workspace;
import dev.tack.model.Board;
import dev.tack.board.DbLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tack __complete columns|boards}: the names the shell completion script offers. It never
 * creates a database and never prints an error (a completion must not scribble on the prompt):
 * where there is nothing to read it prints nothing.
 */
@Command(name = "__complete", hidden = true,
        description = "Print the current board's column names, or the board names, one a line (for shell completion).")
final class CompleteCommand extends BaseCommand {

    @Parameters(paramLabel = "columns|boards")
    String kind;

    @Override
    boolean reportsConfigProblems() {
        return false;
    }

    @Override
    protected int execute() {
        try {
            DbLocation location = DbLocation.resolve(firstNonBlank(globals().db, System.getenv("TACK_DB"),
                            config().db().map(dev.tack.config.Setting::value).orElse(null)),
                    Path.of("").toAbsolutePath(), System.getenv());
            if (!Files.isRegularFile(location.file())) {
                return 0;
            }
            List<String> names;
            try (Workspace workspace = open(location.file(), false)) {
                names = switch (kind) {
                    case "columns" -> new Columns(workspace).list().stream().map(c -> c.column().name()).toList();
                    case "boards" -> new Boards(workspace).list().stream().map(Board::name).toList();
                    default -> List.of();
                };
            }
            names.forEach(name -> out().println(name));
            out().flush();
        } catch (RuntimeException e) {
            // nothing to offer
        }
        return 0;
    }
}
