package dev.tack.cli;

import java.io.IOException;
import java.time.LocalDate;
import dev.tack.board.BoardView;
import dev.tack.board.CardFilter;
import dev.tack.board.Json;
import dev.tack.board.Queries;
import dev.tack.tui.BoardScreen;
import dev.tack.tui.ScreenSettings;
import dev.tack.tui.ThemeChoice;

/**
 * What plain {@code tack} does: the full-screen board on a terminal, the board as text when
 * standard output is not one ({@code tack | less}, a script), and the cards as {@code tack ls
 * --json} prints them with {@code --json}. It reads through the command's own workspace, so
 * {@code --db}, {@code --board} and their environment variables apply as to any command.
 */
final class BoardLauncher {

    private BoardLauncher() {
    }

    /** {@code theme}: the one asked for on the command line or in {@code TACK_THEME}, or null for the config's. */
    static int open(BaseCommand command, ThemeChoice theme) {
        if (command.json()) {
            command.printJson(Json.cards(new Queries(command.workspace()).board(CardFilter.ALL)));
            return 0;
        }
        if (Terminal.interactive() && !"dumb".equals(System.getenv("TERM"))) {
            // Read the board before taking the terminal, so that a missing or broken file is a plain
            // error; the screen's first frame shows this read (it is not read twice).
            BoardView read = new Queries(command.workspace()).board(CardFilter.ALL);
            try {
                ScreenSettings settings = ScreenConfig.settings(command.config(), command.err());
                // --theme or TACK_THEME over the config's theme (checked when the config was read)
                ThemeChoice chosen = theme != null ? theme : ThemeChoice.parse(settings.theme());
                BoardScreen.open(command.workspace(), command.workspace().clock().withZone(java.time.ZoneId.systemDefault()), settings,
                        chosen, read, debugLine(command)); // the program's one clock, in the person's zone for what the screen shows
                return 0;
            } catch (IOException e) {
                command.err().println("tack: cannot use this terminal (" + e.getMessage() + "); printing the board instead");
            }
        }
        new CardText(command.style(), LocalDate.now()).board(command.out(), new Queries(command.workspace()).board(CardFilter.ALL));
        return 0;
    }

    /** With {@code --debug}, the screen's own diagnostics (which theme, and why) on standard error, each flushed at once. */
    private static java.util.function.Consumer<String> debugLine(BaseCommand command) {
        if (!command.globals().debug) {
            return line -> { };
        }
        return line -> {
            command.err().println("tack: debug: " + line);
            command.err().flush();
        };
    }
}
