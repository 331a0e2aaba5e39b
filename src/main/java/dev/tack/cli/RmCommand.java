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

    @Option(names = {"-f", "--force"}, description = "Archive it even though other cards wait for it (it counts as done for them).")
    boolean force;

    @Override
    protected int execute() {
        Cards.Archived archived = new Cards(workspace()).archive(id, ifVersion, force);
        Card card = archived.card();
        if (json()) {
            java.util.Map<String, Object> map = Json.card(card);
            map.put("unblocked", archived.unblocked());
            printJson(map);
        } else {
            out().println("#" + card.id() + " archived (tack restore " + card.id() + " brings it back)");
            if (!archived.unblocked().isEmpty()) {
                out().println(String.join(", ", archived.unblocked().stream().map(i -> "#" + i).toList())
                        + (archived.unblocked().size() == 1 ? " is" : " are") + " ready now");
            }
        }
        return 0;
    }
}
