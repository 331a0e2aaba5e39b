package dev.tack.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import dev.tack.model.TackException;
import dev.tack.text.Sanitizer;
import dev.tack.tui.ThemeChoice;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tack}: with no command, the board full-screen; otherwise one of the subcommands.
 *
 * <p>This class declares the root's own options only. {@link AllCommands} adds every subcommand;
 * building picocli's model of all of them costs more at start than the command itself (measured:
 * docs/STARTUP.md), so {@link #run} registers only the subcommand that the arguments name, and
 * builds the whole tree only when it is needed: {@code tack --help}, an unknown command, and the
 * generators of the completion script and man pages.
 */
@Command(name = "tack",
        mixinStandardHelpOptions = true,
        versionProvider = TackCommand.Version.class,
        description = "A terminal kanban board that people, scripts and background workers share at once.",
        synopsisSubcommandLabel = "[COMMAND]",
        modelTransformer = RootVersionOnly.class)
public class TackCommand extends BaseCommand {

    /** picocli's system property: a comma-separated list of regular expressions of class names whose built-in converters it skips. */
    static final String PICOCLI_CONVERTER_EXCLUDES = "picocli.converters.excludes";

    static {
        // picocli registers built-in converters for java.sql's Time, Timestamp, Connection and
        // Driver by reflection, loading and initialising those classes (and DriverManager) in
        // every process, before any option is read. No option of tack has such a type (the front
        // doors never see java.sql: ArchitectureTest), so they are left out (docs/STARTUP.md).
        if (System.getProperty(PICOCLI_CONVERTER_EXCLUDES) == null) {
            System.setProperty(PICOCLI_CONVERTER_EXCLUDES, "java\\.sql\\..*");
        }
    }

    @Mixin
    GlobalOptions globals = new GlobalOptions();

    @Option(names = "--theme", paramLabel = "THEME", converter = Converters.Theme.class,
            description = "The board's colours: auto (the terminal's background decides), dark, light or high-contrast "
                    + "(env TACK_THEME; default auto). NO_COLOR turns colour off whatever the theme.")
    ThemeChoice theme;

    /** Where every command prints (set by {@link #run} before the command runs). */
    Output output;

    @Override
    protected int execute() {
        return BoardLauncher.open(this, theme());
    }

    /** {@code --theme}, else {@code TACK_THEME}, else null (the config's, or auto); a bad {@code TACK_THEME} is a usage error, as a bad option is. */
    private ThemeChoice theme() {
        if (theme != null) {
            return theme;
        }
        String env = System.getenv("TACK_THEME");
        if (env == null || env.isBlank()) {
            return null;
        }
        try {
            return ThemeChoice.parse(env);
        } catch (IllegalArgumentException e) {
            throw TackException.usage("TACK_THEME: " + e.getMessage());
        }
    }

    /** Parses and runs a command line, mapping every failure to the exit codes of docs/ARCHITECTURE.md §4. */
    public static int run(String... args) {
        // UTF-8 whatever the locale: JSON must be UTF-8 (RFC 8259), and under a C or POSIX locale
        // (cron, containers, CI) Java would otherwise print every non-ASCII character as '?'.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        try {
            return run(out, Output.isTerminal(1), err, TypedArguments.recover(args));
        } finally {
            out.flush();
            err.flush();
        }
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, false, err, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, saying whether {@code out} is a terminal. */
    public static int run(PrintWriter out, boolean outIsTerminal, PrintWriter err, String... args) {
        Output output = Output.over(out, outIsTerminal, err);
        try {
            return run(output, out, err, args);
        } finally {
            output.flush();
        }
    }

    private static int run(Output output, PrintWriter rawOut, PrintWriter rawErr, String... args) {
        CommandLine commandLine = commandLine(args);
        TackCommand root = commandLine.getCommand();
        root.output = output;
        PrintWriter err = output.err();
        boolean jsonErrors = wantsJson(args);
        // picocli's help and version text is tack's own; it goes out as picocli formats it.
        commandLine.setOut(rawOut);
        commandLine.setErr(err);
        // Every failure is one line on stderr (docs/ARCHITECTURE.md §4). Messages may quote what was typed,
        // so they are sanitised: a newline or an escape sequence in an argument stays visible text.
        commandLine.setParameterExceptionHandler((ex, argv) -> {
            String help = ex.getCommandLine().getCommandSpec().qualifiedName() + " --help";
            String suggestion = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
                // picocli prints its "Did you mean" on lines of their own; tack's error is one line
                suggestion = "; did you mean: " + String.join(" or ", unmatched.getSuggestions().stream().limit(3).toList()) + "?";
            }
            String line = Sanitizer.line(ex.getMessage() + suggestion) + " (see: " + help + ")";
            err.println(jsonErrors ? JsonShape.error(TackException.Kind.USAGE, line) : "tack: " + line);
            err.flush();
            return TackException.Kind.USAGE.exitCode();
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            boolean debug = root.globals.debug;
            if (debug) {
                ex.printStackTrace(err);
            }
            if (ex instanceof TackException tack) {
                String line = Sanitizer.line(tack.getMessage());
                err.println(jsonErrors ? JsonShape.error(tack.kind(), line) : "tack: " + line);
                err.flush();
                return tack.kind().exitCode();
            }
            String line = Sanitizer.line(describe(ex)) + (debug ? "" : " (run with --debug for details)");
            err.println(jsonErrors ? JsonShape.error(TackException.Kind.FAILED, line) : "tack: " + line);
            err.flush();
            return TackException.Kind.FAILED.exitCode();
        });
        return commandLine.execute(args);
    }

    /**
     * The command line for {@code args}: the root with only the subcommand they name, or the whole
     * tree ({@link AllCommands}) when they ask for the root's help or name an unknown command (so
     * that picocli's messages and suggestions are the same as with the whole tree).
     */
    static CommandLine commandLine(String... args) {
        Subcommands.Scan scan = Subcommands.scan(args);
        if (scan.help()) {
            return AllCommands.commandLine();
        }
        if (scan.command() == null) {
            return new CommandLine(new TackCommand());
        }
        Object subcommand = Subcommands.instantiate(scan.command());
        if (subcommand == null) {
            return AllCommands.commandLine();
        }
        CommandLine commandLine = new CommandLine(new TackCommand());
        commandLine.addSubcommand(subcommand);
        new RootVersionOnly().transform(commandLine.getCommandSpec());
        return commandLine;
    }

    /**
     * Whether the command line asks for JSON ({@code --json}, {@code --fields}, {@code --compact}
     * before a {@code --}): then an error is a JSON object on stderr too, so a program reading tack
     * gets {@code code} and {@code message} without parsing text. Read from the arguments, since a
     * line that fails to parse has no options bound.
     */
    static boolean wantsJson(String... args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--json") || arg.equals("--compact") || arg.equals("--fields") || arg.startsWith("--fields=")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            if (root.getCause() instanceof TackException) {
                return root.getCause().getMessage();
            }
            root = root.getCause();
        }
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /** The version from the jar's manifest, which Maven fills in. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TackCommand.class.getPackage().getImplementationVersion();
            return new String[] {"tack " + (version == null ? "dev" : version)};
        }
    }
}
