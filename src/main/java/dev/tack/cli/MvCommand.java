package dev.tack.cli;

import dev.tack.board.Cards;
import dev.tack.board.Json;
import dev.tack.model.Card;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mv", mixinStandardHelpOptions = true, description = "Move a card to a column, optionally to a position (0 is the top) or to another board.")
final class MvCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
    long id;

    @Parameters(index = "1", paramLabel = "COLUMN", arity = "0..1",
            description = "The column (with --to-board: of that board; default its first column).")
    String column;

    @Option(names = "--to-board", paramLabel = "BOARD",
            description = "Move the card to another board of the database, keeping its id, comments, links and history.")
    String toBoard;

    @Option(names = "--pos", paramLabel = "N", converter = Converters.Position.class,
            description = "Position in the column (0 is the top; default the bottom).")
    Integer position;

    @Option(names = "--if-version", paramLabel = "V", converter = Converters.Counter.class,
            description = "Only if the card is still at version V (else exit 4).")
    Long ifVersion;

    @Mixin
    IdempotencyOption idempotency = new IdempotencyOption();

    @Override
    protected int execute() {
        if (column == null && toBoard == null) {
            throw dev.tack.model.TackException.usage("name the column to move #" + id + " to (or --to-board BOARD)");
        }
        Card card = once(idempotency, ws -> toBoard == null ? new Cards(ws).move(id, column, position, ifVersion)
                        : new Cards(ws).moveToBoard(id, toBoard, column, position, ifVersion), moved -> Long.toString(moved.id()),
                movedId -> new dev.tack.board.Queries(workspace()).card(Long.parseLong(movedId)));
        dev.tack.board.Readiness.Status status = new dev.tack.board.Links(workspace()).status(id);
        if (!status.ready()) {
            err().println("tack: note: #" + id + " is still " + status.reason());
        }
        if (json()) {
            printJson(Json.card(card));
        } else {
            String board = toBoard == null ? "" : toBoard.strip() + " / ";
            out().println("#" + card.id() + " → " + board + card.column() + " (position " + card.position() + ")");
        }
        return 0;
    }
}
