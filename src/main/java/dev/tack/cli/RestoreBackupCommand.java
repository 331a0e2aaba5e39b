package dev.tack.cli;

import java.nio.file.Path;
import java.util.Map;
import dev.tack.board.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore-backup", mixinStandardHelpOptions = true,
        description = {"Replace the whole database with a backup made by tack backup.",
            "Every board becomes as the backup has it. Refused while a screen or worker has the database open",
            "(close them, or --force). What the",
            "database held before is first backed up beside it (DB.before-restore-TIME), so a restore can",
            "itself be undone: tack restore-backup DB.before-restore-TIME."})
final class RestoreBackupCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE", description = "The backup to put back.")
    Path file;

    @Option(names = "--force", description = "Restore even though screens or workers have the database open (they re-read it).")
    boolean force;

    @Override
    protected int execute() {
        Backups.Restored restored = new Backups(workspace()).restore(file, force);
        if (json()) {
            Map<String, Object> json = BackupCommand.describe(restored.contents(), file.toAbsolutePath().normalize());
            json.put("kept_as", restored.keptAs().toString());
            printJson(json);
        } else {
            out().println("restored " + BackupCommand.summary(restored.contents()) + " from " + file.toAbsolutePath().normalize());
            out().println("the database as it was before is kept in " + restored.keptAs());
        }
        out().flush();
        return 0;
    }
}
