package dev.tack.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import dev.tack.model.Actor;
import dev.tack.model.Change;
import dev.tack.testing.Engine;
import dev.tack.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Feed.poll() means the same on both engines: a presence beat is None, tack's write is the Events it
 * left, and a write from outside tack (sqlite3, psql) is a Reread. Waits on the feed, never a sleep
 * for its own sake.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class FeedContractTest {

    private static final Actor BOB = new Actor("bob", "h", 2);

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private static Change next(Feed feed) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Change change = feed.poll();
            if (!(change instanceof Change.None)) {
                return change;
            }
            Thread.sleep(10);
        }
        fail("the feed saw nothing");
        return null;
    }

    /** Waits until the feed says someone committed; only a NOTIFY (or data_version) can tell a presence beat. */
    private static void awaitCommit(Feed feed) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!feed.changed()) {
            if (System.nanoTime() > deadline) {
                fail("no commit noticed");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void presenceIsNoneTacksWriteIsEventsAForeignWriteIsReread() throws Exception {
        String location = engine.newLocation(dir);
        try (Storage storage = Storages.open(location, Storage.Options.defaults().creating(true),
                tx -> tx.boards().insert("main"));
             Feed feed = storage.changeFeed(storage.readTransaction(tx -> tx.events().lastId()))) {
            long board = storage.readTransaction(tx -> tx.boards().byName("main").orElseThrow().id());
            storage.writeTransaction(tx -> tx.presence().beat(null, board, BOB, "screen", 1));
            awaitCommit(feed);
            assertThat(feed.poll()).isInstanceOf(Change.None.class);

            storage.writeTransaction(tx -> tx.events().append(BOB, board, null, "board.renamed", "a note", null, null));
            Change mine = next(feed);
            assertThat(mine).isInstanceOf(Change.Events.class);
            assertThat(((Change.Events) mine).events()).extracting(e -> e.summary()).containsExactly("a note");

            foreignWrite(location, "UPDATE boards SET name = 'renamed behind tack'");
            assertThat(next(feed)).isInstanceOf(Change.Reread.class);
        }
    }

    private void foreignWrite(String location, String sql) throws Exception {
        if (engine == Engine.SQLITE) {
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + location);
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return;
        }
        try (Connection connection = PostgresServer.get().connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO \"" + location.substring(location.indexOf("currentSchema=") + 14) + "\"");
            statement.execute(sql);
        }
    }
}
