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

    @picocli.CommandLine.Mixin
    IdempotencyOption idempotency = new IdempotencyOption();

    @Override
    protected int execute() {
        Comment comment = once(idempotency, ws -> new Cards(ws).comment(id, text), made -> Long.toString(made.id()),
                commentId -> new dev.tack.board.Queries(workspace()).details(id).comments().stream()
                        .filter(c -> c.id() == Long.parseLong(commentId)).findFirst().orElseThrow());
        if (json()) {
            printJson(Json.comment(comment));
        } else {
            out().println("commented on #" + comment.cardId());
        }
        return 0;
    }
}
