package dev.tack.cli;

import java.time.LocalDate;
import java.util.List;
import dev.tack.board.BoardView;
import dev.tack.board.CardFilter;
import dev.tack.board.Json;
import dev.tack.board.Queries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ls", mixinStandardHelpOptions = true, description = "List cards, column by column.")
final class LsCommand extends BaseCommand {

    @Option(names = {"-c", "--column"}, paramLabel = "COLUMN", description = "Only this column.")
    String column;

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG", description = "Only cards with this tag (repeat: all of them).")
    List<String> tags = List.of();

    @Option(names = {"-a", "--assignee"}, paramLabel = "WHO", description = "Only cards assigned to WHO.")
    String assignee;

    @Option(names = {"-q", "--query"}, paramLabel = "TEXT", description = "Only cards whose title, description or tags contain TEXT.")
    String query;

    @Option(names = "--ready", description = "Only cards that wait for nothing unfinished.")
    boolean ready;

    @Option(names = "--blocked", description = "Only cards that wait for a card not done yet.")
    boolean blocked;

    @Override
    protected int execute() {
        if (ready && blocked) {
            throw dev.tack.model.TackException.usage("--ready and --blocked exclude each other");
        }
        List<String> words = query == null ? List.of() : List.of(query.strip().split("\\s+"));
        String who = assignee != null && assignee.startsWith("@") ? assignee.substring(1) : assignee;
        CardFilter filter = new CardFilter(column, tags, who, null, words).readiness(ready ? Boolean.TRUE : blocked ? Boolean.FALSE : null);
        BoardView view = new Queries(workspace()).board(filter);
        if (json()) {
            printJson(Json.cards(view));
        } else {
            new CardText(style(), LocalDate.now()).board(out(), view);
        }
        return 0;
    }
}
