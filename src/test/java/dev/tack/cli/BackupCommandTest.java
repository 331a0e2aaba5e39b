package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class BackupCommandTest extends CliFixture {

    @Test
    void aBackupAndARestoreSayWhatTheyHoldAndWhereTheOldStateIsKept() {
        add("first");
        add("second");
        Path backup = folder.resolve("friday.db");

        assertThat(tack("backup", backup.toString()).expectOk().out())
                .isEqualTo("backed up 1 board, 2 cards, 3 events to " + backup + "\n");
        add("third");
        CliRun.Result restored = tack("restore-backup", backup.toString()).expectOk();

        assertThat(restored.out()).startsWith("restored 1 board, 2 cards, 3 events from " + backup + "\n")
                .contains("the database as it was before is kept in " + db + ".before-restore-");
        assertThat(tack("ls").expectOk().out()).contains("first", "second").doesNotContain("third");
        tack("check").expectOk();
        JsonObject json = tack("backup", "--json", folder.resolve("again.db").toString()).expectOk().json().getAsJsonObject();
        assertThat(json.get("cards").getAsInt()).isEqualTo(2);
        assertThat(json.get("file").getAsString()).isEqualTo(folder.resolve("again.db").toString());
    }

    @Test
    void badBackupsGetOneLineAndTheExitCodeOfTheirKind() throws Exception {
        add("kept");
        CliRun.Snapshot before = snapshot();
        Path taken = Files.writeString(folder.resolve("taken.db"), "not a database");

        assertThat(tack("backup", taken.toString()).expectError(2).err()).contains("already exists");
        assertThat(tack("backup", db + "-wal").expectError(2).err()).contains("own file");
        assertThat(tack("backup", folder.resolve("no/such/folder.db").toString()).expectError(2).err()).contains("no folder");
        assertThat(tack("restore-backup", folder.resolve("missing.db").toString()).expectError(3).err()).contains("no backup file");
        assertThat(tack("restore-backup", taken.toString()).expectError(1).err()).contains("not a tack backup");
        assertThat(tack("restore-backup", db.toString()).expectError(2).err()).contains("own file");

        assertThat(snapshot()).isEqualTo(before);
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no backup, kept copy or temporary file was left")
                    .allMatch(name -> name.startsWith("tack.db") && !name.contains("before-restore") || name.equals("taken.db"));
        }
    }
}
