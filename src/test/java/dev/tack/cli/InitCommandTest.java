package dev.tack.cli;

import static dev.tack.cli.CliRun.tack;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path folder;

    @Test
    void createsBoardMainWithTheDefaultColumns() {
        Path db = folder.resolve("tack.db");
        CliRun.Result result = tack("init", "--db", db.toString()).expectOk();
        assertThat(result.out()).isEqualTo("created " + db + " with board main (Todo, Doing, Done)\n");
        assertThat(db).isRegularFile();

        assertThat(tack("--db", db.toString(), "board", "ls").expectOk().out()).isEqualTo("main\n");
        assertThat(tack("--db", db.toString(), "column", "ls").expectOk().out().lines().map(l -> l.split(" ")[0]))
                .containsExactly("Todo", "Doing", "Done");
        assertThat(tack("--db", db.toString(), "check").exit()).isZero();
    }

    @Test
    void takesItsColumnsFromColumns() {
        Path db = folder.resolve("sub/dir/board.db");
        tack("--db", db.toString(), "init", "--columns", "Backlog, Now ,Shipped").expectOk();
        assertThat(tack("--db", db.toString(), "column", "ls").expectOk().out().lines().map(l -> l.split(" ")[0]))
                .containsExactly("Backlog", "Now", "Shipped");
    }

    @Test
    void printsJson() {
        Path db = folder.resolve("tack.db");
        JsonObject json = tack("init", "--db", db.toString(), "--columns", "A,B", "--json").expectOk().json().getAsJsonObject();
        assertThat(json.get("db").getAsString()).isEqualTo(db.toString());
        assertThat(json.get("board").getAsString()).isEqualTo("main");
        assertThat(json.getAsJsonArray("columns").toString()).isEqualTo("[\"A\",\"B\"]");
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws Exception {
        Path db = folder.resolve("tack.db");
        tack("init", "--db", db.toString()).expectOk();
        tack("--db", db.toString(), "add", "keep me").expectOk();
        CliRun.Snapshot before = CliRun.snapshot(db);

        // Nothing asked to change: done already (0). Asked for columns it cannot give: failed (1), not a conflict (4).
        CliRun.Result again = tack("init", "--db", db.toString()).expectOk();
        assertThat(again.out()).isEqualTo("a board database already exists at " + db + "; nothing changed\n");
        CliRun.Result columns = tack("init", "--db", db.toString(), "--columns", "A,B").expectError(1);
        assertThat(columns.err()).startsWith("tack: a board database already exists at " + db + "; --columns is for a new one");
        assertThat(CliRun.snapshot(db)).isEqualTo(before);
    }

    @Test
    void initOverAFileThatIsNotABoardSaysWhatItIsAndLeavesIt() throws Exception {
        Path notes = Files.writeString(folder.resolve("notes.db"), "my notes\n");
        CliRun.Result text = tack("init", "--db", notes.toString()).expectError(1);
        assertThat(text.err()).contains("is not a tack database (it is not an SQLite file)").contains("leaves it as it is")
                .doesNotContain("already exists");
        assertThat(Files.readString(notes)).isEqualTo("my notes\n");

        Path other = folder.resolve("other.db");
        CliRun.execute(other, "CREATE TABLE mine (x)");
        assertThat(tack("init", "--db", other.toString()).expectError(1).err())
                .contains("is not a tack database (it is an SQLite database without tack's tables)");
    }

    @Test
    void badColumnNamesLeaveNoFileBehind() throws Exception {
        Path db = folder.resolve("tack.db");
        tack("init", "--db", db.toString(), "--columns", "A,,B").expectError(2);
        tack("init", "--db", db.toString(), "--columns", "A,\u001b[2J").expectError(2);
        tack("init", "--db", db.toString(), "--columns", "Todo,Doing,todo").expectError(2);
        tack("init", "--db", db.toString(), "--columns", "A,A").expectError(2);
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }
}
