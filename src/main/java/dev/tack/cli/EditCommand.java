package dev.tack.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.tack.board.CardEdit;
import dev.tack.board.Cards;
import dev.tack.board.DueDates;
import dev.tack.board.Json;
import dev.tack.model.Card;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "edit", mixinStandardHelpOptions = true, description = "Edit a card's fields.")
final class EditCommand extends BaseCommand {

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--title", paramLabel = "TEXT", description = "New title.")
    String title;

    @Option(names = {"-d", "--description"}, paramLabel = "TEXT", description = "New description.")
    String description;

    @Option(names = {"-t", "--tag"}, paramLabel = "+TAG|-TAG", description = "Add (+TAG or TAG) or remove (-TAG) a tag; repeatable.")
    List<String> tags = List.of();

    @Option(names = {"-p", "--priority"}, paramLabel = "0-3", description = "New priority.")
    Integer priority;

    @Option(names = "--due", paramLabel = "DATE", description = "New due date, or 'none' to clear it.")
    String due;

    @Option(names = {"-a", "--assignee"}, paramLabel = "WHO", description = "New assignee, or 'none' to clear it.")
    String assignee;

    @Option(names = "--if-version", paramLabel = "V", description = "Only if the card is still at version V (else exit 4).")
    Long ifVersion;

    @Override
    protected int execute() {
        List<String> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        for (String tag : tags) {
            if (tag.startsWith("-")) {
                remove.add(tag.substring(1));
            } else {
                add.add(tag.startsWith("+") ? tag.substring(1) : tag);
            }
        }
        Optional<LocalDate> dueDate = due == null ? null : Optional.ofNullable(DueDates.parse(due, LocalDate.now()));
        Optional<String> who = assignee == null ? null
                : Optional.ofNullable(assignee.isBlank() || assignee.equalsIgnoreCase("none") ? null : assignee);
        Card card = new Cards(workspace()).edit(parseId(id), new CardEdit(title, description, add, remove, priority, dueDate, who), ifVersion);
        if (json()) {
            printJson(Json.card(card));
        } else {
            out().println("#" + card.id() + " edited (version " + card.version() + ")");
        }
        return 0;
    }
}
