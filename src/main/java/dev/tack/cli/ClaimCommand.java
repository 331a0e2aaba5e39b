package dev.tack.cli;

import java.time.Duration;
import dev.tack.board.Agents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "claim", mixinStandardHelpOptions = true,
        description = {"Take the next ready, unclaimed card of a column for an agent, with a claim token.",
            "One transaction takes the card (highest priority first, then board order) and prints it with its token.",
            "Use the token with heartbeat, done, block and release.",
            "Exit 3 when there is nothing to take (with --json: {\"claimed\": false, \"reason\": …})."})
final class ClaimCommand extends BaseCommand {

    @Option(names = "--next", required = true, description = "Take the next card of the lane (the only way to claim).")
    boolean next;

    @Option(names = "--from", paramLabel = "COLUMN", description = "Take from this column (default: the board's first).")
    String from;

    @Option(names = "--doing", paramLabel = "COLUMN", description = "Move the claimed card here (default: the lane's doing column, tack column doing).")
    String doing;

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG", description = "Take only cards with this tag.")
    String tag;

    @Option(names = "--lease", paramLabel = "DURATION", converter = Converters.Wait.class, defaultValue = "10m",
            description = "How long the claim lasts without a heartbeat (default ${DEFAULT-VALUE}).")
    Duration lease;

    @Override
    protected int execute() {
        Converters.requirePositive("--lease", lease);
        Agents agents = new Agents(workspace());
        Agents.Claim claim = agents.claimNext(new Agents.Lane(from, doing, tag), workspace().actor().name(), lease.toMillis());
        if (claim instanceof Agents.Got got) {
            if (json()) {
                printJson(AgentOutput.taken(got.taken()));
            } else {
                out().println("claimed #" + got.taken().card().id() + " " + got.taken().card().title() + " (" + got.taken().card().column()
                        + "), lease until " + AgentOutput.leaseUntil(got.taken().card()));
                out().println("token " + got.taken().token());
                AgentOutput.reports(out(), got.taken().prerequisites());
            }
            return 0;
        }
        Agents.NotTaken why = ((Agents.Nothing) claim).why();
        if (json()) {
            printJson(AgentOutput.notTaken(why));
        } else {
            err().println("tack: nothing claimed: " + why.reason());
            err().flush();
        }
        return 3;
    }
}
