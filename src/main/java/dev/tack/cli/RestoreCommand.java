package dev.tack.cli;

import dev.tack.board.Cards;
import dev.tack.board.Json;
import dev.tack.model.Card;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true, description = "Bring an archived card back to the bottom of its column.")
final class RestoreCommand extends BaseCommand {

    @Parameters(paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
    long id;

    @Override
    protected int execute() {
        Card card = new Cards(workspace()).restore(id);
        if (json()) {
            printJson(Json.card(card));
        } else {
            out().println("#" + card.id() + " restored to " + card.column());
        }
        return 0;
    }
}
