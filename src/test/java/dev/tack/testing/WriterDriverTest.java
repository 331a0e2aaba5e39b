package dev.tack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import dev.tack.board.Boards;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.model.Card;
import dev.tack.store.Database;
import dev.tack.store.Hosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash harness's one "lost" write of 6,875 (issue 8): a writer started in place of a killed one
 * runs under the same actor and counts its writes from 0 again, so its edit could repeat the text an
 * earlier process of that actor left on the card. Such an edit changes nothing, writes no event and
 * keeps the version, and its acknowledgement matched no event of its process. Every edit of
 * {@link WriterDriver} must change the card, whatever process of its actor wrote it before.
 */
class WriterDriverTest {

    @TempDir
    Path dir;

    @Test
    void anEditOfALaterProcessOfTheSameActorChangesACardAnEarlierOneEditedAtTheSameCount() {
        Path file = dir.resolve("tack.db");
        Actor seed = new Actor("seed", Hosts.name(), 1);
        Database.open(file, Database.Options.defaults().creating(true), tx -> Boards.create(tx, seed, "main", Boards.DEFAULT_COLUMNS))
                .close();
        for (int i = 0; i < 8; i++) { // both kinds of edit: a title, and a description with tags and priority
            long seedOfRandom = i;
            Card card = as(file, 100, cards -> cards.add(NewCard.titled("a card")));
            Cards.Edited first = as(file, 100, cards -> cards.editIfChanged(card.id(),
                    WriterDriver.edit("crash0", 100, 7, new Random(seedOfRandom)), null));
            // the killed process's replacement: same actor, same count of writes, same choices
            Cards.Edited second = as(file, 200, cards -> cards.editIfChanged(card.id(),
                    WriterDriver.edit("crash0", 200, 7, new Random(seedOfRandom)), null));

            assertThat(first.changed()).isTrue();
            assertThat(second.changed()).as("the second process's edit changed the card (seed %d)", seedOfRandom).isTrue();
            assertThat(second.card().version()).isEqualTo(first.card().version() + 1);
        }
    }

    private static <T> T as(Path file, long pid, java.util.function.Function<Cards, T> write) {
        try (Database database = Database.open(file, Database.Options.defaults(), tx -> null)) {
            Workspace workspace = new Workspace(database, new Actor("crash0", Hosts.name(), pid), null);
            try {
                return write.apply(new Cards(workspace));
            } finally {
                workspace.close();
            }
        }
    }
}
