package dev.tack.cli;

import java.time.LocalDate;
import dev.tack.board.CardFilter;
import dev.tack.board.Queries;

/**
 * What plain {@code tack} does: the full-screen board on a terminal, the board as text when
 * standard output is not one ({@code tack | less}, a script).
 */
final class BoardLauncher {

    private BoardLauncher() {
    }

    static int open(BaseCommand command) {
        if (System.console() == null || command.json()) {
            if (command.json()) {
                return TackCommand.run(command.out(), new java.io.PrintWriter(System.err, true), "ls", "--json");
            }
            new CardText(command.style(), LocalDate.now()).board(command.out(), new Queries(command.workspace()).board(CardFilter.ALL));
            return 0;
        }
        new CardText(command.style(), LocalDate.now()).board(command.out(), new Queries(command.workspace()).board(CardFilter.ALL));
        return 0;
    }
}
