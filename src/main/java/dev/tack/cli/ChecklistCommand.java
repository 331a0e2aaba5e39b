package dev.tack.cli;

import java.util.List;
import dev.tack.board.Checklists;
import dev.tack.board.Json;
import dev.tack.board.Queries;
import dev.tack.model.ChecklistItem;
import dev.tack.text.Sanitizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A card's checklist. Not {@code tack check}, which checks the database. */
@Command(name = "checklist", mixinStandardHelpOptions = true,
        description = "A card's checklist: list, add, tick (done), untick (undone), remove and reorder items.",
        subcommands = {ChecklistCommand.Ls.class, ChecklistCommand.Add.class, ChecklistCommand.Done.class,
            ChecklistCommand.Undone.class, ChecklistCommand.Rm.class, ChecklistCommand.Reorder.class})
final class ChecklistCommand extends BaseCommand {

    @Override
    protected int execute() {
        return missingSubcommand();
    }

    /** The checklist as text ("1. [x] write the test") or, with --json, the card with it. */
    static void print(BaseCommand command, long cardId, List<ChecklistItem> items) {
        if (command.json()) {
            command.printJson(Json.card(new Queries(command.workspace()).details(cardId)));
            return;
        }
        if (items.isEmpty()) {
            command.out().println("#" + cardId + " has no checklist");
        }
        long done = items.stream().filter(ChecklistItem::done).count();
        if (!items.isEmpty()) {
            command.out().println("#" + cardId + " ☑ " + done + "/" + items.size());
        }
        for (ChecklistItem item : items) {
            command.out().println("  " + (item.position() + 1) + ". [" + (item.done() ? "x" : " ") + "] " + Sanitizer.line(item.text()));
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List a card's checklist.")
    static final class Ls extends BaseCommand {
        @Parameters(paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
        long id;

        @Override
        protected int execute() {
            print(this, id, new Checklists(workspace()).of(id));
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an item (at the end, or at --pos N).")
    static final class Add extends BaseCommand {
        @Parameters(index = "0", paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
        long id;

        @Parameters(index = "1", paramLabel = "TEXT", description = "The item, one line.")
        String text;

        @Option(names = "--pos", paramLabel = "N", converter = Converters.AtLeastOne.class, description = "Its number (1 is the top).")
        Integer number;

        @Override
        protected int execute() {
            print(this, id, new Checklists(workspace()).add(id, text, number).items());
            return 0;
        }
    }

    @Command(name = "done", mixinStandardHelpOptions = true, description = "Tick item N.")
    static final class Done extends BaseCommand {
        @Parameters(index = "0", paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
        long id;

        @Parameters(index = "1", paramLabel = "N", converter = Converters.AtLeastOne.class, description = "The item's number (1 is the top).")
        int number;

        @Override
        protected int execute() {
            print(this, id, new Checklists(workspace()).done(id, number, true).items());
            return 0;
        }
    }

    @Command(name = "undone", mixinStandardHelpOptions = true, description = "Untick item N.")
    static final class Undone extends BaseCommand {
        @Parameters(index = "0", paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
        long id;

        @Parameters(index = "1", paramLabel = "N", converter = Converters.AtLeastOne.class, description = "The item's number (1 is the top).")
        int number;

        @Override
        protected int execute() {
            print(this, id, new Checklists(workspace()).done(id, number, false).items());
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove item N.")
    static final class Rm extends BaseCommand {
        @Parameters(index = "0", paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
        long id;

        @Parameters(index = "1", paramLabel = "N", converter = Converters.AtLeastOne.class, description = "The item's number (1 is the top).")
        int number;

        @Override
        protected int execute() {
            print(this, id, new Checklists(workspace()).remove(id, number).items());
            return 0;
        }
    }

    @Command(name = "reorder", aliases = "move", mixinStandardHelpOptions = true, description = "Move item N to be item TO.")
    static final class Reorder extends BaseCommand {
        @Parameters(index = "0", paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
        long id;

        @Parameters(index = "1", paramLabel = "N", converter = Converters.AtLeastOne.class, description = "The item's number (1 is the top).")
        int number;

        @Parameters(index = "2", paramLabel = "TO", converter = Converters.AtLeastOne.class, description = "Its new number.")
        int to;

        @Override
        protected int execute() {
            print(this, id, new Checklists(workspace()).move(id, number, to).items());
            return 0;
        }
    }
}
