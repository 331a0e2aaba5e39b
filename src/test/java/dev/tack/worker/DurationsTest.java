package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import dev.tack.model.TackException;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsTheUnitsPeopleWrite() {
        assertThat(Durations.parse("--x", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("--x", "10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("--x", "5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("--x", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("--x", "30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("--x", "1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("--x", " 2S ")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Durations.parse("--x", "0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void refusesWhatIsNotADurationNamingTheOption() {
        for (String bad : new String[] {"", "abc", "-1s", "10x", "1 s", "s", "1.s", "10sec"}) {
            assertThatThrownBy(() -> Durations.parse("--lease", bad)).as(bad).isInstanceOf(TackException.class)
                    .hasMessageContaining("--lease")
                    .satisfies(e -> assertThat(((TackException) e).kind()).isEqualTo(TackException.Kind.USAGE));
        }
    }

    @Test
    void showsDurationsShortly() {
        assertThat(Durations.show(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.show(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(Durations.show(Duration.ofSeconds(90))).isEqualTo("1m30s");
    }
}
