package dev.tack.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;
import dev.tack.board.Idempotency;
import dev.tack.board.Json;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.board.DbLocation;
import dev.tack.config.Config;
import dev.tack.config.DbUrls;
import dev.tack.config.Setting;
import dev.tack.model.Hosts;
import dev.tack.model.TackException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the global options, opening the board file, and printing. */
abstract class BaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private Workspace workspace;
    private Config config;

    /** The command's work; returns the exit code (0 unless it says otherwise). */
    protected abstract int execute() throws Exception;

    @Override
    public final Integer call() throws Exception {
        try {
            return execute();
        } finally {
            if (workspace != null) {
                workspace.close();
            }
        }
    }

    GlobalOptions globals() {
        return ((TackCommand) spec.root().userObject()).globals;
    }

    /** {@code --json}, or a shape of it ({@code --fields}, {@code --compact}), which implies it. */
    boolean json() {
        return globals().json || globals().compact || (globals().fields != null && !globals().fields.isEmpty());
    }

    Output output() {
        return ((TackCommand) spec.root().userObject()).output;
    }

    /**
     * Where the command prints: sanitised text for people, or with {@code --json} the JSON
     * document, which is safe by construction and keeps its bytes in a pipe (see {@link Output}).
     * Commands print text from the database as it is; the boundary makes it safe, once.
     */
    PrintWriter out() {
        return json() ? output().data() : output().text();
    }

    /** Diagnostics and progress for people, sanitised; never standard output. */
    PrintWriter err() {
        return output().err();
    }

    Style style() {
        return Style.detect(output().terminal());
    }

    void printJson(Object value) {
        printJson(value, java.util.Set.of());
    }

    /** As {@link #printJson(Object)}; {@code known}: the fields the command's objects may have, for {@code --fields} on an empty list. */
    void printJson(Object value, java.util.Set<String> known) {
        JsonShape shape = new JsonShape(globals().fields, globals().compact);
        output().data().println(shape.plain() ? Json.pretty(value) : shape.render(value, known));
        output().data().flush();
    }

    Actor actor() {
        String name = firstNonBlank(globals().actor, System.getenv("TACK_ACTOR"), System.getProperty("user.name"), "someone");
        return new Actor(name.strip(), Hosts.name(), ProcessHandle.current().pid());
    }

    /**
     * Opens (once) the database the global options, the environment or the config files point at
     * (in that order: docs/ARCHITECTURE.md, "Configuration").
     */
    Workspace workspace() {
        if (workspace == null) {
            String explicit = explicitDb();
            Setting<String> configured = explicit == null ? config().db().orElse(null) : null;
            if (configured != null) {
                explicit = configured.value();
            }
            try {
                if (Workspace.isServer(explicit)) {
                    workspace = open(explicit, false); // a team board on a PostgreSQL server
                } else {
                    DbLocation location = DbLocation.resolve(explicit, Path.of("").toAbsolutePath(), System.getenv());
                    workspace = open(location.file(), location.createIfMissing());
                }
            } catch (TackException e) {
                if (configured == null) {
                    throw e;
                }
                // A database the person did not name on this command line: say where it was named.
                throw new TackException(e.kind(), e.getMessage() + " (db from " + configured.origin() + ")", e);
            }
        }
        return workspace;
    }

    /**
     * The config files (read once, and only those that exist); what is wrong in them is said once,
     * one line each, and tack goes on without it.
     */
    Config config() {
        if (config == null) {
            config = Config.load(Path.of("").toAbsolutePath(), System.getenv());
            if (reportsConfigProblems()) {
                config.problemLines().forEach(line -> err().println("tack: " + dev.tack.text.Sanitizer.line(line)));
                err().flush();
            }
        }
        return config;
    }

    /**
     * The file {@code --db} or {@code TACK_DB} names, or null. An empty {@code --db} is refused
     * rather than read as "not given": {@code tack --db "$BOARD" add …} with the variable unset must
     * not write to the user's own default board.
     */
    String explicitDb() {
        if (globals().db != null && globals().db.isBlank()) {
            throw TackException.usage("--db was given an empty path");
        }
        return firstNonBlank(globals().db, System.getenv("TACK_DB"));
    }

    Workspace open(Path file, boolean create) {
        return open(file.toString(), create);
    }

    /** Opens the database at {@code location} (a file's path or a URL), on the board the options, environment or config name. */
    Workspace open(String location, boolean create) {
        Actor actor = actor();
        Workspace opened = Workspace.open(location, openOptions().creating(create), actor, boardName(location), null);
        refuseConfigThatIsTheDatabase(opened);
        opened.notices().forEach(notice -> spec.commandLine().getErr().println("tack: note: " + dev.tack.text.Sanitizer.line(notice)));
        opened.logHooksTo(line -> {
            // a hook that failed is reported, never an error of the write it followed
            synchronized (err()) {
                err().println("tack: hook: " + dev.tack.text.Sanitizer.line(line));
                err().flush();
            }
        });
        if (!opened.readOnly()) {
            opened.describeHolder(actor.name() + " (tack " + spec.qualifiedName(" ").replaceFirst("^tack ?", "") + ")");
            if (System.getenv("TACK_RUN_ID") != null) {
                // Started by a worker's job (tack comment, tack edit on its card): background work, like the worker's own writes.
                opened.yieldToPeople();
            }
        }
        return opened;
    }

    /**
     * The config files are read with Java I/O, always before the database is opened (while this
     * process holds none of SQLite's locks on it, which closing a handle would drop); a config file
     * that turns out to be one of the database's own files is refused before anything is written,
     * so that nothing ever reads it again beside an open database (docs/ARCHITECTURE.md §2 rule 1).
     */
    private void refuseConfigThatIsTheDatabase(Workspace opened) {
        for (Path file : config().filesRead()) {
            if (opened.isOwnFile(file)) {
                opened.close();
                throw TackException.usage("the config file " + file + " is the database's own file; remove it or the link");
            }
        }
    }

    /** Whether this command says what is wrong in the config files (shell completion must print nothing). */
    boolean reportsConfigProblems() {
        return true;
    }

    /** The board: {@code --board}, else {@code TACK_BOARD}, else the config's for this database, else null (the only one, or main). */
    String boardName(String location) {
        String named = firstNonBlank(globals().board, System.getenv("TACK_BOARD"));
        return named != null ? named : config().board(location).map(Setting::value).orElse(null);
    }

    Workspace.Options openOptions() {
        Duration deadline = globals().lockTimeout == null ? Workspace.DEFAULT_LOCK_DEADLINE : globals().lockTimeout;
        return new Workspace.Options(false, globals().syncFull, deadline);
    }

    /**
     * Runs one write, under {@code --idempotency-key} when one was given: a retry with the same key
     * writes nothing, gets {@code replay} of the first write's {@code resultText}, and says on
     * stderr that it was a replay (its standard output is the same).
     */
    <T> T once(IdempotencyOption option, Function<Workspace, T> operation, Function<T, String> resultText, Function<String, T> replay) {
        Idempotency.Key key = option.of(spec, workspace().requestedBoard());
        if (key == null) {
            return operation.apply(workspace());
        }
        Idempotency.Once<T> once = Idempotency.once(workspace(), key, operation, resultText, replay);
        if (once.replayed()) {
            err().println("tack: note: replayed: idempotency key '" + key.value() + "' was first used at " + once.firstAt()
                    + "; nothing written again");
            err().flush();
        }
        return once.result();
    }

    /** For a command that only groups others ({@code tack board}): a usage error naming them. */
    int missingSubcommand() {
        throw TackException.usage("'" + spec.qualifiedName() + "' needs a command: " + String.join(", ", spec.subcommands().keySet())
                + " (see: " + spec.qualifiedName() + " --help)");
    }

    /** For a command that takes its id as text: prefer {@code converter = Converters.CardId.class}. */
    static long parseId(String text) {
        try {
            return Converters.cardId(text);
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw TackException.usage(e.getMessage());
        }
    }

    static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
