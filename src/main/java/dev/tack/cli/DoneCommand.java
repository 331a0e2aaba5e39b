package dev.tack.cli;

import dev.tack.board.Agents;
import dev.tack.board.Json;
import dev.tack.model.Card;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "done", mixinStandardHelpOptions = true,
        description = {"Finish a card you claimed and keep your report.",
            "The card moves to --to (default: the board's done column); --summary and --meta stay on its run, for",
            "whoever takes a card that waits for it (exit 4 when the token is no longer its claim)."})
final class DoneCommand extends BaseCommand {

    @Parameters(paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
    long id;

    @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "The token tack claim printed.")
    String token;

    @Option(names = "--to", paramLabel = "COLUMN", description = "Move the card here (default: the board's done column).")
    String to;

    @Option(names = "--summary", paramLabel = "TEXT", description = "What was done, for the cards that wait for this one.")
    String summary;

    @Option(names = "--meta", paramLabel = "JSON", description = "A JSON document kept with the summary (files, links, numbers).")
    String meta;

    @Override
    protected int execute() {
        String document = meta == null ? null : Json.document("--meta", meta);
        Card card = new Agents(workspace()).done(id, token, to, summary, document);
        if (json()) {
            printJson(AgentOutput.card(card));
        } else {
            out().println("#" + card.id() + " done, moved to " + card.column());
        }
        return 0;
    }
}
