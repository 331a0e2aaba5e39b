package dev.tack.cli;

import dev.tack.board.Agents;
import dev.tack.model.Card;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Give back a card you claimed, untouched.",
            "It goes to the top of the column it was claimed from and the attempt does not count",
            "(exit 4 when the token is no longer its claim)."})
final class ReleaseCommand extends BaseCommand {

    @Parameters(paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
    long id;

    @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "The token tack claim printed.")
    String token;

    @Override
    protected int execute() {
        Card card = new Agents(workspace()).release(id, token);
        if (json()) {
            printJson(AgentOutput.card(card));
        } else {
            out().println("#" + card.id() + " given back to " + card.column());
        }
        return 0;
    }
}
