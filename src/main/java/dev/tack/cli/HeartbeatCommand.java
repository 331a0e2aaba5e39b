package dev.tack.cli;

import java.time.Duration;
import dev.tack.board.Agents;
import dev.tack.model.Card;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "heartbeat", mixinStandardHelpOptions = true,
        description = "Extend the lease of a card you claimed (exit 4 when the token is no longer its claim).")
final class HeartbeatCommand extends BaseCommand {

    @Parameters(paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
    long id;

    @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "The token tack claim printed.")
    String token;

    @Option(names = "--lease", paramLabel = "DURATION", converter = Converters.Wait.class, defaultValue = "10m",
            description = "The lease from now (default ${DEFAULT-VALUE}).")
    Duration lease;

    @Override
    protected int execute() {
        Converters.requirePositive("--lease", lease);
        Card card = new Agents(workspace()).heartbeat(id, token, lease.toMillis());
        if (json()) {
            printJson(AgentOutput.card(card));
        } else {
            out().println("#" + card.id() + " lease until " + AgentOutput.leaseUntil(card));
        }
        return 0;
    }
}
