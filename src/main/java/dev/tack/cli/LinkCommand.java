package dev.tack.cli;

import java.util.ArrayList;
import java.util.List;
import dev.tack.board.Json;
import dev.tack.board.Links;
import dev.tack.board.Queries;
import dev.tack.model.TackException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Make a card wait for others (--after) or others wait for it (--before).",
            "A card is ready once every card it waits for is in a done column (tack column done) or archived.",
            "A link that would close a cycle is refused (exit 4)."})
final class LinkCommand extends BaseCommand {

    @Parameters(paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
    long id;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Direction direction;

    static final class Direction {
        @Option(names = "--after", paramLabel = "ID", split = ",", converter = Converters.CardId.class,
                description = "ID waits for these cards (comma-separated).")
        List<Long> after;

        @Option(names = "--before", paramLabel = "ID", split = ",", converter = Converters.CardId.class,
                description = "These cards (comma-separated) wait for ID.")
        List<Long> before;
    }

    @Override
    protected int execute() {
        Links links = new Links(workspace());
        List<long[]> pairs = new ArrayList<>(); // {waiting, prerequisite}
        if (direction.after != null) {
            direction.after.forEach(p -> pairs.add(new long[] {id, p}));
        } else {
            direction.before.forEach(w -> pairs.add(new long[] {w, id}));
        }
        for (long[] pair : pairs) {
            if (pair[0] == pair[1]) {
                throw TackException.usage("#" + pair[0] + " cannot wait for itself");
            }
        }
        List<String> lines = new ArrayList<>();
        if (direction.after != null) {
            report(links.linkAll(id, direction.after), direction.after, lines);
        } else {
            // one transaction per waiting card: each is its own change, with its own event and undo
            for (long waiting : direction.before) {
                report(links.linkAll(waiting, List.of(id)), List.of(id), lines);
            }
        }
        if (json()) {
            printJson(Json.card(new Queries(workspace()).details(id)));
        } else {
            lines.forEach(out()::println);
        }
        return 0;
    }

    private void report(Links.Result result, List<Long> prerequisites, List<String> lines) {
        String waits = "#" + result.card().id() + " waits for " + String.join(", ", prerequisites.stream().map(p -> "#" + p).toList());
        if (result.changed()) {
            lines.add(waits);
        } else {
            err().println("tack: note: " + waits + " already; nothing changed");
        }
    }
}
