package dev.tack.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.tack.board.Boards;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.board.DbLocation;
import dev.tack.model.TackException;
import dev.tack.config.DbUrls;
import dev.tack.config.Locations;
import dev.tack.config.ProjectConfigWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a board database (default ./.tack/tack.db) with a board 'main'.")
final class InitCommand extends BaseCommand {

    @Option(names = "--columns", split = ",", paramLabel = "A,B,C", description = "Columns of the first board (default Todo,Doing,Done).")
    List<String> columns;

    @Option(names = "--save", description = "Write --db into the project's .tack/config.toml (the nearest one, else ./.tack/config.toml),"
            + " so that tack in this folder and below opens that database. Never a password: use PGPASSWORD or ~/.pgpass.")
    boolean save;

    @Override
    protected int execute() {
        String explicit = explicitDb();
        Path project = null;
        if (save) {
            if (globals().db == null) {
                throw TackException.usage("--save writes the --db of this command into the project's config; give --db PATH or URL");
            }
            if (DbUrls.hasPassword(explicit)) {
                throw TackException.usage(DbUrls.NO_PASSWORD);
            }
            project = projectConfig();
        }
        if (Workspace.isServer(explicit)) {
            int code = initServer(explicit);
            saved(project, explicit);
            return code;
        }
        Path file = explicit != null ? Path.of(explicit).toAbsolutePath().normalize()
                : Path.of("").toAbsolutePath().resolve(DbLocation.FOLDER).resolve(DbLocation.FILE_NAME);
        if (Files.exists(file)) {
            requireBoard(file);
            // Not a conflict (exit 4 is for races): asked for nothing new, it is done; asked for columns, it failed.
            if (columns == null) {
                if (json()) {
                    printJson(project == null ? java.util.Map.of("db", file.toString(), "created", false)
                            : java.util.Map.of("db", file.toString(), "created", false, "saved", project.toString()));
                } else {
                    out().println("a board database already exists at " + file + (project == null ? "; nothing changed" : ""));
                }
                saved(project, file.toString());
                return 0;
            }
            throw TackException.failed("a board database already exists at " + file + "; --columns is for a new one"
                    + " (a new board: tack board add NAME --columns A,B,C)");
        }
        List<String> names = columns == null || columns.isEmpty() ? Boards.DEFAULT_COLUMNS : columns;
        Actor actor = actor();
        // Checked before anything is created, so that bad names leave no file behind.
        dev.tack.board.Validation.columnNames(names);
        try (Workspace created = Workspace.open(file.toString(), openOptions().creating(true), actor, null, names)) {
            if (json()) {
                printJson(project == null ? java.util.Map.of("db", created.location(), "board", Workspace.DEFAULT_BOARD, "columns", names)
                        : java.util.Map.of("db", created.location(), "board", Workspace.DEFAULT_BOARD, "columns", names,
                                "saved", project.toString()));
            } else {
                out().println("created " + created.location() + " with board main (" + String.join(", ", names) + ")");
            }
        }
        saved(project, file.toString());
        return 0;
    }

    /**
     * A PostgreSQL URL: creates tack's schema and tables in the database (which must exist; tack
     * creates no databases or roles). Two first inits at once are safe: the engine migrates under a
     * lock, and only the one that made the tables adds board main.
     */
    private int initServer(String url) {
        if (Workspace.serverDatabaseExists(url)) {
            if (columns != null) {
                throw TackException.failed("a board database already exists at " + Workspace.displayed(url) + "; --columns is for a new one"
                        + " (a new board: tack board add NAME --columns A,B,C)");
            }
            if (json()) {
                printJson(java.util.Map.of("db", Workspace.displayed(url), "created", false));
            } else {
                out().println("a board database already exists at " + Workspace.displayed(url) + "; nothing changed");
            }
            return 0;
        }
        List<String> names = columns == null || columns.isEmpty() ? Boards.DEFAULT_COLUMNS : columns;
        dev.tack.board.Validation.columnNames(names);
        try (Workspace created = Workspace.open(url, openOptions().creating(true), actor(), null, names)) {
            if (json()) {
                printJson(java.util.Map.of("db", created.location(), "board", Workspace.DEFAULT_BOARD, "columns", names));
            } else {
                out().println("created " + created.location() + " with board main (" + String.join(", ", names) + ")");
            }
        }
        return 0;
    }

    /** The project's config file that {@code --save} writes: the nearest {@code .tack/config.toml}, else one in the working folder. */
    private static Path projectConfig() {
        Path cwd = Path.of("").toAbsolutePath();
        Path nearest = Locations.projectFile(cwd, Locations.home(System.getenv()));
        return nearest != null ? nearest : cwd.resolve(Locations.PROJECT_FOLDER).resolve(Locations.FILE_NAME);
    }

    private void saved(Path project, String database) {
        if (project == null) {
            return;
        }
        refuseDatabaseFile(project, database);
        ProjectConfigWriter.saveDb(project, database);
        if (!json()) {
            out().println("saved db in " + project + ": tack in " + Locations.projectFolder(project) + " and below opens it");
        }
    }

    /**
     * The config file is read and rewritten with Java I/O, which must never reach a database file
     * (docs/ARCHITECTURE.md §2 rule 1): a {@code config.toml} that is a link to one is refused.
     */
    private static void refuseDatabaseFile(Path config, String database) {
        if (DbUrls.isUrl(database) || !Files.exists(config)) {
            return;
        }
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Path own = Path.of(database + suffix);
            try {
                if (Files.exists(own) && Files.isSameFile(config, own)) {
                    throw TackException.usage(config + " is the database's own file " + own + "; not writing it");
                }
            } catch (java.io.IOException e) {
                throw TackException.failed("cannot compare " + config + " with " + own + ": " + e.getMessage());
            }
        }
    }

    /** An existing file that is not a board (another program's, a folder, a newer tack's) is named and left alone. */
    private void requireBoard(Path file) {
        try {
            Workspace.open(file.toString(), openOptions(), actor(), null, null).close();
        } catch (TackException e) {
            throw TackException.failed(e.getMessage() + "; tack init leaves it as it is (choose another --db path)");
        }
    }
}
