package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import dev.tack.board.Claims;
import dev.tack.model.TackException;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {

    private static final Claims.Lanes LANES = new Claims.Lanes("Todo", "Done", "Doing", null);

    private static WorkerConfig config(String command, int concurrency, Duration lease, Duration heartbeat, Duration timeout,
                                       int maxAttempts, Claims.Lanes lanes) {
        return new WorkerConfig(lanes, command, "w", concurrency, lease, heartbeat, timeout, maxAttempts,
                Duration.ofSeconds(1), Duration.ofSeconds(1), false, false);
    }

    private static WorkerConfig config(int concurrency, Duration lease, Duration heartbeat, int maxAttempts) {
        return config("true", concurrency, lease, heartbeat, Duration.ofMinutes(1), maxAttempts, LANES);
    }

    private static void assertUsage(Runnable build, String... fragments) {
        assertThatThrownBy(build::run).isInstanceOf(TackException.class)
                .satisfies(e -> assertThat(((TackException) e).kind()).isEqualTo(TackException.Kind.USAGE))
                .hasMessageContainingAll(fragments);
    }

    @Test
    void aSensibleConfigurationIsAccepted() {
        WorkerConfig config = config(4, Duration.ofSeconds(2), Duration.ofMillis(500), 3);
        assertThat(config.concurrency()).isEqualTo(4);
        // Exactly twice the heartbeat is the shortest lease allowed.
        assertThat(config(1, Duration.ofSeconds(1), Duration.ofMillis(500), 1).lease()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aLeaseShorterThanTwoHeartbeatsIsRefused() {
        assertUsage(() -> config(1, Duration.ofMillis(999), Duration.ofMillis(500), 3), "--lease", "--heartbeat");
        assertUsage(() -> config(1, Duration.ofSeconds(1), Duration.ofSeconds(10), 3), "--lease");
    }

    @Test
    void concurrencyBelowOneIsRefused() {
        assertUsage(() -> config(0, Duration.ofSeconds(2), Duration.ofMillis(500), 3), "--concurrency", "0");
        assertUsage(() -> config(-3, Duration.ofSeconds(2), Duration.ofMillis(500), 3), "--concurrency", "-3");
    }

    @Test
    void maxAttemptsBelowOneIsRefused() {
        assertUsage(() -> config(1, Duration.ofSeconds(2), Duration.ofMillis(500), 0), "--max-attempts");
    }

    @Test
    void aZeroHeartbeatOrTimeoutAndAnEmptyCommandAreRefused() {
        assertUsage(() -> config(1, Duration.ofSeconds(2), Duration.ZERO, 3), "--heartbeat");
        assertUsage(() -> config("true", 1, Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ZERO, 3, LANES), "--timeout");
        assertUsage(() -> config("  ", 1, Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(1), 3, LANES), "--exec");
    }

    @Test
    void fromAndToMustDiffer() {
        assertUsage(() -> config("true", 1, Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(1), 3,
                new Claims.Lanes("Todo", "todo", null, null)), "--from", "--to");
    }
}
