package dev.tack.cli;

import dev.tack.board.History;
import dev.tack.board.Json;
import dev.tack.model.Card;
import dev.tack.text.Sanitizer;
import picocli.CommandLine.Command;

@Command(name = "undo", mixinStandardHelpOptions = true,
        description = "Undo your last card change (from any process), unless someone else changed the card since.")
final class UndoCommand extends BaseCommand {

    @Override
    protected int execute() {
        Card card = new History(workspace()).undo();
        report(this, "undid", card);
        return 0;
    }

    static void report(BaseCommand command, String verb, Card card) {
        if (command.json()) {
            command.printJson(Json.card(card));
        } else {
            command.out().println(verb + " the last change to #" + card.id() + " " + Sanitizer.line(card.title())
                    + (card.archived() ? " (now archived)" : " (now in " + card.column() + ")"));
        }
    }
}
