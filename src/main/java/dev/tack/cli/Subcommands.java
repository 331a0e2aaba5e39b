package dev.tack.cli;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Finds, without building picocli's model, which subcommand a command line names, and makes just
 * that one. The subcommands are {@link AllCommands}'s, named again in {@link #instantiate}; the options that take a
 * value (whose value must not be mistaken for a command name) are read from {@link GlobalOptions}.
 */
final class Subcommands {

    private static volatile Set<String> valueOptions;

    private Subcommands() {
    }

    /**
     * What a command line names before picocli sees it: the first argument that is not a global
     * option or an option's value ({@code command}, null when there is none), and whether
     * {@code -h}/{@code --help} comes before it ({@code help}).
     */
    record Scan(String command, boolean help) {
    }

    static Scan scan(String... args) {
        Set<String> takesValue = valueOptions();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return new Scan(i + 1 < args.length ? args[i + 1] : null, help);
            }
            if (arg.startsWith("-") && arg.length() > 1) {
                help |= arg.equals("-h") || arg.equals("--help");
                if (arg.indexOf('=') < 0 && takesValue.contains(arg)) {
                    i++;
                }
                continue;
            }
            return new Scan(arg, help);
        }
        return new Scan(null, help);
    }

    /**
     * A new instance of the subcommand called {@code name}; null when none is. A plain switch, not a
     * walk over {@link AllCommands}'s annotation: reading that would load and parse the annotations
     * of all 37 command classes on every start, to build one (measured: docs/STARTUP.md).
     * StartupCommandLineTest checks that it names every command of {@link AllCommands}, and only those.
     * No top-level command has an alias; one that gets some needs a case for each.
     */
    static Object instantiate(String name) {
        return switch (name) {
            case "init" -> new InitCommand();
            case "board" -> new BoardCommand();
            case "column" -> new ColumnCommand();
            case "add" -> new AddCommand();
            case "ls" -> new LsCommand();
            case "show" -> new ShowCommand();
            case "mv" -> new MvCommand();
            case "edit" -> new EditCommand();
            case "rm" -> new RmCommand();
            case "restore" -> new RestoreCommand();
            case "comment" -> new CommentCommand();
            case "link" -> new LinkCommand();
            case "unlink" -> new UnlinkCommand();
            case "checklist" -> new ChecklistCommand();
            case "due" -> new DueCommand();
            case "undo" -> new UndoCommand();
            case "redo" -> new RedoCommand();
            case "log" -> new LogCommand();
            case "check" -> new CheckCommand();
            case "worker" -> new WorkerCommand();
            case "runs" -> new RunsCommand();
            case "hook" -> new HookCommand();
            case "wait" -> new WaitCommand();
            case "claim" -> new ClaimCommand();
            case "ready" -> new ReadyCommand();
            case "heartbeat" -> new HeartbeatCommand();
            case "done" -> new DoneCommand();
            case "block" -> new BlockCommand();
            case "release" -> new ReleaseCommand();
            case "doctor" -> new DoctorCommand();
            case "agent-guide" -> new AgentGuideCommand();
            case "export" -> new ExportCommand();
            case "import" -> new ImportCommand();
            case "backup" -> new BackupCommand();
            case "restore-backup" -> new RestoreBackupCommand();
            case "db" -> new DbCommand();
            case "config" -> new ConfigCommand();
            case "__complete" -> new CompleteCommand();
            default -> null;
        };
    }

    private static Set<String> valueOptions() {
        Set<String> names = valueOptions;
        if (names == null) {
            names = new HashSet<>();
            for (Field field : GlobalOptions.class.getDeclaredFields()) {
                Option option = field.getAnnotation(Option.class);
                if (option != null && field.getType() != boolean.class && field.getType() != Boolean.class) {
                    names.addAll(Set.of(option.names()));
                }
            }
            valueOptions = names;
        }
        return names;
    }
}
