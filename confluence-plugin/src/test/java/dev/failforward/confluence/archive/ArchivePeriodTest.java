package dev.failforward.confluence.archive;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ArchivePeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 6);

    @Test
    void eachPeriodEndsTodayAndCountsTodayAsItsLastDay() {
        assertThat(ArchivePeriod.ALL.firstDay(TODAY)).isEmpty();
        assertThat(ArchivePeriod.LAST_30_DAYS.firstDay(TODAY)).contains(LocalDate.of(2026, 4, 7));
        assertThat(ArchivePeriod.LAST_90_DAYS.firstDay(TODAY)).contains(LocalDate.of(2026, 2, 6));
        assertThat(ArchivePeriod.LAST_12_MONTHS.firstDay(TODAY)).contains(LocalDate.of(2025, 5, 7));
        assertThat(ArchivePeriod.THIS_YEAR.firstDay(TODAY)).contains(LocalDate.of(2026, 1, 1));
    }

    @Test
    void thirtyDaysAreThirtyDays() {
        LocalDate first = ArchivePeriod.LAST_30_DAYS.firstDay(TODAY).orElseThrow();
        assertThat(first.datesUntil(TODAY.plusDays(1)).count()).isEqualTo(30);
        LocalDate firstOf90 = ArchivePeriod.LAST_90_DAYS.firstDay(TODAY).orElseThrow();
        assertThat(firstOf90.datesUntil(TODAY.plusDays(1)).count()).isEqualTo(90);
    }

    @Test
    void twelveMonthsAcrossALeapDayAndTheFirstOfJanuary() {
        assertThat(ArchivePeriod.LAST_12_MONTHS.firstDay(LocalDate.of(2028, 2, 29))).contains(LocalDate.of(2027, 3, 1));
        assertThat(ArchivePeriod.LAST_12_MONTHS.firstDay(LocalDate.of(2026, 3, 1))).contains(LocalDate.of(2025, 3, 2));
        assertThat(ArchivePeriod.THIS_YEAR.firstDay(LocalDate.of(2026, 1, 1))).contains(LocalDate.of(2026, 1, 1));
        assertThat(ArchivePeriod.THIS_YEAR.firstDay(LocalDate.of(2024, 12, 31))).contains(LocalDate.of(2024, 1, 1));
    }

    @Test
    void todayIsTheUtcDayWhateverTheClocksZone() {
        Instant lateEvening = Instant.parse("2026-12-31T23:30:00Z");
        assertThat(ArchivePeriod.todayUtc(Clock.fixed(lateEvening, ZoneId.of("Asia/Tokyo"))))
                .isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(ArchivePeriod.todayUtc(Clock.fixed(Instant.parse("2027-01-01T00:10:00Z"), ZoneId.of("America/Los_Angeles"))))
                .isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void idsAreTheMacroAndRestValues() {
        assertThat(ArchivePeriod.values()).extracting(ArchivePeriod::id)
                .containsExactly("all", "30d", "90d", "12m", "this-year");
        assertThat(ArchivePeriod.fromId(" THIS-YEAR ")).contains(ArchivePeriod.THIS_YEAR);
        assertThat(ArchivePeriod.fromId("7d")).isEmpty();
        assertThat(ArchivePeriod.fromId(null)).isEmpty();
    }
}
