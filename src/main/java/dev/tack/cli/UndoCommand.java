package dev.tack.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.tack.board.History;
import dev.tack.board.Json;
import dev.tack.model.Card;
import dev.tack.text.Sanitizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "undo", mixinStandardHelpOptions = true,
        description = {"Undo your last card change (from any process) and say what was undone.",
            "Refused when someone else changed the card since. With --list, show what your next undos would",
            "revert instead."})
final class UndoCommand extends BaseCommand {

    @Option(names = "--list", description = "List the changes your next undos on this board would revert, newest first; change nothing.")
    boolean list;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "10", description = "With --list: how many (default ${DEFAULT-VALUE}).")
    int count;

    @Override
    protected int execute() {
        History history = new History(workspace());
        if (list) {
            if (count <= 0) {
                throw dev.tack.model.TackException.usage("-n must be a positive number");
            }
            printPending(history.pending(count));
            return 0;
        }
        report(this, history.undoStep());
        return 0;
    }

    private void printPending(List<History.Pending> pending) {
        if (json()) {
            printJson(pending.stream().map(p -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("event", p.eventId());
                item.put("card", p.cardId());
                item.put("summary", p.summary());
                item.put("at", p.at());
                return item;
            }).toList());
            return;
        }
        if (pending.isEmpty()) {
            out().println("nothing to undo for " + Sanitizer.line(workspace().actor().name()) + " on this board");
        }
        for (int i = 0; i < pending.size(); i++) {
            History.Pending p = pending.get(i);
            out().println((i + 1) + ". " + Sanitizer.line(p.summary()) + "  (event " + p.eventId() + ", " + p.at() + ")");
        }
        out().flush();
    }

    /** "undid: moved #2 from Todo to Doing", then where the card is now; {@code --json}: the card. */
    static void report(BaseCommand command, History.Step step) {
        Card card = step.card();
        if (command.json()) {
            command.printJson(Json.card(card));
        } else {
            command.out().println(Sanitizer.line(step.summary()) + " — #" + card.id() + " "
                    + (card.archived() ? "is now archived" : "is now in " + Sanitizer.line(card.column())));
        }
    }
}
