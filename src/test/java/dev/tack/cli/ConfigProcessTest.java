package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import dev.tack.Main;
import dev.tack.config.Config;
import dev.tack.testing.ChildJvm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config files as tack in a real process reads them: from the folder it runs in, with its own
 * HOME, under the precedence option > environment > project's file > user's file > default.
 */
class ConfigProcessTest {

    @TempDir
    Path root;
    Path home;
    Path project;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void folders() throws IOException {
        home = Files.createDirectories(root.resolve("home"));
        project = Files.createDirectories(home.resolve("code/app"));
    }

    private Run tack(Path cwd, Map<String, String> extraEnv, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.command(root, Main.class, args)).directory(cwd.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("TACK_") || key.startsWith("XDG_") || key.equals("JAVA_TOOL_OPTIONS"));
        env.put("HOME", home.toString());
        env.putAll(extraEnv);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private Run tack(Path cwd, String... args) throws Exception {
        return tack(cwd, Map.of(), args);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Run ok(Run run) {
        assertThat(run.exit()).as("exit; stderr: %s", run.err()).isZero();
        return run;
    }

    @Test
    void aConfigFileThatIsTheDatabaseItselfIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path db = project.resolve("tack.db");
        ok(tack(project, "--db", db.toString(), "init"));
        Files.createDirectories(project.resolve(".tack"));
        Files.createSymbolicLink(project.resolve(".tack/config.toml"), db);

        Run add = tack(project, "--db", db.toString(), "add", "never written");

        assertThat(add.exit()).as(add.err()).isEqualTo(2);
        assertThat(add.err()).contains("config file").contains("is the database's own file").doesNotContain("Exception");
        assertThat(CliRun.snapshot(db).maxCardId()).isZero();
    }

