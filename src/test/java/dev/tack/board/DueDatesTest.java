package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import dev.tack.model.TackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Due dates as people type them, relative to a fixed today: Wednesday 2026-11-25. */
class DueDatesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void todayIsAWednesday() {
        assertThat(TODAY.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-12-31, 2026-12-31",
        "2024-02-29, 2024-02-29",
        "today,      2026-11-25",
        "TODAY,      2026-11-25",
        "tomorrow,   2026-11-26",
        "tmr,        2026-11-26",
        "0d,         2026-11-25",
        "3d,         2026-11-28",
        "+3d,        2026-11-28",
        "2w,         2026-12-09",
        "1m,         2026-12-25",
        "3m,         2027-02-25",
        "fri,        2026-11-27",
        "friday,     2026-11-27",
        "Fri,        2026-11-27",
        "mon,        2026-11-30",
        "wed,        2026-12-02",
        "' sat ',    2026-11-28",
    })
    void readsWhatPeopleType(String text, LocalDate expected) {
        assertThat(DueDates.parse(text, TODAY)).isEqualTo(expected);
    }

    @Test
    void aMonthFromTheEndOfAMonthLandsOnTheLastDayOfTheNext() {
        assertThat(DueDates.parse("1m", LocalDate.of(2027, 1, 31))).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "NONE", "", "   ", "-"})
    void noneClearsTheDate(String text) {
        assertThat(DueDates.parse(text, TODAY)).isNull();
    }

    @Test
    void nullMeansNoDate() {
        assertThat(DueDates.parse(null, TODAY)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "2026-13-01", "2026-02-30", "31/12/2026", "3x", "-3d", "12345d", "fr", "next week",
        "2026-12-31T10:00"})
    void garbageIsAUsageErrorNamingTheFormats(String text) {
        assertThatThrownBy(() -> DueDates.parse(text, TODAY))
                .isInstanceOfSatisfying(TackException.class, e -> assertThat(e.kind()).isEqualTo(TackException.Kind.USAGE))
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("2026-12-31, today, tomorrow, 3d, 2w, 1m");
    }
}
