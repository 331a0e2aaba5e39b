package dev.tack.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.tack.board.Backups;
import dev.tack.model.BackupContents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a consistent copy of the whole database to FILE while others go on working.",
            "The copy holds every board, its history, comments and runs. It is made by SQLite (VACUUM INTO),",
            "never by copying tack.db, which would miss the newest writes kept in tack.db-wal. FILE must not exist yet.",
            "Put it back with: tack restore-backup FILE. Open it on its own with: tack --db FILE."})
final class BackupCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE", description = "The backup file to write (a new file).")
    Path file;

    @Override
    protected int execute() {
        DatabaseFiles.refuseOutput(file, workspace());
        BackupContents contents = new Backups(workspace()).backup(file);
        Path written = file.toAbsolutePath().normalize();
        if (json()) {
            printJson(describe(contents, written));
        } else {
            out().println("backed up " + summary(contents) + " to " + written);
        }
        out().flush();
        return 0;
    }

    static String summary(BackupContents contents) {
        return contents.boards() + (contents.boards() == 1 ? " board, " : " boards, ") + contents.cards()
                + (contents.cards() == 1 ? " card, " : " cards, ") + contents.events() + (contents.events() == 1 ? " event" : " events");
    }

    static Map<String, Object> describe(BackupContents contents, Path file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file.toString());
        json.put("schema", contents.schemaVersion());
        json.put("boards", contents.boards());
        json.put("cards", contents.cards());
        json.put("events", contents.events());
        return json;
    }
}
