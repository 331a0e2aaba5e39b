package dev.tack.cli;

import java.time.LocalDate;
import dev.tack.board.Cards;
import dev.tack.board.DueDates;
import dev.tack.board.Json;
import dev.tack.board.NewCard;
import dev.tack.model.Card;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a card; prints its id.")
final class AddCommand extends BaseCommand {

    @Parameters(paramLabel = "TITLE", description = "The card's title.")
    String title;

    @Option(names = {"-c", "--column"}, paramLabel = "COLUMN", description = "Its column (default: the first).")
    String column;

    @Mixin
    CardFields fields = new CardFields();

    @Option(names = "--pos", paramLabel = "N", converter = Converters.Position.class,
            description = "Position in the column (0 is the top; default the bottom).")
    Integer position;

    @Option(names = "--after", paramLabel = "ID", split = ",", converter = Converters.CardId.class,
            description = "The new card waits for these cards (comma-separated).")
    java.util.List<Long> after = java.util.List.of();

    @Mixin
    IdempotencyOption idempotency = new IdempotencyOption();

    @Override
    protected int execute() {
        LocalDate dueDate = DueDates.parse(fields.due, LocalDate.now());
        int priority = fields.priority == null ? 0 : fields.priority;
        NewCard spec = new NewCard(title, column, fields.description, fields.tagsToAdd(), priority, dueDate, fields.assignee, position);
        Card card = once(idempotency, ws -> new Cards(ws).add(spec, after), added -> Long.toString(added.id()),
                id -> new dev.tack.board.Queries(workspace()).card(Long.parseLong(id)));
        if (json()) {
            printJson(after.isEmpty() ? Json.card(card) : Json.card(new dev.tack.board.Queries(workspace()).details(card.id())));
        } else {
            out().println(card.id());
        }
        return 0;
    }
}
