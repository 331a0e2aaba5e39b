package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command that prints, run with standard output taken for a terminal, on a board whose every
 * text (board, column, title, description, comment and its author, assignee, tag, event actor and
 * summary, run worker and output) holds escape sequences written straight into the file, as the
 * {@code sqlite3} shell could: what reaches the "terminal" holds no control character but tack's
 * own colours. The commands are read from picocli's tree, so a new command must be listed here.
 */
class HostileOutputTest {

    /** OSC 52 (write the clipboard), OSC 0 (window title), clear screen, C1 CSI, a bidi override, DEL. */
    static final String HOSTILE = "\u001b]52;c;cHduZWQ=\u0007\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e\u007f";
    /** What a name may hold through validation (control characters are refused, bidi overrides are not). */
    static final String BIDI = "\u202eevil\u2066";
    /** A file name a hostile script could choose: escape sequences, no slash. */
    static final String HOSTILE_FILE_NAME = "\u001b]0;pwned\u0007\u001b[2J.db";

    @TempDir
    Path folder;

    /** Each command's arguments on a fresh hostile board ({@code db} is the file). */
    private final Map<String, Function<Path, List<String>>> commands = new LinkedHashMap<>();

    HostileOutputTest() {
        String todo = HOSTILE + "Todo";
        String doing = HOSTILE + "Doing";
        String done = HOSTILE + "Done";
        commands.put("tack", db -> List.of());
        commands.put("init", db -> List.of("init", "--db", db.resolveSibling("other.db").toString(), "--columns", BIDI + ",b"));
        commands.put("board ls", db -> List.of("board", "ls"));
        commands.put("board add", db -> List.of("board", "add", BIDI));
        commands.put("board rename", db -> List.of("board", "rename", HOSTILE + "board", BIDI));
        commands.put("board rm", db -> List.of("board", "rm", HOSTILE + "board", "--force"));
        commands.put("column ls", db -> List.of("column", "ls"));
        commands.put("column add", db -> List.of("column", "add", BIDI));
        commands.put("column rename", db -> List.of("column", "rename", todo, BIDI));
        commands.put("column rm", db -> List.of("column", "rm", done));
        commands.put("column move", db -> List.of("column", "move", todo, "1"));
        commands.put("column wip", db -> List.of("column", "wip", todo, "3"));
        commands.put("column done", db -> List.of("column", "done", todo));
        commands.put("column gate", db -> List.of("column", "gate", todo));
        commands.put("column doing", db -> List.of("column", "doing", todo, doing));
        commands.put("add", db -> List.of("add", HOSTILE, "-d", HOSTILE, "-a", BIDI));
        commands.put("ls", db -> List.of("ls"));
        commands.put("show", db -> List.of("show", "1"));
        commands.put("mv", db -> List.of("mv", "1", doing));
        commands.put("edit", db -> List.of("edit", "1", "--title", HOSTILE + "!"));
        commands.put("rm", db -> List.of("rm", "1"));
        commands.put("restore", db -> List.of("restore", "2"));
        commands.put("comment", db -> List.of("comment", "1", HOSTILE));
        commands.put("link", db -> List.of("link", "1", "--after", "2"));
        commands.put("unlink", db -> List.of("unlink", "1", "2"));
        commands.put("checklist ls", db -> List.of("checklist", "ls", "1"));
        commands.put("checklist add", db -> List.of("checklist", "add", "1", HOSTILE));
        commands.put("checklist done", db -> List.of("checklist", "done", "1", "1"));
        commands.put("checklist undone", db -> List.of("checklist", "undone", "1", "1"));
        commands.put("checklist rm", db -> List.of("checklist", "rm", "1", "1"));
        commands.put("checklist reorder", db -> List.of("checklist", "reorder", "1", "1", "2"));
        commands.put("due", db -> List.of("due", "--days", "9999"));
        commands.put("undo", db -> List.of("undo"));
        commands.put("redo", db -> List.of("redo"));
        commands.put("log", db -> List.of("log"));
        commands.put("check", db -> List.of("check"));
        commands.put("config", db -> List.of("config")); // shows the --db path: the hostile file name, made safe
        commands.put("worker", db -> List.of("worker", "--from", todo, "--to", done, "--once", "--max-attempts", "1",
                "--exec", "printf '\\033]0;job\\007\\033]52;c;eA==\\007'; echo \"$TACK_CARD_TITLE\""));
        commands.put("runs", db -> List.of("runs"));
        commands.put("doctor", db -> List.of("doctor", "--lane", todo, "--stale", "1ms")); // names the hostile column and its cards
        commands.put("claim", db -> List.of("claim", "--next", "--from", todo, "--doing", doing));
        commands.put("ready", db -> List.of("ready", "--from", todo, "--explain"));
        commands.put("heartbeat", db -> List.of("heartbeat", "1", "--token", claimed(db, todo)));
        commands.put("done", db -> List.of("done", "1", "--token", claimed(db, todo), "--summary", HOSTILE, "--to", done));
        commands.put("block", db -> List.of("block", "1", "--token", claimed(db, todo), "--reason", HOSTILE));
        commands.put("release", db -> List.of("release", "1", "--token", claimed(db, todo)));
        commands.put("agent-guide", db -> List.of("agent-guide"));
        commands.put("export", db -> List.of("export", "-f", "md"));
        commands.put("import", db -> List.of("import", hostileCsv(db).toString()));
        commands.put("__complete", db -> List.of("__complete", "columns"));
        commands.put("backup", db -> List.of("backup", db.resolveSibling("backup-" + HOSTILE_FILE_NAME).toString()));
        commands.put("db copy", db -> List.of("db", "copy", db.toString(), db.resolveSibling("copy-" + HOSTILE_FILE_NAME).toString()));
        commands.put("hook add", db -> List.of("hook", "add", "created", "printf '\\033]0;job\\007'; cat"));
        commands.put("hook ls", db -> List.of("hook", "ls"));
        commands.put("hook rm", db -> List.of("hook", "rm", "1"));
        commands.put("claim", db -> List.of("claim", "--next", "--from", todo, "--as", BIDI));
        commands.put("ready", db -> List.of("ready", "--from", todo, "--explain"));
        commands.put("heartbeat", db -> List.of("heartbeat", "1", "--token", "stale"));
        commands.put("done", db -> List.of("done", "1", "--token", "stale", "--summary", HOSTILE));
        commands.put("block", db -> List.of("block", "1", "--token", "stale", "--reason", HOSTILE));
        commands.put("release", db -> List.of("release", "1", "--token", "stale"));
        commands.put("agent-guide", db -> List.of("agent-guide"));
        commands.put("wait", db -> List.of("wait", "1", "--until", "any", "--timeout", "1s"));
        commands.put("restore-backup", db -> {
            Path backup = db.resolveSibling("restore-" + HOSTILE_FILE_NAME);
            CliRun.tack("--db", db.toString(), "backup", backup.toString()).expectOk();
            return List.of("restore-backup", backup.toString());
        });
    }

