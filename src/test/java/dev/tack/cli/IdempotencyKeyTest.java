package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --idempotency-key} on add, mv, edit and comment, on both engines (issues 11 and 16). */
class IdempotencyKeyTest extends EngineCliFixture {

    @Test
    void theSameKeyTwiceAddsOneCardAndPrintsTheSameAnswer() {
        CliRun.Result first = tack("add", "Write the report", "-t", "agent", "--idempotency-key", "job-17").expectOk();
        CliRun.Result again = tack("add", "Write the report", "-t", "agent", "--idempotency-key", "job-17");

        assertThat(again.exit()).isZero();
        assertThat(again.out()).isEqualTo(first.out());
        assertThat(again.errLines()).singleElement().asString().startsWith("tack: note: replayed: idempotency key 'job-17'");
        assertThat(number("SELECT count(*) FROM cards")).isEqualTo(1);
        assertThat(number("SELECT count(*) FROM events WHERE kind = 'card.added'")).isEqualTo(1);
    }

    @Test
    void aReplayUnderJsonPrintsTheCardAsTheFirstAnswerDid() {
        String first = tack("--json", "add", "Card", "--idempotency-key", "k1").expectOk().out();
        String again = tack("--json", "add", "Card", "--idempotency-key", "k1").out();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void theSameKeyWithOtherArgumentsIsRefusedAndWritesNothing() {
        tack("add", "One", "--idempotency-key", "k").expectOk();
        CliRun.Snapshot before = snapshot();

        CliRun.Result other = tack("add", "Two", "--idempotency-key", "k").expectError(4);

        assertThat(other.err()).contains("idempotency key 'k'").contains("different command");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(tack("mv", "1", "Done", "--idempotency-key", "k").expectError(4).err()).contains("different command");
    }

    @Test
    void optionsInAnotherOrderAreTheSameWrite() {
        tack("add", "One", "-t", "a", "-p", "2", "--idempotency-key", "k").expectOk();
        CliRun.Result again = tack("add", "-p", "2", "--idempotency-key", "k", "One", "-t", "a");
        assertThat(again.exit()).isZero();
        assertThat(number("SELECT count(*) FROM cards")).isEqualTo(1);
    }

    @Test
    void aRetriedMoveMovesOnceEvenAfterTheCardWasMovedOnSinceThen() {
        long id = add("Card");
        tack("mv", String.valueOf(id), "Doing", "--idempotency-key", "m1").expectOk();
        tack("mv", String.valueOf(id), "Done").expectOk();

        CliRun.Result retry = tack("mv", String.valueOf(id), "Doing", "--idempotency-key", "m1");

        assertThat(retry.exit()).isZero();
        assertThat(retry.err()).contains("replayed");
        assertThat(number("SELECT count(*) FROM events WHERE kind = 'card.moved'")).isEqualTo(2);
        assertThat(number("SELECT c.name = 'Done' FROM cards JOIN columns c ON c.id = cards.column_id".replace("c.name = 'Done'",
                "CASE WHEN c.name = 'Done' THEN 1 ELSE 0 END"))).isEqualTo(1);
    }

    @Test
    void editAndCommentReplayToo() {
        long id = add("Card");
        String edited = tack("edit", String.valueOf(id), "-p", "3", "--idempotency-key", "e1").expectOk().out();
        assertThat(tack("edit", String.valueOf(id), "-p", "3", "--idempotency-key", "e1").out()).isEqualTo(edited);
        String commented = tack("--json", "comment", String.valueOf(id), "looks good", "--idempotency-key", "c1").expectOk().out();
        assertThat(tack("--json", "comment", String.valueOf(id), "looks good", "--idempotency-key", "c1").out()).isEqualTo(commented);
        assertThat(number("SELECT count(*) FROM comments")).isEqualTo(1);
        assertThat(number("SELECT count(*) FROM events WHERE kind IN ('card.edited', 'card.commented')")).isEqualTo(2);
    }

    @Test
    void aFailedWriteDoesNotUseItsKey() {
        tack("column", "add", "Tiny", "--wip", "1", "--hard").expectOk();
        add("-c", "Tiny", "Fills it");
        tack("add", "-c", "Tiny", "Second", "--idempotency-key", "k").expectError(4);
        tack("column", "add", "Roomy").expectOk();
        tack("add", "-c", "Roomy", "Second", "--idempotency-key", "k").expectOk(); // other arguments: the key was never used
        assertThat(number("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = 'k'")).isEqualTo(1);
    }

    @Test
    void anEmptyKeyIsAUsageError() {
        tack("add", "x", "--idempotency-key", "").expectError(2);
    }
}
