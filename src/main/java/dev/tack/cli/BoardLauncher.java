package dev.tack.cli;

import java.time.LocalDate;
import dev.tack.board.BoardView;
import dev.tack.board.CardFilter;
import dev.tack.board.Json;
import dev.tack.board.Queries;

/**
 * What plain {@code tack} does: the full-screen board on a terminal, the board as text when
 * standard output is not one ({@code tack | less}, a script), and the cards as {@code tack ls
 * --json} prints them with {@code --json}. It reads through the command's own workspace, so
 * {@code --db}, {@code --board} and their environment variables apply as to any command.
 */
final class BoardLauncher {

    private BoardLauncher() {
    }

    static int open(BaseCommand command) {
        if (System.console() == null || command.json()) {
            BoardView view = new Queries(command.workspace()).board(CardFilter.ALL);
            if (command.json()) {
                command.printJson(Json.cards(view));
            } else {
                new CardText(command.style(), LocalDate.now()).board(command.out(), view);
            }
            return 0;
        }
        new CardText(command.style(), LocalDate.now()).board(command.out(), new Queries(command.workspace()).board(CardFilter.ALL));
        return 0;
    }
}