    @Test
    void everyCommandIsListed() {
        assertThat(new TreeSet<>(commands.keySet())).isEqualTo(new TreeSet<>(leaves(AllCommands.commandLine())));
    }

    @Test
    void noCommandSendsTheBoardsEscapeSequencesToATerminal() {
        for (Map.Entry<String, Function<Path, List<String>>> command : commands.entrySet()) {
            for (boolean json : new boolean[] {false, true}) {
                Path db = hostileBoard(command.getKey() + (json ? "-json" : ""));
                List<String> args = new ArrayList<>(List.of("--db", db.toString()));
                args.addAll(command.getValue().apply(db));
                if (json) {
                    args.add("--json");
                }
                String what = command.getKey() + (json ? " --json" : "");
                Printed printed = onTerminal(args);
                assertThat(printed.out() + printed.err()).as("%s printed something", what).isNotEmpty();
                assertSafeForATerminal(printed.out(), what + " (stdout)");
                assertSafeForATerminal(printed.err(), what + " (stderr)");
            }
        }
    }

    @Test
    void exportToAPipeOrAFileKeepsTheBytes() throws IOException {
        Path db = hostileBoard("pipe");
        for (String format : List.of("md", "csv")) {
            StringWriter out = new StringWriter();
            int exit = TackCommand.run(new PrintWriter(out, true), false, new PrintWriter(new StringWriter(), true),
                    "--db", db.toString(), "export", "-f", format);
            assertThat(exit).isZero();
            assertThat(out.toString()).as(format).contains(HOSTILE);
            Path file = folder.resolve("out." + format);
            assertThat(TackCommand.run(new PrintWriter(new StringWriter()), true, new PrintWriter(new StringWriter()),
                    "--db", db.toString(), "export", "-f", format, "-o", file.toString())).isZero();
            assertThat(Files.readString(file)).as(format + " file").contains(HOSTILE);
        }
    }

