package dev.tack.cli;

import java.util.List;
import dev.tack.board.Agents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ready", mixinStandardHelpOptions = true,
        description = {"List the cards of a column that `tack claim --next` would take, in its order.",
            "With --explain, every other card of the column too, with why it cannot be taken."})
final class ReadyCommand extends BaseCommand {

    @Option(names = "--from", paramLabel = "COLUMN", description = "The column (default: the board's first).")
    String from;

    @Option(names = "--doing", paramLabel = "COLUMN", description = "The column claims move cards to (its hard WIP limit counts; default: the lane's doing column).")
    String doing;

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG", description = "Only cards with this tag.")
    String tag;

    @Option(names = "--explain", description = "Also list the cards that cannot be taken, and why.")
    boolean explain;

    @Override
    protected int execute() {
        List<Agents.Explained> cards = new Agents(workspace()).explain(new Agents.Lane(from, doing, tag)).stream()
                .filter(e -> explain || e.claimable()).toList();
        if (json()) {
            printJson(cards.stream().map(e -> explain ? AgentOutput.explained(e) : AgentOutput.card(e.card())).toList());
            return 0;
        }
        for (Agents.Explained e : cards) {
            out().println("#" + e.card().id() + " " + e.card().title() + (e.card().priority() > 0 ? " [p" + e.card().priority() + "]" : "")
                    + (explain ? " — " + e.reason() : ""));
        }
        return 0;
    }
}
