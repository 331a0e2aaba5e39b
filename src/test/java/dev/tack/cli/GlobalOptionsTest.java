package dev.tack.cli;

import static dev.tack.cli.CliRun.tack;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --db, --board, --as and --json work before or after the command; TACK_DB, TACK_BOARD and TACK_ACTOR stand in for them. */
class GlobalOptionsTest {

    @TempDir
    Path folder;

    String db;

    @BeforeEach
    void init() {
        db = folder.resolve("tack.db").toString();
        tack("init", "--db", db).expectOk();
        tack("--db", db, "board", "add", "side").expectOk();
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() {
        assertThat(tack("--db", db, "add", "a").expectOk().out()).isEqualTo("1\n");
        assertThat(tack("add", "b", "--db", db).expectOk().out()).isEqualTo("2\n");
        assertThat(tack("--db", db, "ls").expectOk().out()).isEqualTo(tack("ls", "--db", db).expectOk().out());

        assertThat(tack("--json", "--db", db, "ls").expectOk().json().getAsJsonArray()).hasSize(2);
        assertThat(tack("ls", "--db", db, "--json").expectOk().json().getAsJsonArray()).hasSize(2);

        tack("--board", "side", "--db", db, "add", "s1").expectOk();
        tack("add", "s2", "--board", "side", "--db", db).expectOk();
        assertThat(tack("ls", "--json", "--db", db, "--board", "side").expectOk().json().getAsJsonArray()).hasSize(2);
        assertThat(tack("--db", db, "--board", "side", "--json", "ls").expectOk().json().getAsJsonArray()).hasSize(2);

        tack("--as", "alice", "--db", db, "comment", "1", "before").expectOk();
        tack("comment", "1", "after", "--as", "bob", "--db", db).expectOk();
        JsonArray comments = tack("show", "1", "--db", db, "--json").expectOk().json().getAsJsonObject().getAsJsonArray("comments");
        assertThat(comments.get(0).getAsJsonObject().get("author").getAsString()).isEqualTo("alice");
        assertThat(comments.get(1).getAsJsonObject().get("author").getAsString()).isEqualTo("bob");
    }

    @Test
    void globalOptionsReachNestedCommands() {
        tack("column", "add", "Review", "--db", db, "--board", "side").expectOk();
        assertThat(tack("--db", db, "--board", "side", "column", "ls", "--json").expectOk().json().getAsJsonArray()).hasSize(4);
        assertThat(tack("--db", db, "column", "ls").expectOk().out().lines()).hasSize(3);
        assertThat(tack("board", "ls", "--json", "--db", db).expectOk().json().getAsJsonArray()).hasSize(2);
    }

    @Test
    void aBlankDbIsAUsageErrorNotTheDefaultBoard() {
        CliRun.Result result = tack("--db", " ", "ls").expectError(2);
        assertThat(result.err()).contains("--db");
        tack("--db", "", "add", "x").expectError(2);
        tack("init", "--db", "").expectError(2);
    }

    /** Environment variables cannot be set in this JVM, so these run tack as a child process. */
    @Test
    void environmentVariablesChooseTheFileTheBoardAndTheActor() throws Exception {
        Child added = run(Map.of("TACK_DB", db, "TACK_BOARD", "side", "TACK_ACTOR", "robot"), "add", "from the environment");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).isEqualTo("1\n");

        JsonArray side = tack("--db", db, "--board", "side", "ls", "--json").expectOk().json().getAsJsonArray();
        assertThat(side).hasSize(1);
        assertThat(side.get(0).getAsJsonObject().get("title").getAsString()).isEqualTo("from the environment");
        JsonArray events = tack("--db", db, "log", "--json").expectOk().json().getAsJsonArray();
        JsonObject last = events.get(events.size() - 1).getAsJsonObject();
        assertThat(last.get("actor").getAsString()).isEqualTo("robot");
        assertThat(last.get("kind").getAsString()).isEqualTo("card.added");

        // Options beat the environment; and output is UTF-8 even under the C locale.
        tack("--db", db, "add", "naïve 中文 ✓").expectOk();
        Child overridden = run(Map.of("TACK_DB", folder.resolve("missing.db").toString(), "TACK_BOARD", "nope",
                "LANG", "C", "LC_ALL", "C"), "--db", db, "--board", "main", "ls", "--json");
        assertThat(overridden.exit()).as(overridden.err()).isZero();
        JsonArray main = CliRun.oneJsonDocument(overridden.out()).getAsJsonArray();
        assertThat(main).hasSize(1);
        assertThat(main.get(0).getAsJsonObject().get("title").getAsString()).isEqualTo("naïve 中文 ✓");

        // A TACK_DB that does not exist is an error, one line, exit 1, no stack trace, no file.
        Path missing = folder.resolve("missing.db");
        Child failed = run(Map.of("TACK_DB", missing.toString()), "ls");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.out()).isEmpty();
        assertThat(failed.err()).isEqualTo("tack: no board database at " + missing + " (create one with: tack init --db " + missing + ")\n");
        assertThat(missing).doesNotExist();
        assertThat(folder.resolve("home")).isEmptyDirectory();
    }

    record Child(int exit, String out, String err) {
    }

    /** Runs {@code dev.tack.Main} in a new JVM with only these TACK_ variables and a scratch home. */
    private Child run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path home = Files.createDirectories(folder.resolve("home"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // --enable-native-access as every launcher passes it (and the jar's manifest, for java -jar):
                // without it, Java 24+ warns on stderr when sqlite-jdbc loads its library.
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.tack.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TACK_") || name.startsWith("LC_") || name.equals("LANG"));
        builder.environment().put("LANG", "C.UTF-8");
        // Never the real data folder: a mistake here must not touch the user's own board.
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        builder.environment().putAll(env);
        Path out = folder.resolve("child.out");
        Path err = folder.resolve("child.err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tack did not finish: " + command);
        }
        return new Child(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
