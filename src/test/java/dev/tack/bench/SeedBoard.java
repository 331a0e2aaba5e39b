package dev.tack.bench;

import java.nio.file.Path;
import java.util.List;
import dev.tack.board.Boards;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.store.sqlite.Database;

/** Fills a new board file with N cards spread over its columns, through the board layer. */
public final class SeedBoard {

    private SeedBoard() {
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Actor actor = new Actor("seed", "localhost", ProcessHandle.current().pid());
        try (Database database = Database.open(db, Database.Options.defaults().creating(true),
                tx -> Boards.create(tx, actor, "main", Boards.DEFAULT_COLUMNS))) {
            Cards cards = new Cards(new Workspace(database, actor, null));
            String[] columns = {"Todo", "Doing", "Done"};
            for (int i = 0; i < count; i++) {
                cards.add(new NewCard("Card number " + i + " with a title of ordinary length", columns[i % 3], "",
                        i % 5 == 0 ? List.of("bug") : List.of(), i % 4, null, i % 7 == 0 ? "alice" : null, null));
            }
        }
    }
}
