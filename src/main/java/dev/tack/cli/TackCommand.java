package dev.tack.cli;

import java.io.PrintWriter;
import dev.tack.store.TackException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
        synopsisSubcommandLabel = "[COMMAND]")
public class TackCommand extends BaseCommand {

    @Mixin
    GlobalOptions globals = new GlobalOptions();

    @Override
    protected int execute() {
        return BoardLauncher.open(this);
    }

    /** Parses and runs a command line, mapping every failure to the exit codes of DESIGN.md §4. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(args);
        TackCommand root = commandLine.getCommand();
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((ex, argv) -> {
            err.println("tack: " + ex.getMessage());
            CommandLine failed = ex.getCommandLine();
            err.println("     (see: " + failed.getCommandSpec().qualifiedName() + " --help)");
            err.flush();
            return TackException.Kind.USAGE.exitCode();
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            boolean debug = root.globals.debug;
            if (debug) {
                ex.printStackTrace(err);
            }
            if (ex instanceof TackException tack) {
                err.println("tack: " + tack.getMessage());
                err.flush();
                return tack.kind().exitCode();
            }
            err.println("tack: " + describe(ex) + (debug ? "" : " (run with --debug for details)"));
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
        return commandLine;
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