    @Test
    void onATerminalTheExportShowsTheSequences() {
        Path db = hostileBoard("terminal");
        assertThat(onTerminal(List.of("--db", db.toString(), "export", "-f", "md")).out())
                .contains("\n  > ^[]52;c;cHduZWQ=^G^[]0;pwned^G^[[2J<9B>31m<U+202E>^?\n");
    }

    /** The real decision: the packaged program with its standard output on a pseudo-terminal (util-linux script). */
    @Test
    void onARealTerminalExportShowsTheSequencesAndInAPipeKeepsThem() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script(1)");
        Path db = hostileBoard("real");
        List<String> tack = dev.tack.testing.ChildJvm.command(folder, dev.tack.Main.class, "--db", db.toString(), "export", "-f", "md");
        String line = String.join(" ", tack.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        String onTerminal = run(List.of("/usr/bin/script", "-qec", line, "/dev/null"));
        assertThat(onTerminal).contains("^[]52;c;cHduZWQ=^G").doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(run(tack)).contains(HOSTILE);
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }

    record Printed(int exit, String out, String err) {
    }

    static Printed onTerminal(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TackCommand.run(new PrintWriter(out, true), true, new PrintWriter(err, true), args.toArray(String[]::new));
        return new Printed(exit, out.toString(), err.toString());
    }

    /** No control character but a newline, and no escape sequence but tack's own colours. */
    static void assertSafeForATerminal(String text, String what) {
        TerminalSafetyTest.assertNoControlCharacters(text.replaceAll("\u001b\\[(0|1|2|3[1-6])m", ""), what);
    }

    /** A board file where every text holds {@link #HOSTILE}: card 1 live in Todo, card 2 archived, one comment, one run. */
    private Path hostileBoard(String name) {
        Path db = folder.resolve(name.replaceAll("[^a-z_-]", "_") + "/tack.db");
        try {
            Files.createDirectories(db.getParent());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        CliRun.tack("init", "--db", db.toString()).expectOk();
        CliRun.tack("--db", db.toString(), "add", "plain", "-d", "plain", "-a", "someone", "-t", "tag", "--due", "today").expectOk();
        CliRun.tack("--db", db.toString(), "add", "second").expectOk();
        CliRun.tack("--db", db.toString(), "rm", "2").expectOk();
        CliRun.tack("--db", db.toString(), "comment", "1", "plain").expectOk();
        sql(db, "UPDATE boards SET name = ? || 'board'", HOSTILE);
        sql(db, "UPDATE columns SET name = ? || name", HOSTILE);
        sql(db, "UPDATE cards SET title = ?1, description = ?1 || char(10) || ?1, assignee = ?1", HOSTILE);
        sql(db, "UPDATE card_tags SET tag = ?", HOSTILE);
        sql(db, "UPDATE comments SET body = ?1, author = ?1", HOSTILE);
        sql(db, "UPDATE events SET actor = ?1, summary = ?1, host = ?1", HOSTILE);
        sql(db, "INSERT INTO runs (card_id, worker, host, pid, attempt, started_at, finished_at, outcome, exit_code, output_tail)"
                + " VALUES (1, ?1, ?1, 1, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z', 'failed', 1, ?1)", HOSTILE);
        return db;
    }

    /** Claims card 1 of the hostile board for an agent and returns the token. */
    private static String claimed(Path db, String todo) {
        return CliRun.tack("--db", db.toString(), "--as", HOSTILE, "claim", "--next", "--from", todo, "--json").expectOk().json()
                .getAsJsonObject().get("token").getAsString();
    }

    private Path hostileCsv(Path db) {
        Path csv = db.resolveSibling("hostile.csv");
        try {
            Files.writeString(csv, "column,title\n\"" + HOSTILE + "Todo\",\"" + HOSTILE + "\"\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return csv;
    }

    private static void sql(Path db, String statement, String value) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement update = connection.prepareStatement(statement)) {
            update.setString(1, value);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(statement, e);
        }
    }

    private static List<String> leaves(CommandLine command) {
        List<String> names = new ArrayList<>();
        Map<String, CommandLine> subcommands = command.getSubcommands();
        boolean group = false;
        for (Map.Entry<String, CommandLine> sub : subcommands.entrySet()) {
            if (sub.getValue().getCommandName().equals(sub.getKey()) && !sub.getKey().equals("help")) {
                group = true;
                names.addAll(leaves(sub.getValue()));
            }
        }
        // A command that prints itself is a leaf too: tack (the board) and tack board (which lists its commands).
        if (!group || command.getParent() == null) {
            names.add(command.getCommandSpec().qualifiedName(" ").replaceFirst("^tack ", ""));
        }
        return names;
    }
}
