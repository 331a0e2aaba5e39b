package dev.tack.cli;

import java.time.LocalDate;
import java.util.Optional;
import dev.tack.board.CardEdit;
import dev.tack.board.Cards;
import dev.tack.board.DueDates;
import dev.tack.board.Json;
import dev.tack.model.Card;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "edit", mixinStandardHelpOptions = true, description = "Edit a card's fields.")
final class EditCommand extends BaseCommand {

    @Parameters(paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
    long id;

    @Option(names = "--title", paramLabel = "TEXT", description = "New title.")
    String title;

    @Mixin
    CardFields fields = new CardFields();

    @Option(names = "--if-version", paramLabel = "V", converter = Converters.Counter.class,
            description = "Only if the card is still at version V (else exit 4).")
    Long ifVersion;

    @Mixin
    IdempotencyOption idempotency = new IdempotencyOption();

    @Override
    protected int execute() {
        CardFields.TagChanges tags = fields.tagChanges();
        Optional<LocalDate> dueDate = fields.due == null ? null : Optional.ofNullable(DueDates.parse(fields.due, LocalDate.now()));
        Optional<String> who = fields.assignee == null ? null
                : Optional.ofNullable(fields.assignee.isBlank() || fields.assignee.equalsIgnoreCase("none") ? null : fields.assignee);
        CardEdit edit = new CardEdit(title, fields.description, tags.add(), tags.remove(), fields.priority, dueDate, who);
        Cards.Edited edited = once(idempotency, ws -> new Cards(ws).editIfChanged(id, edit, ifVersion), done -> Boolean.toString(done.changed()),
                changed -> new Cards.Edited(new dev.tack.board.Queries(workspace()).card(id), Boolean.parseBoolean(changed)));
        Card card = edited.card();
        if (json()) {
            printJson(Json.card(card));
        } else {
            out().println("#" + card.id() + (edited.changed() ? " edited" : " unchanged: it already had those values") + " (version " + card.version() + ")");
        }
        return 0;
    }
}
