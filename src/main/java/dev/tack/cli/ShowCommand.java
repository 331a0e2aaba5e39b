package dev.tack.cli;

import java.time.LocalDate;
import java.util.Map;
import dev.tack.board.CardDetails;
import dev.tack.board.Json;
import dev.tack.board.Queries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one card with its comments, history and runs.")
final class ShowCommand extends BaseCommand {

    @Parameters(paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
    long id;

    @Override
    protected int execute() {
        CardDetails details = new Queries(workspace()).details(id);
        if (json()) {
            Map<String, Object> card = Json.card(details);
            card.put("comments", details.comments().stream().map(Json::comment).toList());
            card.put("history", details.history().stream().map(Json::event).toList());
            card.put("runs", details.runs().stream().map(Json::run).toList());
            card.put("prerequisites", details.reports().stream().map(Json::report).toList());
            printJson(card);
        } else {
            new CardText(style(), LocalDate.now()).details(out(), details);
        }
        return 0;
    }
}
