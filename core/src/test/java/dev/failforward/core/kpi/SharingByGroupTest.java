package dev.failforward.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharingByGroupTest {

    private static final Periods PERIODS = Periods.between(Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-03-01T00:00:00Z"), Granularity.MONTH, ZoneOffset.UTC, Instant.parse("2026-06-01T00:00:00Z"));

    @Test
    void aSmallGroupNeverCountsSoItCannotBeRecoveredByDifference() {
        Period january = PERIODS.all().get(0);
        KpiSeries big = KpiEngine.defaults().sharingScoreByGroup(PERIODS, Map.of(january, List.of(new Share(6, 10))));
        KpiSeries bigAndSmall = KpiEngine.defaults().sharingScoreByGroup(PERIODS,
                Map.of(january, List.of(new Share(6, 10), new Share(0, 4))));
        assertThat(bigAndSmall.points().get(0)).isEqualTo(big.points().get(0));
        assertThat(big.points().get(0).value()).isEqualTo(0.6);
        assertThat(big.points().get(0).sampleSize()).isEqualTo(10);
    }

    @Test
    void answersBelowTheThresholdInEveryGroupAreWithheldEvenWhenTheirSumIsEnough() {
        Period february = PERIODS.all().get(1);
        KpiSeries series = KpiEngine.defaults().sharingScoreByGroup(PERIODS,
                Map.of(february, List.of(new Share(4, 4), new Share(1, 4))));
        Point point = series.points().get(1);
        assertThat(point.status()).isEqualTo(Point.Status.NOT_ENOUGH_ANSWERS);
        assertThat(point.value()).isNull();
        assertThat(point.sampleSize()).isEqualTo(8);
        assertThat(series.points().get(2).status()).isEqualTo(Point.Status.NO_DATA);
    }

    @Test
    void exactlyTheThresholdIsShownAndARaisedThresholdHidesIt() {
        Period january = PERIODS.all().get(0);
        Map<Period, List<Share>> five = Map.of(january, List.of(new Share(4, 5)));
        assertThat(KpiEngine.defaults().sharingScoreByGroup(PERIODS, five).points().get(0).value()).isEqualTo(0.8);
        assertThat(new KpiEngine(6).sharingScoreByGroup(PERIODS, five).points().get(0).status())
                .isEqualTo(Point.Status.NOT_ENOUGH_ANSWERS);
    }

    @Test
    void anOpenPeriodIsWithheldUntilItEnds() {
        Periods periods = Periods.between(Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-06-10T00:00:00Z"),
                Granularity.MONTH, ZoneOffset.UTC, Instant.parse("2026-06-10T00:00:00Z"));
        Period june = periods.all().get(1);
        KpiSeries series = KpiEngine.defaults().sharingScoreByGroup(periods, Map.of(june, List.of(new Share(9, 12))));
        assertThat(series.points().get(1).status()).isEqualTo(Point.Status.PERIOD_OPEN);
        assertThat(series.points().get(1).sampleSize()).isEqualTo(12);
    }
}
