package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LeaseDeadlinesTest {

    /** A 3 s lease with a 1 s margin: a command is stopped 1 s before its lease ends. */
    private final LeaseDeadlines deadlines = new LeaseDeadlines(3_000, 1_000);

    @Test
    void aCommandIsDueToStopOneMarginBeforeTheLeaseItWasClaimedWith() {
        deadlines.claimed(7, 10_000);
        assertThat(deadlines.overdue(8_999)).isEmpty();
        assertThat(deadlines.overdue(9_000)).containsExactly(7L);
        assertThat(deadlines.overdue(9_500)).as("returned once, then forgotten").isEmpty();
    }

    @Test
    void aRenewalCountsFromWhenItsHeartbeatStarted() {
        deadlines.claimed(7, 10_000);
        deadlines.renewed(7, 8_500); // the new lease runs to 11,500 at the latest
        assertThat(deadlines.overdue(10_499)).isEmpty();
        assertThat(deadlines.overdue(10_500)).containsExactly(7L);
    }

    @Test
    void aLateAnswerToAnOlderHeartbeatNeverShortensTheDeadline() {
        deadlines.claimed(7, 10_000);
        deadlines.renewed(7, 9_000);
        deadlines.renewed(7, 8_000); // an older beat's answer, arriving after a newer one
        assertThat(deadlines.overdue(10_999)).isEmpty();
        assertThat(deadlines.overdue(11_000)).containsExactly(7L);
    }

    @Test
    void onlyOverdueCommandsAreReturnedAndAForgottenOneNever() {
        deadlines.claimed(1, 10_000);
        deadlines.claimed(2, 20_000);
        deadlines.claimed(3, 10_000);
        deadlines.forget(3);
        deadlines.renewed(3, 50_000); // a beat that ended after its command: not watched again
        assertThat(deadlines.overdue(15_000)).containsExactly(1L);
        assertThat(deadlines.overdue(100_000)).containsExactly(2L);
    }

    @Test
    void theMarginMustLeaveSomeOfTheLease() {
        assertThatThrownBy(() -> new LeaseDeadlines(1_000, 1_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
