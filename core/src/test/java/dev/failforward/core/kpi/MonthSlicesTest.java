package dev.failforward.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthSlicesTest {

    private static Period month(String firstDay, String zone) {
        return new Period(LocalDate.parse(firstDay), Granularity.MONTH, ZoneId.of(zone), false);
    }

    @Test
    void utcPeriodsNeedNoWindows() {
        MonthSlices slices = MonthSlices.of(month("2026-03-01", "UTC"));
        assertThat(slices.firstMonth()).isEqualTo(202603);
        assertThat(slices.lastMonth()).isEqualTo(202603);
        assertThat(slices.windows()).isEmpty();
    }

    @Test
    void eastOfUtcAddsTheLocalStartAndRemovesTheLocalEnd() {
        // Kolkata is UTC+5:30: March starts at 28 Feb 18:30Z and ends at 31 Mar 18:30Z
        MonthSlices slices = MonthSlices.of(month("2026-03-01", "Asia/Kolkata"));
        assertThat(slices.windows()).containsExactly(
                new MonthSlices.Window(Instant.parse("2026-02-28T18:30:00Z"), Instant.parse("2026-03-01T00:00:00Z"), 1),
                new MonthSlices.Window(Instant.parse("2026-03-31T18:30:00Z"), Instant.parse("2026-04-01T00:00:00Z"), -1));
    }

    @Test
    void westOfUtcRemovesTheUtcStartAndAddsTheLocalEnd() {
        // St John's is UTC-3:30 in winter and -2:30 from 8 March 2026 (DST): the two windows differ in length
        MonthSlices slices = MonthSlices.of(month("2026-03-01", "America/St_Johns"));
        assertThat(slices.windows()).containsExactly(
                new MonthSlices.Window(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-01T03:30:00Z"), -1),
                new MonthSlices.Window(Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-04-01T02:30:00Z"), 1));
    }

    @Test
    void aQuarterReadsThreeUtcMonths() {
        MonthSlices slices = MonthSlices.of(new Period(LocalDate.parse("2025-10-01"), Granularity.QUARTER,
                ZoneId.of("Pacific/Kiritimati"), false));
        assertThat(slices.firstMonth()).isEqualTo(202510);
        assertThat(slices.lastMonth()).isEqualTo(202512);
        assertThat(slices.holdsMonth(202511)).isTrue();
        assertThat(slices.holdsMonth(202601)).isFalse();
        assertThat(slices.windows()).hasSize(2).allSatisfy(w ->
                assertThat(java.time.Duration.between(w.from(), w.to()).toHours()).isEqualTo(14));
    }

    @Test
    void utcMonthIsTheStorageKey() {
        assertThat(MonthSlices.utcMonth(Instant.parse("2026-12-31T23:59:59Z"))).isEqualTo(202612);
        assertThat(MonthSlices.utcMonth(LocalDate.of(2027, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .isEqualTo(202701);
    }

    @Test
    void consecutivePeriodsShareTheirBoundaryWindow() {
        List<MonthSlices> slices = List.of(MonthSlices.of(month("2026-03-01", "Europe/Berlin")),
                MonthSlices.of(month("2026-04-01", "Europe/Berlin")));
        MonthSlices.Window endOfMarch = slices.get(0).windows().get(1);
        MonthSlices.Window startOfApril = slices.get(1).windows().get(0);
        assertThat(endOfMarch.from()).isEqualTo(startOfApril.from());
        assertThat(endOfMarch.to()).isEqualTo(startOfApril.to());
        assertThat(endOfMarch.sign()).isEqualTo(-startOfApril.sign());
    }

    @Test
    void everyInstantAWindowCanHoldIsMarkedWithItsBoundary() {
        assertThat(MonthSlices.edgeMonth(Instant.parse("2026-02-28T10:00:00Z"))).isEqualTo(202603);
        assertThat(MonthSlices.edgeMonth(Instant.parse("2026-02-28T09:59:59Z"))).isNull();
        assertThat(MonthSlices.edgeMonth(Instant.parse("2026-03-01T11:59:59Z"))).isEqualTo(202603);
        assertThat(MonthSlices.edgeMonth(Instant.parse("2026-03-01T12:00:00Z"))).isNull();
        assertThat(MonthSlices.edgeMonth(Instant.parse("2026-12-31T20:00:00Z"))).isEqualTo(202701);
        // every window of every zone lies inside the edge of its boundary
        for (String zone : java.time.ZoneId.getAvailableZoneIds()) {
            MonthSlices slices = MonthSlices.of(month("2026-03-01", zone));
            for (MonthSlices.Window window : slices.windows()) {
                Integer boundary = MonthSlices.edgeMonth(window.from());
                assertThat(boundary).as(zone).isIn(slices.startBoundary(), slices.endBoundary());
                assertThat(MonthSlices.edgeMonth(window.to().minusMillis(1))).as(zone).isEqualTo(boundary);
            }
        }
        assertThat(MonthSlices.of(month("2026-12-01", "UTC")).endBoundary()).isEqualTo(202701);
    }
}
