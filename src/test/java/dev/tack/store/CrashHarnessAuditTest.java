package dev.tack.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import dev.tack.board.CardEdit;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.model.Card;
import dev.tack.model.Comment;
import dev.tack.store.CrashHarness.Logged;
import dev.tack.testing.Acks.Ack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash harness's audit matches each acknowledgement to the one write that made it: the event of
 * that process, card, version and kind (a comment: its row). An acknowledgement that names a write
 * some other acknowledgement already claims counts as lost, since each version of a card and each
 * comment id is made by one write only.
 */
class CrashHarnessAuditTest {

    private static final long PID = 100;

    @TempDir
    Path dir;
    Path file;
    Card added;
    Card edited;
    Comment comment;

    @BeforeEach
    void writeACardAnEditAndAComment() {
        file = dir.resolve("tack.db");
        BoardAudit.createBoard(file);
        try (Database database = Database.open(file, Database.Options.defaults(), tx -> null)) {
            Workspace workspace = new Workspace(database, new Actor("crash0", Hosts.name(), PID), null);
            Cards cards = new Cards(workspace);
            added = cards.add(NewCard.titled("a card"));
            edited = cards.edit(added.id(), CardEdit.none().withTitle("edited"), null);
            comment = cards.comment(added.id(), "a comment");
            workspace.close();
        }
    }

    private Logged ack(long pid, String op, long value) {
        return new Logged(pid, new Ack(op, added.id(), value));
    }

    @Test
    void everyAcknowledgedWriteMatchedToItsOwnEventIsPresent() {
        CrashHarness.Audit audit = CrashHarness.audit(file, List.of(ack(PID, "add", 1), ack(PID, "edit", edited.version()),
                ack(PID, "comment", comment.id())));
        assertThat(audit.integrity()).isEqualTo("ok");
        assertThat(audit.lost()).isZero();
    }

    @Test
    void anAcknowledgementOfAVersionAnotherProcessWroteIsLost() {
        assertThat(CrashHarness.audit(file, List.of(ack(PID, "add", 1), ack(PID + 1, "edit", edited.version()))).lost())
                .isEqualTo(1);
    }

    @Test
    void aSecondAcknowledgementOfOneVersionIsLostEvenFromTheProcessThatWroteIt() {
        // e.g. a write lost, then a later one of that process made the same version number again
        assertThat(CrashHarness.audit(file, List.of(ack(PID, "edit", edited.version()), ack(PID, "edit", edited.version()))).lost())
                .isEqualTo(1);
        assertThat(CrashHarness.audit(file, List.of(ack(PID, "comment", comment.id()), ack(PID, "comment", comment.id()))).lost())
                .isEqualTo(1);
    }

    @Test
    void anAcknowledgementMatchesOnlyAnEventOfItsOwnKind() {
        assertThat(CrashHarness.audit(file, List.of(ack(PID, "mv", edited.version()))).lost()).isEqualTo(1);
    }
}
