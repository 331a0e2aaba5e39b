package dev.tack.tui;

import static dev.tack.tui.Fixture.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import dev.tack.board.Boards;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.model.Card;
import dev.tack.store.Storage;
import dev.tack.store.Storages;
import dev.tack.testing.CuttableLink;
import dev.tack.testing.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The screen loop on the virtual terminal, on a PostgreSQL board reached through a link the test
 * cuts: the last board stays on the screen, the status row says the server is lost, a save is
 * refused with that one message, and when the link is back the screen reconnects by itself and
 * catches up with what was written meanwhile.
 */
class ServerConnectionLostTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String LOST = "showing the board as last read, nothing can be saved";

    private final PostgresServer server = PostgresServer.get();
    private CuttableLink link;
    private Workspace bob;
    private Workspace alice;
    private VirtualSession session;
    private BoardScreen screen;
    private ScreenRun run;

    @BeforeEach
    void open() throws Exception {
        String schema = server.freshSchemaName();
        Actor bobActor = new Actor("bob", "laptop-b", 2);
        bob = new Workspace(Storages.open(server.url(schema), new Storage.Options(true, false, Duration.ofSeconds(10)),
                tx -> Boards.create(tx, bobActor, Workspace.DEFAULT_BOARD, Boards.DEFAULT_COLUMNS)), bobActor, null);
        link = new CuttableLink(server.port());
        String throughLink = "postgresql://tack@127.0.0.1:" + link.port() + "/tack?currentSchema=" + schema;
        alice = new Workspace(Storages.open(throughLink, new Storage.Options(false, false, Duration.ofSeconds(2)), null),
                new Actor("alice", "laptop-a", 1), null);
    }

    @AfterEach
    void close() throws Exception {
        link.restore();
        if (run != null) {
            run.close();
        }
        alice.close();
        bob.close();
        link.close();
    }

    private void start() {
        run = ScreenRun.start(alice, 140, 30, PATIENCE);
        session = run.session;
        screen = run.screen;
    }

    private long events() {
        return bob.read(tx -> tx.events().count());
    }

    private String column(long id) {
        return bob.read(tx -> tx.cards().byId(id).orElseThrow().column());
    }

    @Test
    void aLostServerKeepsTheBoardRefusesSavesAndCatchesUpWhenItIsBack() throws Exception {
        Card first = new Cards(bob).add(NewCard.titled("first card").inColumn("Todo"));
        start();
        run.await("the board", () -> session.row(2).startsWith(" first card"));

        link.cut();
        run.await("the status row saying the server is lost", () -> session.text().contains(LOST));
        assertThat(session.row(2)).startsWith(" first card");

        new Cards(bob).add(NewCard.titled("added while away").inColumn("Todo"));
        long before = events();
        session.keys.add(key('L')); // move the selected card right: refused, nothing written
        run.await("the refusal", () -> session.text().contains(LOST));
        assertThat(events()).isEqualTo(before);
        assertThat(column(first.id())).isEqualTo("Todo");
        assertThat(session.text()).doesNotContain("added while away");

        link.restore();
        run.await("the missed card", () -> session.text().contains("added while away"));
        run.await("the problem gone", () -> !session.text().contains(LOST));
        assertThat(screen.live().reconnects()).isPositive();

        session.keys.add(key('L'));
        run.await("a save once the server is back", () -> column(first.id()).equals("Doing"));
        assertThat(run.failure()).isNull();
    }
}
