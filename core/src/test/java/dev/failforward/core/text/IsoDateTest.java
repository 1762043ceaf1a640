package dev.failforward.core.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Only {@code yyyy-MM-dd} in the years 0001–9999 is a date the failure database can store. */
class IsoDateTest {

    @Test
    void readsStorableDays() {
        assertThat(IsoDate.parse("2026-06-30")).contains(LocalDate.of(2026, 6, 30));
        assertThat(IsoDate.parse(" 0001-01-01 ")).contains(IsoDate.MIN);
        assertThat(IsoDate.parse("9999-12-31")).contains(IsoDate.MAX);
        assertThat(IsoDate.parse("2024-02-29")).contains(LocalDate.of(2024, 2, 29));
        assertThat(IsoDate.read("2026-06-30").valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0001-01-01", "+10000-01-01", "0000-01-01", "10000-01-01", "+2026-06-30", "-2026-06-30",
            "999999999-12-31", "-999999999-01-01", "026-06-30", "99-01-01", "999999999999-01-01"})
    void refusesYearsTheDatabaseCannotStoreAsOutOfRange(String text) {
        assertThat(IsoDate.read(text).verdict()).isEqualTo(IsoDate.Verdict.OUT_OF_RANGE);
        assertThat(IsoDate.read(text).date()).isNull();
        assertThat(IsoDate.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "tomorrow", "2026-6-30", "2026-06-31", "2026-02-29", "2026-13-01", "2026-00-10",
            "2026-06-00", "2026/06/30", "30.06.2026", "2026-06-30T10:00", "2026-06-30Z", "\u0662\u0660\u0662\u0666-06-30",
            "2026-06-30\u0000", "１２３４-01-01", "9999999999999-01-01"})
    void refusesAnythingElseAsMalformed(String text) {
        assertThat(IsoDate.read(text).verdict()).isEqualTo(IsoDate.Verdict.MALFORMED);
        assertThat(IsoDate.parse(text)).isEmpty();
    }

    @Test
    void nullIsMalformed() {
        assertThat(IsoDate.read(null).verdict()).isEqualTo(IsoDate.Verdict.MALFORMED);
    }

    @Test
    void storableIsTheRangeOfTheColumns() {
        assertThat(IsoDate.storable(LocalDate.of(1, 1, 1))).isTrue();
        assertThat(IsoDate.storable(LocalDate.of(9999, 12, 31))).isTrue();
        assertThat(IsoDate.storable(LocalDate.of(0, 12, 31))).isFalse();
        assertThat(IsoDate.storable(LocalDate.of(10000, 1, 1))).isFalse();
        assertThat(IsoDate.storable(null)).isFalse();
    }
}
