package dev.failforward.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class PeriodsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void monthsIncludeEmptyOnesAndMarkTheCurrentPartial() {
        Periods periods = Periods.between(at("2026-01-15T00:00:00Z"), at("2026-04-10T00:00:00Z"), Granularity.MONTH,
                UTC, at("2026-04-10T12:00:00Z"));

        assertThat(periods.all()).extracting(Period::label).containsExactly("2026-01", "2026-02", "2026-03", "2026-04");
        assertThat(periods.all()).extracting(Period::partial).containsExactly(false, false, false, true);
    }

    @Test
    void quartersAcrossAYear() {
        Periods periods = Periods.between(at("2025-11-01T00:00:00Z"), at("2026-05-01T00:00:00Z"), Granularity.QUARTER,
                UTC, at("2027-01-01T00:00:00Z"));

        assertThat(periods.all()).extracting(Period::label).containsExactly("2025-Q4", "2026-Q1", "2026-Q2");
        assertThat(periods.all()).noneMatch(Period::partial);
        assertThat(periods.all().get(1).start()).isEqualTo(ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, UTC));
        assertThat(periods.all().get(1).end()).isEqualTo(ZonedDateTime.of(2026, 4, 1, 0, 0, 0, 0, UTC));
    }

    @Test
    void aPeriodEndingExactlyNowIsComplete() {
        Periods periods = Periods.between(at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z"), Granularity.MONTH,
                UTC, at("2026-04-01T00:00:00Z"));

        assertThat(periods.all()).extracting(Period::toString).containsExactly("2026-03", "2026-04 (partial)");
    }

    @Test
    void lateMarchUtcIsAprilInBerlinButMarchInNewYork() {
        Instant event = at("2026-03-31T23:30:00Z");

        assertThat(Period.containing(event, Granularity.MONTH, BERLIN).label()).isEqualTo("2026-04");
        assertThat(Period.containing(event, Granularity.QUARTER, BERLIN).label()).isEqualTo("2026-Q2");
        assertThat(Period.containing(event, Granularity.MONTH, UTC).label()).isEqualTo("2026-03");
        assertThat(Period.containing(event, Granularity.MONTH, NEW_YORK).label()).isEqualTo("2026-03");
        assertThat(Period.containing(at("2026-04-01T03:30:00Z"), Granularity.MONTH, NEW_YORK).label())
                .isEqualTo("2026-03");
        assertThat(Period.containing(at("2026-04-01T04:00:00Z"), Granularity.MONTH, NEW_YORK).label())
                .isEqualTo("2026-04");
    }

    @Test
    void boundariesFollowDaylightSavingTime() {
        // Berlin: CET (+01) in winter, CEST (+02) from 2026-03-29; so March starts 23:00Z, April starts 22:00Z.
        Period march = Period.containing(at("2026-03-15T00:00:00Z"), Granularity.MONTH, BERLIN);
        assertThat(march.startInstant()).isEqualTo(at("2026-02-28T23:00:00Z"));
        assertThat(march.endInstant()).isEqualTo(at("2026-03-31T22:00:00Z"));
        assertThat(march.contains(at("2026-03-31T21:59:59Z"))).isTrue();
        assertThat(march.contains(at("2026-03-31T22:00:00Z"))).isFalse();
        // A DST change day (2026-03-29, one hour short) lies inside March and changes nothing at its edges.
        assertThat(march.contains(at("2026-03-29T01:30:00Z"))).isTrue();
        // New York: EST (-05) until 2026-03-08, EDT (-04) after; 2026-11-01 back to EST.
        Period nyMarch = Period.containing(at("2026-03-08T07:00:00Z"), Granularity.MONTH, NEW_YORK);
        assertThat(nyMarch.startInstant()).isEqualTo(at("2026-03-01T05:00:00Z"));
        assertThat(nyMarch.endInstant()).isEqualTo(at("2026-04-01T04:00:00Z"));
        Period nyQ4 = Period.containing(at("2026-11-01T06:30:00Z"), Granularity.QUARTER, NEW_YORK);
        assertThat(nyQ4.label()).isEqualTo("2026-Q4");
        assertThat(nyQ4.startInstant()).isEqualTo(at("2026-10-01T04:00:00Z"));
        assertThat(nyQ4.endInstant()).isEqualTo(at("2027-01-01T05:00:00Z"));
    }

    @Test
    void periodOfFindsTheRightPeriodOrNone() {
        Periods periods = Periods.between(at("2026-01-01T00:00:00Z"), at("2026-03-01T00:00:00Z"), Granularity.MONTH,
                BERLIN, at("2026-06-01T00:00:00Z"));

        assertThat(periods.all()).extracting(Period::label).containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(periods.periodOf(at("2026-01-31T23:30:00Z")).label()).isEqualTo("2026-02");
        assertThat(periods.periodOf(at("2025-12-31T22:59:59Z"))).isNull();
        assertThat(periods.periodOf(at("2025-12-31T23:00:00Z")).label()).isEqualTo("2026-01");
        assertThat(periods.periodOf(at("2026-03-31T22:00:00Z"))).isNull();
        assertThat(periods.periodOf(null)).isNull();
    }

    @Test
    void futurePeriodsArePartialAndBadRangesAreRefused() {
        Periods periods = Periods.between(at("2026-01-01T00:00:00Z"), at("2026-03-01T00:00:00Z"), Granularity.MONTH,
                UTC, at("2026-01-20T00:00:00Z"));
        assertThat(periods.all()).allMatch(Period::partial);

        assertThatThrownBy(() -> Periods.between(at("2026-03-01T00:00:00Z"), at("2026-01-01T00:00:00Z"),
                Granularity.MONTH, UTC, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Periods.between(Instant.EPOCH, at("2200-01-01T00:00:00Z"), Granularity.MONTH, UTC,
                Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }
}
