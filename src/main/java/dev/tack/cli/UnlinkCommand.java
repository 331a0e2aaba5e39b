package dev.tack.cli;

import dev.tack.board.Json;
import dev.tack.board.Links;
import dev.tack.board.Queries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "unlink", mixinStandardHelpOptions = true,
        description = "Remove the link between two cards (whichever waits for the other).")
final class UnlinkCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "ID", converter = Converters.CardId.class, description = "One card: 42 or #42.")
    long id;

    @Parameters(index = "1", paramLabel = "OTHER", converter = Converters.CardId.class, description = "The other card.")
    long other;

    @Override
    protected int execute() {
        Links links = new Links(workspace());
        Links.Result result = links.unlink(id, other);
        long waiting = id;
        long prerequisite = other;
        if (!result.changed()) {
            result = links.unlink(other, id);
            waiting = other;
            prerequisite = id;
        }
        if (!result.changed()) {
            err().println("tack: note: #" + id + " and #" + other + " were not linked; nothing changed");
        }
        if (json()) {
            printJson(Json.card(new Queries(workspace()).details(id)));
        } else if (result.changed()) {
            out().println("#" + waiting + " no longer waits for #" + prerequisite);
        }
        return 0;
    }
}
