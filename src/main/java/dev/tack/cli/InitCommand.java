package dev.tack.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.tack.board.Boards;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.store.Database;
import dev.tack.store.DbLocation;
import dev.tack.store.TackException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a board database (default ./.tack/tack.db) with a board 'main'.")
final class InitCommand extends BaseCommand {

    @Option(names = "--columns", split = ",", paramLabel = "A,B,C", description = "Columns of the first board (default Todo,Doing,Done).")
    List<String> columns;

    @Override
    protected int execute() {
        String explicit = explicitDb();
        Path file = explicit != null ? Path.of(explicit).toAbsolutePath().normalize()
                : Path.of("").toAbsolutePath().resolve(DbLocation.FOLDER).resolve(DbLocation.FILE_NAME);
        if (Files.exists(file)) {
            try (Database existing = Database.open(file, databaseOptions(), tx -> null)) {
                throw TackException.conflict("a board database already exists at " + file);
            } catch (TackException e) {
                if (e.kind() == TackException.Kind.CONFLICT) {
                    throw e;
                }
                // Not a board (another program's file, a folder, a newer tack's): say what it is; never overwrite it.
                throw TackException.failed(e.getMessage() + "; tack init leaves it as it is (choose another --db path)");
            }
        }
        List<String> names = columns == null || columns.isEmpty() ? Boards.DEFAULT_COLUMNS : columns;
        Actor actor = actor();
        // Checked before anything is created, so that bad names leave no file behind.
        dev.tack.board.Validation.columnNames(names);
        try (Database database = Database.open(file, databaseOptions().creating(true),
                tx -> Boards.create(tx, actor, Workspace.DEFAULT_BOARD, names))) {
            if (json()) {
                printJson(java.util.Map.of("db", database.file().toString(), "board", Workspace.DEFAULT_BOARD, "columns", names));
            } else {
                out().println("created " + database.file() + " with board main (" + String.join(", ", names) + ")");
            }
        }
        return 0;
    }
}
