package dev.tack.cli;

import java.util.List;
import java.util.Locale;
import dev.tack.board.Columns;
import dev.tack.board.Json;
import dev.tack.model.Column;
import dev.tack.model.TackException;
import dev.tack.text.Sanitizer;
import dev.tack.text.Width;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "column", mixinStandardHelpOptions = true, description = "List, add, rename, remove, reorder and limit columns.",
        subcommands = {ColumnCommand.Ls.class, ColumnCommand.Add.class, ColumnCommand.Rename.class, ColumnCommand.Rm.class,
            ColumnCommand.Move.class, ColumnCommand.Wip.class, ColumnCommand.Done.class, ColumnCommand.Gate.class,
            ColumnCommand.Doing.class})
final class ColumnCommand extends BaseCommand {

    @Override
    protected int execute() {
        return missingSubcommand();
    }

    static void report(BaseCommand command, String verb, Column column) {
        if (command.json()) {
            command.printJson(Json.column(column, new Columns(command.workspace()).list().stream()
                    .filter(c -> c.column().id() == column.id()).mapToInt(Columns.ColumnCount::cards).findFirst().orElse(0)));
        } else {
            command.out().println(verb + " column " + column.name());
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List the board's columns with their cards and limits.")
    static final class Ls extends BaseCommand {
        @Override
        protected int execute() {
            List<Columns.ColumnCount> columns = new Columns(workspace()).list();
            java.util.Map<Long, Columns.Marks> marks = new Columns(workspace()).marks();
            if (json()) {
                printJson(columns.stream().map(c -> {
                    java.util.Map<String, Object> map = Json.column(c.column(), c.cards());
                    Columns.Marks mark = marks.getOrDefault(c.column().id(), Columns.Marks.NONE);
                    map.put("done", mark.done());
                    map.put("gate", mark.gate());
                    map.put("doing", mark.doing());
                    return map;
                }).toList());
                return 0;
            }
            int width = columns.stream().mapToInt(c -> Width.of(Sanitizer.line(c.column().name()))).max().orElse(4);
            for (Columns.ColumnCount c : columns) {
                Column column = c.column();
                String limit = column.wipLimit() == null ? "" : "  limit " + column.wipLimit() + (column.wipHard() ? " (hard)" : " (soft)");
                String count = c.cards() + (c.cards() == 1 ? " card" : " cards");
                Columns.Marks mark = marks.getOrDefault(column.id(), Columns.Marks.NONE);
                String flags = (mark.done() ? "  done" : "") + (mark.gate() ? "  gate (ready cards only)" : "")
                        + (mark.doing() == null ? "" : "  claims move to " + Sanitizer.line(mark.doing()));
                String line = Width.pad(Sanitizer.line(column.name()), width) + "  " + count + limit + flags;
                out().println(column.overLimit(c.cards()) ? style().red(line + "  over limit") : line);
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a column.")
    static final class Add extends BaseCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--wip", paramLabel = "N", converter = Converters.AtLeastOne.class, description = "Work-in-progress limit.")
        Integer wip;

        @Option(names = "--hard", description = "Refuse moves past the limit (default: allow and flag).")
        boolean hard;

        @Option(names = "--pos", paramLabel = "N", converter = Converters.Position.class,
                description = "Where to put it (0 is the left; default the right end).")
        Integer position;

        @Override
        protected int execute() {
            if (hard && wip == null) {
                throw TackException.usage("--hard needs --wip N");
            }
            Column column = new Columns(workspace()).add(name, wip, hard, position);
            report(this, "added", column);
            return 0;
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a column.")
    static final class Rename extends BaseCommand {
        @Parameters(index = "0", paramLabel = "OLD")
        String oldName;

        @Parameters(index = "1", paramLabel = "NEW")
        String newName;

        @Override
        protected int execute() {
            Column renamed = new Columns(workspace()).rename(oldName, newName);
            if (json()) {
                report(this, "renamed", renamed);
            } else {
                out().println("renamed column " + Sanitizer.line(oldName) + " to " + Sanitizer.line(renamed.name()));
            }
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove an empty column.")
    static final class Rm extends BaseCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        protected int execute() {
            new Columns(workspace()).remove(name);
            if (json()) {
                printJson(java.util.Map.of("removed", name));
            } else {
                out().println("removed column " + name);
            }
            return 0;
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true, description = "Move a column to position POS (0 is the left).")
    static final class Move extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "POS", converter = Converters.Position.class, description = "0 is the left.")
        int position;

        @Override
        protected int execute() {
            report(this, "moved", new Columns(workspace()).move(name, position));
            return 0;
        }
    }

    @Command(name = "wip", mixinStandardHelpOptions = true, description = "Set a column's WIP limit, or clear it with 'off'.")
    static final class Wip extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "N|off")
        String limit;

        @Option(names = "--hard", description = "Refuse moves past the limit (default: allow and flag).")
        boolean hard;

        @Override
        protected int execute() {
            Integer value;
            if (limit.toLowerCase(Locale.ROOT).matches("off|none|0")) {
                value = null;
            } else {
                try {
                    value = new Converters.AtLeastOne().convert(limit);
                } catch (picocli.CommandLine.TypeConversionException e) {
                    throw TackException.usage("a WIP limit is a whole number from 1, or 'off' (got '" + limit + "')");
                }
            }
            Column limited = new Columns(workspace()).limit(name, value, hard);
            if (json()) {
                report(this, "limited", limited);
            } else {
                out().println("column " + Sanitizer.line(limited.name()) + (limited.wipLimit() == null ? ": no WIP limit"
                        : ": WIP limit " + limited.wipLimit() + (limited.wipHard() ? " (hard)" : " (soft)")));
            }
            return 0;
        }
    }

    @Command(name = "done", mixinStandardHelpOptions = true,
            description = {"Mark a column done: cards in it count as done for the cards that wait for them.",
                "While no column is marked, the board's last column is the done one."})
    static final class Done extends BaseCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--off", description = "Unmark it.")
        boolean off;

        @Override
        protected int execute() {
            Column column = new Columns(workspace()).markDone(name, !off);
            if (json()) {
                report(this, "marked", column);
            } else {
                out().println("column " + Sanitizer.line(column.name()) + (off ? " is not a done column" : " is a done column"));
            }
            return 0;
        }
    }

    @Command(name = "gate", mixinStandardHelpOptions = true,
            description = "Make a column take only ready cards: moving a card that still waits for another into it is refused.")
    static final class Gate extends BaseCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--off", description = "Open the gate again.")
        boolean off;

        @Override
        protected int execute() {
            Column column = new Columns(workspace()).markGate(name, !off);
            if (json()) {
                report(this, "marked", column);
            } else {
                out().println("column " + Sanitizer.line(column.name()) + (off ? " takes any card" : " takes only ready cards"));
            }
            return 0;
        }
    }

    @Command(name = "doing", mixinStandardHelpOptions = true,
            description = {"Set the lane's doing column, where tack claim --next --from FROM moves the card it takes.",
                "--doing still says otherwise for one call. Kept in the database for every agent of the board."})
    static final class Doing extends BaseCommand {
        @Parameters(index = "0", paramLabel = "FROM")
        String from;

        @Parameters(index = "1", paramLabel = "DOING", arity = "0..1")
        String doing;

        @Option(names = "--off", description = "Clear it: claims leave their card in FROM.")
        boolean off;

        @Override
        protected int execute() {
            if (off == (doing != null)) {
                throw TackException.usage(off ? "give either DOING or --off, not both" : "tack column doing FROM needs DOING (or --off)");
            }
            java.util.Optional<Column> set = new Columns(workspace()).setDoing(from, off ? null : doing);
            if (json()) {
                java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
                map.put("from", from.strip());
                map.put("doing", set.map(Column::name).orElse(null));
                printJson(map);
            } else {
                out().println(set.map(c -> "claims from " + Sanitizer.line(from.strip()) + " move their card to " + Sanitizer.line(c.name()))
                        .orElse("claims from " + Sanitizer.line(from.strip()) + " leave their card there"));
            }
            return 0;
        }
    }
}