    @Test
    void theProjectsDbOpensTheRightFileFromASubfolder() throws Exception {
        ok(tack(project, "--db", project.resolve("boards/team.db").toString(), "init"));
        ok(tack(home, "--db", home.resolve("other.db").toString(), "init"));
        write(project.resolve(".tack/config.toml"), "db = \"boards/team.db\"\n");
        Path deep = Files.createDirectories(project.resolve("src/main/java"));
        Run added = ok(tack(deep, "add", "from deep inside"));
        assertThat(added.err()).isEmpty();
        assertThat(CliRun.snapshot(project.resolve("boards/team.db")).maxCardId()).isEqualTo(1);
        assertThat(ok(tack(deep, "ls")).out()).contains("from deep inside");
        // A db that does not exist is an error that says which file named it.
        write(project.resolve(".tack/config.toml"), "db = \"boards/gone.db\"\n");
        Run missing = tack(deep, "ls");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().lines().toList()).singleElement().asString().startsWith("tack: no board database at "
                + project.resolve("boards/gone.db")).endsWith(" (db from ~/code/app/.tack/config.toml:1)");
        write(project.resolve(".tack/config.toml"), "db = \"boards/team.db\"\n");
        // Outside the project, the file is not read.
        assertThat(ok(tack(home, "--db", home.resolve("other.db").toString(), "ls")).out()).doesNotContain("from deep inside");
        assertThat(Files.exists(home.resolve(".local/share/tack/tack.db"))).as("no default board was made").isFalse();
    }

    @Test
    void anOptionGoesOverTheEnvironmentOverTheProjectOverTheUser() throws Exception {
        for (String name : List.of("user", "project", "env", "option")) {
            ok(tack(root, "--db", root.resolve(name + ".db").toString(), "init"));
        }
        write(home.resolve(".config/tack/config.toml"), "db = \"" + root.resolve("user.db") + "\"\n");
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        ok(tack(elsewhere, "add", "to user"));
        write(project.resolve(".tack/config.toml"), "db = \"../../../project.db\"\n");
        ok(tack(project, "add", "to project"));
        ok(tack(project, Map.of("TACK_DB", root.resolve("env.db").toString()), "add", "to env"));
        ok(tack(project, Map.of("TACK_DB", root.resolve("env.db").toString()), "--db", root.resolve("option.db").toString(), "add", "to option"));
        for (String name : List.of("user", "project", "env", "option")) {
            assertThat(CliRun.snapshot(root.resolve(name + ".db")).maxCardId()).as(name).isEqualTo(1);
        }
    }

    @Test
    void theConfigsBoardIsTheDefaultAndBoardGoesOverIt() throws Exception {
        Path db = project.resolve(".tack/tack.db");
        ok(tack(project, "init"));
        ok(tack(project, "board", "add", "sprint"));
        write(project.resolve(".tack/config.toml"), "board = \"sprint\"\n");
        ok(tack(project, "add", "on sprint"));
        ok(tack(project, "--board", "main", "add", "on main"));
        assertThat(ok(tack(project, "--board", "sprint", "ls")).out()).contains("on sprint").doesNotContain("on main");
        assertThat(ok(tack(project, Map.of("TACK_BOARD", "main"), "ls")).out()).contains("on main").doesNotContain("on sprint");
        assertThat(db).exists();
    }

    @Test
    void aBadFileIsOneLineAndTackRunsWithItsDefaults() throws Exception {
        ok(tack(project, "init"));
        write(home.resolve(".config/tack/config.toml"), """
                theme = "dark"
                [keys]
                move_left = 7
                """);
        write(project.resolve(".tack/config.toml"), "board = [\n");
        Run run = ok(tack(project, "add", "still works"));
        List<String> lines = run.err().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("tack: ~/.config/tack/config.toml:3: keys.move_left: expected a key (\"ctrl+n\")"
                + " or a list of keys ([\"n\", \"insert\"]), not a number");
        assertThat(lines.get(1)).startsWith("tack: ~/code/app/.tack/config.toml:").contains(": not valid TOML (")
                .endsWith("; the file is ignored");
        assertThat(run.out().strip()).isEqualTo("1");
    }

    @Test
    void initSaveWritesTheDbIntoTheProjectAndTackBelowOpensIt() throws Exception {
        Run run = ok(tack(project, "init", "--db", "data/team.db", "--save"));
        assertThat(run.out()).contains("saved db in " + project.resolve(".tack/config.toml"));
        assertThat(Files.readString(project.resolve(".tack/config.toml"))).isEqualTo("db = \"data/team.db\"\n");
        Path sub = Files.createDirectories(project.resolve("sub"));
        ok(tack(sub, "add", "team card"));
        assertThat(CliRun.snapshot(project.resolve("data/team.db")).maxCardId()).isEqualTo(1);
        // Saving an existing database (a colleague made it) changes nothing in it but the project's file.
        ok(tack(project, "--db", root.resolve("shared.db").toString(), "init"));
        Run again = ok(tack(sub, "init", "--db", root.resolve("shared.db").toString(), "--save"));
        assertThat(again.out()).contains("already exists").contains("saved db in");
        assertThat(Files.readString(project.resolve(".tack/config.toml"))).isEqualTo("db = \"" + root.resolve("shared.db") + "\"\n");
    }

    @Test
    void initSaveNeverWritesAPassword() throws Exception {
        Run run = tack(project, "init", "--db", "postgresql://alice:s3cret@db.example/tack", "--save");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly("tack: a database URL with a password does not go into a config file;"
                + " give the password with PGPASSWORD or ~/.pgpass");
        assertThat(run.out()).isEmpty();
        assertThat(project.resolve(".tack")).doesNotExist();
        try (var files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readAllBytes(file)).as(file.toString()).doesNotContain("s3cret".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aConflictingBindingIsOneLineAtStartNamingItsFileAndLine() throws IOException {
        write(home.resolve(".config/tack/config.toml"), """
                # my keys
                [keys]
                move_right = ["l", "m"]
                """);
        StringWriter err = new StringWriter();
        Config config = Config.load(project, Map.of("HOME", home.toString()));
        ScreenConfig.settings(config, new PrintWriter(err, true));
        assertThat(err.toString().lines().toList()).containsExactly(
                "tack: ~/.config/tack/config.toml:3: keys.move_right: l is already select_right's key; left out (re-bind select_right too)");
    }

    @Test
    void tackConfigShowsTheFilesAndWhereEachSettingComesFrom() throws Exception {
        write(home.resolve(".config/tack/config.toml"), "theme = \"light\"\n[keys]\nundo = [\"z\", \"ctrl+z\"]\n");
        write(project.resolve(".tack/config.toml"), "db = \"team.db\"\npoll_interval = \"80ms\"\n");
        Run run = ok(tack(project, Map.of("TACK_BOARD", "sprint"), "config"));
        // columns are padded to the widest value: compared here with the padding as " | "
        assertThat(run.out().lines().map(l -> l.replaceAll(" {2,}", " | ")).toList()).containsExactly(
                "user config: | " + home.resolve(".config/tack/config.toml"),
                "project config: " + project.resolve(".tack/config.toml"),
                "db | " + project.resolve("team.db") + " | ~/code/app/.tack/config.toml:1",
                "board | sprint | environment TACK_BOARD",
                "theme | light | ~/.config/tack/config.toml:1",
                "date_format | (tack's own: today, tomorrow, Dec 31) | default",
                "poll_interval | 80ms | ~/code/app/.tack/config.toml:2",
                "card_fields | id, priority, tags, due, assignee | default",
                "wrap_titles | false | default",
                "marks.description | \u2261 | default",
                "marks.comments | \u270e | default",
                "marks.checklist | \u2611 | default",
                "marks.waiting | \u29d7 | default",
                "keys.undo | z, ctrl+z | ~/.config/tack/config.toml:3");
        Run option = ok(tack(project, "--db", "postgresql://alice:pw@db/tack", "config", "--json"));
        assertThat(option.out()).contains("\"value\": \"postgresql://alice@db/tack\"").contains("\"from\": \"option --db\"")
                .doesNotContain(":pw@");
        assertThat(ok(tack(home, "config", "path")).out()).contains("project: (none");
    }

    @Test
    void aCommandWithNoConfigFileLoadsNoTomlClasses() throws Exception {
        ok(tack(project, "init"));
        List<String> command = new ArrayList<>(ChildJvm.command(root, Main.class, "add", "x"));
        command.add(1, "-verbose:class");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("TACK_") || key.startsWith("XDG_"));
        builder.environment().put("HOME", home.toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("dev.tack.config.Config ").doesNotContain("org.tomlj").doesNotContain("org.antlr");
        // With a file, the reader and its parser are loaded.
        write(project.resolve(".tack/config.toml"), "theme = \"dark\"\n");
        process = builder.start();
        out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("org.tomlj.Toml ");
    }
}
