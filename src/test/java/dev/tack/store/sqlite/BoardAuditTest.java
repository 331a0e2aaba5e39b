package dev.tack.store.sqlite;

import dev.tack.model.Hosts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.tack.board.CardEdit;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.model.Card;
import dev.tack.testing.Acks.Ack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit the multi-process tests rely on passes on a sound file and catches lost or wrong writes. */
class BoardAuditTest {

    @TempDir
    Path dir;

    private Path db;
    private long seedEvents;
    private final List<Ack> acks = new ArrayList<>();

    @BeforeEach
    void writeSomeCards() {
        db = dir.resolve("tack.db");
        seedEvents = BoardAudit.createBoard(db);
        try (Workspace workspace = new Workspace(Database.open(db, Database.Options.defaults(), tx -> null),
                new Actor("auditor", Hosts.name(), ProcessHandle.current().pid()), null)) {
            Cards cards = new Cards(workspace);
            Card a = cards.add(NewCard.titled("a"));
            acks.add(new Ack("add", a.id(), a.version()));
            Card b = cards.add(NewCard.titled("b").inColumn("Doing"));
            acks.add(new Ack("add", b.id(), b.version()));
            Card moved = cards.move(a.id(), "Doing", 0, null);
            acks.add(new Ack("mv", moved.id(), moved.version()));
            Card edited = cards.edit(b.id(), CardEdit.none().withTitle("b2"), null);
            acks.add(new Ack("edit", edited.id(), edited.version()));
            acks.add(new Ack("comment", a.id(), cards.comment(a.id(), "hi").id()));
        }
    }

    @Test
    void aSoundFileWithExactlyTheAcknowledgedWritesPasses() {
        BoardAudit.Summary summary = BoardAudit.verify(db, acks, seedEvents, true, 0);
        assertThat(summary.cards()).isEqualTo(2);
        assertThat(summary.events()).isEqualTo(5);
        assertThat(summary.versionBumps()).isEqualTo(3);
    }

    @Test
    void aMissingCardIsCaught() {
        acks.add(new Ack("mv", 99, 2));
        assertThatThrownBy(() -> BoardAudit.verify(db, acks, seedEvents, false, 10)).hasMessageContaining("#99");
    }

    @Test
    void aVersionAboveTheFilesIsCaught() {
        acks.add(new Ack("edit", acks.get(0).cardId(), 50));
        assertThatThrownBy(() -> BoardAudit.verify(db, acks, seedEvents, false, 10)).hasMessageContaining("below acknowledged version 50");
    }

    @Test
    void theSameVersionAcknowledgedTwiceIsALostUpdate() {
        acks.add(acks.get(2));
        assertThatThrownBy(() -> BoardAudit.verify(db, acks, seedEvents, false, 10)).hasMessageContaining("acknowledged twice");
    }

    @Test
    void aMissingCommentOrEventIsCaught() {
        acks.add(new Ack("comment", acks.get(1).cardId(), 1));
        assertThatThrownBy(() -> BoardAudit.verify(db, acks, seedEvents, false, 10)).hasMessageContaining("comment");
    }

    @Test
    void moreEventsThanKillsCouldExplainAreCaught() {
        List<Ack> fewer = acks.subList(0, 3);
        assertThatThrownBy(() -> BoardAudit.verify(db, fewer, seedEvents, false, 1)).hasMessageContaining("at most one unacknowledged per kill");
        BoardAudit.verify(db, fewer, seedEvents, false, 2);
    }
}
