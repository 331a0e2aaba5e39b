package dev.tack.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The whole command tree: {@link TackCommand} with every subcommand. It is what {@code tack --help},
 * the man pages and the shell completion script describe; {@link TackCommand#run} builds it only
 * when the arguments need it. A new command is added here (and to a group in {@link CommandGroups}).
 */
@Command(name = "tack",
        subcommands = {
            InitCommand.class,
            BoardCommand.class,
            ColumnCommand.class,
            AddCommand.class,
            LsCommand.class,
            ShowCommand.class,
            MvCommand.class,
            EditCommand.class,
            RmCommand.class,
            RestoreCommand.class,
            CommentCommand.class,
            LinkCommand.class,
            UnlinkCommand.class,
            ChecklistCommand.class,
            DueCommand.class,
            UndoCommand.class,
            RedoCommand.class,
            LogCommand.class,
            CheckCommand.class,
            WorkerCommand.class,
            RunsCommand.class,
            DoctorCommand.class,
            HookCommand.class,
            WaitCommand.class,
            ClaimCommand.class,
            ReadyCommand.class,
            HeartbeatCommand.class,
            DoneCommand.class,
            BlockCommand.class,
            ReleaseCommand.class,
            AgentGuideCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            BackupCommand.class,
            RestoreBackupCommand.class,
            DbCommand.class,
            ConfigCommand.class,
            CompleteCommand.class,
        })
public final class AllCommands extends TackCommand {

    /** The whole tree, with {@code --help}'s command list grouped. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new AllCommands());
        CommandGroups.install(commandLine);
        return commandLine;
    }
}
