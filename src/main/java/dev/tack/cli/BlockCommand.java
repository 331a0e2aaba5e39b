package dev.tack.cli;

import dev.tack.board.Agents;
import dev.tack.model.Card;
import dev.tack.model.TackException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "block", mixinStandardHelpOptions = true,
        description = {"Say you cannot go on with a card you claimed, and why.",
            "The claim ends with your reason; the card stays where it is and is not handed out again until",
            "someone moves it (exit 4 when the token is no longer its claim)."})
final class BlockCommand extends BaseCommand {

    @Parameters(paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
    long id;

    @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "The token tack claim printed.")
    String token;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why: what or whom the card waits for.")
    String reason;

    @Override
    protected int execute() {
        if (reason.isBlank()) {
            throw TackException.usage("--reason is empty: say why the card is blocked");
        }
        Card card = new Agents(workspace()).block(id, token, reason);
        if (json()) {
            printJson(AgentOutput.card(card));
        } else {
            out().println("#" + card.id() + " blocked, left in " + card.column());
        }
        return 0;
    }
}
