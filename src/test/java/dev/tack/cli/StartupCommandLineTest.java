package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lean start (only the named subcommand is built), the grouped help and the completion helper. */
class StartupCommandLineTest {

    @TempDir
    Path folder;

    record Result(int code, String out, String err) {
    }

    private static Result tack(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TackCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void scanFindsTheCommandPastGlobalOptionsAndTheirValues() {
        assertThat(Subcommands.scan("--db", "ls", "add", "x")).isEqualTo(new Subcommands.Scan("add", false));
        assertThat(Subcommands.scan("--db=ls", "--json", "mv", "1", "Done")).isEqualTo(new Subcommands.Scan("mv", false));
        assertThat(Subcommands.scan("--board", "b", "--as", "al", "--lock-timeout", "3", "show", "1"))
                .isEqualTo(new Subcommands.Scan("show", false));
        assertThat(Subcommands.scan("--db", "x")).isEqualTo(new Subcommands.Scan(null, false));
        assertThat(Subcommands.scan("-h", "add")).isEqualTo(new Subcommands.Scan("add", true));
        assertThat(Subcommands.scan("add", "--help")).isEqualTo(new Subcommands.Scan("add", false));
        assertThat(Subcommands.scan("--", "ls")).isEqualTo(new Subcommands.Scan("ls", false));
    }

    @Test
    void leanCommandLineHasOnlyTheNamedSubcommand() {
        CommandLine add = TackCommand.commandLine("--db", "x", "add", "t");
        assertThat(add.getSubcommands()).containsOnlyKeys("add");
        assertThat(TackCommand.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(TackCommand.commandLine("--help").getSubcommands().keySet()).contains("add", "ls", "board", "worker");
        assertThat(TackCommand.commandLine("nope").getSubcommands().keySet()).contains("add", "ls");
    }

    @Test
    void everySubcommandCanBeBuiltAloneAndIsListedInAGroup() {
        Command all = AllCommands.class.getAnnotation(Command.class);
        CommandLine whole = AllCommands.commandLine();
        Map<String, List<String>> listed = CommandGroups.listed(whole.getCommandSpec());
        assertThat(listed).doesNotContainKey("Other");
        assertThat(Subcommands.instantiate("nope")).isNull();
        assertThat(Subcommands.instantiate("AddCommand")).isNull();
        for (Class<?> type : all.subcommands()) {
            String name = type.getAnnotation(Command.class).name();
            assertThat(Subcommands.instantiate(name)).as(name).isInstanceOf(type);
            // Subcommands.instantiate knows each command by its name alone
            assertThat(type.getAnnotation(Command.class).aliases()).as(name).isEmpty();
            boolean hidden = type.getAnnotation(Command.class).hidden();
            assertThat(listed.values().stream().anyMatch(names -> names.contains(name))).as(name).isEqualTo(!hidden);
        }
    }

    @Test
    void helpGroupsTheCommandsWithOneLineEach() {
        Result help = tack("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: tack", "Cards:", "Boards and columns:", "History:", "Workers:", "Files:")
                .containsPattern("\\n  add +Add a card; prints its id\\.")
                .containsPattern("\\n  mv +Move a card")
                .doesNotContain("__complete");
        assertThat(help.out().indexOf("Cards:")).isLessThan(help.out().indexOf("History:"));
        assertThat(tack("-h", "add").out()).contains("Cards:");
        assertThat(tack("add", "--help").out()).contains("Usage: tack add").doesNotContain("Cards:");
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommandWithOnlyThatCommandBuilt() {
        String db = folder.resolve("t.db").toString();
        assertThat(tack("init", "--db", db).code()).isZero();
        assertThat(tack("add", "First", "--db", db).out().strip()).isEqualTo("1");
        assertThat(tack("--db", db, "--json", "add", "Second", "-c", "Doing").out()).contains("\"column\": \"Doing\"");
        assertThat(tack("--db=" + db, "mv", "1", "Done").code()).isZero();
        Result ls = tack("ls", "--db", db);
        assertThat(ls.out()).contains("Doing (1)", "#2 Second", "Done (1)", "#1 First");
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        Result unknown = tack("nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("tack: Unmatched argument at index 0: 'nope'").contains("(see: tack --help)");
        Result option = tack("--bogus");
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).startsWith("tack: Unknown option: '--bogus'");
        assertThat(tack("add", "x", "--bogus").err()).contains("(see: tack add --help)");
    }

    @Test
    void completeListsColumnsAndBoardsAndNeverCreatesADatabase() {
        String db = folder.resolve("t.db").toString();
        tack("init", "--db", db, "--columns", "Todo,In review,Done");
        assertThat(tack("--db", db, "__complete", "columns").out().lines()).containsExactly("Todo", "In review", "Done");
        assertThat(tack("--db", db, "__complete", "boards").out().lines()).containsExactly("main");
        Path missing = folder.resolve("missing.db");
        Result none = tack("--db", missing.toString(), "__complete", "columns");
        assertThat(none.code()).isZero();
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).isEmpty();
        assertThat(Files.exists(missing)).isFalse();
    }
}
