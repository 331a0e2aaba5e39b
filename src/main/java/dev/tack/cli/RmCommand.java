package dev.tack.cli;

import dev.tack.board.Cards;
import dev.tack.board.Json;
import dev.tack.model.Card;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rm", mixinStandardHelpOptions = true, description = "Archive a card (tack restore brings it back).")
final class RmCommand extends BaseCommand {

    @Parameters(paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
    long id;

    @Option(names = "--if-version", paramLabel = "V", converter = Converters.Counter.class,
            description = "Only if the card is still at version V (else exit 4).")
    Long ifVersion;

    @Override
    protected int execute() {
        Card card = new Cards(workspace()).archive(id, ifVersion);
        if (json()) {
            printJson(Json.card(card));
        } else {
            out().println("#" + card.id() + " archived (tack restore " + card.id() + " brings it back)");
        }
        return 0;
    }
}
