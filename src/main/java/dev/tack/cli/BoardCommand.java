package dev.tack.cli;

import java.util.List;
import java.util.Map;
import dev.tack.board.Boards;
import dev.tack.board.Workspace;
import dev.tack.model.Board;
import dev.tack.text.Sanitizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "board", mixinStandardHelpOptions = true, description = "List, add, rename and remove boards.",
        subcommands = {BoardCommand.Ls.class, BoardCommand.Add.class, BoardCommand.Rename.class, BoardCommand.Rm.class})
final class BoardCommand extends BaseCommand {

    @Override
    protected int execute() {
        return missingSubcommand();
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List boards.")
    static final class Ls extends BaseCommand {
        @Override
        protected int execute() {
            List<Board> boards = new Boards(workspace()).list();
            if (json()) {
                printJson(boards.stream().map(b -> Map.of("id", b.id(), "name", b.name())).toList());
            } else {
                boards.forEach(b -> out().println(b.name()));
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a board.")
    static final class Add extends BaseCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--columns", split = ",", paramLabel = "A,B,C", description = "Its columns (default Todo,Doing,Done).")
        List<String> columns;

        @Override
        protected int execute() {
            Board board = new Boards(workspace()).add(name, columns);
            if (json()) {
                printJson(Map.of("id", board.id(), "name", board.name()));
            } else {
                out().println("added board " + board.name());
            }
            return 0;
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a board.")
    static final class Rename extends BaseCommand {
        @Parameters(index = "0", paramLabel = "OLD")
        String oldName;

        @Parameters(index = "1", paramLabel = "NEW")
        String newName;

        @Override
        protected int execute() {
            Board board = new Boards(workspace()).rename(oldName, newName);
            if (json()) {
                printJson(Map.of("id", board.id(), "name", board.name()));
            } else {
                List<Board> boards = new Boards(workspace()).list();
                String note = !oldName.equals(Workspace.DEFAULT_BOARD) || boards.size() < 2 ? ""
                        : " (without --board, tack now uses the oldest board, " + Sanitizer.line(Workspace.defaultOf(boards).name()) + ")";
                out().println("renamed board " + Sanitizer.line(oldName) + " to " + Sanitizer.line(board.name()) + note);
            }
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a board (with --force, even one with cards).")
    static final class Rm extends BaseCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--force", description = "Remove the board even though it has cards.")
        boolean force;

        @Override
        protected int execute() {
            new Boards(workspace()).remove(name, force);
            if (!json()) {
                out().println("removed board " + name);
            } else {
                printJson(Map.of("removed", name));
            }
            return 0;
        }
    }
}
