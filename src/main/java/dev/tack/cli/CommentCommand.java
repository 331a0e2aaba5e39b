package dev.tack.cli;

import dev.tack.board.Cards;
import dev.tack.board.Json;
import dev.tack.model.Comment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "comment", mixinStandardHelpOptions = true, description = "Add a comment to a card.")
final class CommentCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
    long id;

    @Parameters(index = "1", paramLabel = "TEXT")
    String text;

    @Override
    protected int execute() {
        Comment comment = new Cards(workspace()).comment(id, text);
        if (json()) {
            printJson(Json.comment(comment));
        } else {
            out().println("commented on #" + comment.cardId());
        }
        return 0;
    }
}
