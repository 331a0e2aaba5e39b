package dev.tack.cli;

import java.time.LocalDate;
import java.util.List;
import dev.tack.board.Cards;
import dev.tack.board.DueDates;
import dev.tack.board.Json;
import dev.tack.board.NewCard;
import dev.tack.model.Card;
import dev.tack.store.TackException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a card; prints its id.")
final class AddCommand extends BaseCommand {

    @Parameters(paramLabel = "TITLE", description = "The card's title.")
    String title;

    @Option(names = {"-c", "--column"}, paramLabel = "COLUMN", description = "Its column (default: the first).")
    String column;

    @Option(names = {"-d", "--description"}, paramLabel = "TEXT", description = "Its description (may span lines).")
    String description;

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG", description = "A tag (repeat, or separate with commas).")
    List<String> tags = List.of();

    @Option(names = {"-p", "--priority"}, paramLabel = "0-3", description = "Priority, 0 (none) to 3 (urgent).")
    int priority;

    @Option(names = "--due", paramLabel = "DATE", description = "Due date: 2026-12-31, today, tomorrow, 3d, 2w, 1m, fri.")
    String due;

    @Option(names = {"-a", "--assignee"}, paramLabel = "WHO", description = "Who it is assigned to.")
    String assignee;

    @Option(names = "--pos", paramLabel = "N", description = "Position in the column (0 is the top; default the bottom).")
    Integer position;

    @Override
    protected int execute() {
        if (position != null && position < 0) {
            throw TackException.usage("--pos must be 0 or more");
        }
        LocalDate dueDate = DueDates.parse(due, LocalDate.now());
        Card card = new Cards(workspace()).add(new NewCard(title, column, description, tags, priority, dueDate, assignee, position));
        if (json()) {
            printJson(Json.card(card));
        } else {
            out().println(card.id());
        }
        return 0;
    }
}
