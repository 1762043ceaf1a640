package dev.failforward.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiSeriesTest {

    private static final KpiEngine ENGINE = KpiEngine.defaults();

    /** Jan, Feb, Mar complete; Apr partial. */
    private static final Periods PERIODS = Periods.between(Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-04-02T00:00:00Z"), Granularity.MONTH, ZoneId.of("UTC"),
            Instant.parse("2026-04-02T00:00:00Z"));

    private static KpiSeries counts(Kpi kpi, long... counts) {
        Map<Period, Long> map = new HashMap<>();
        for (int i = 0; i < counts.length; i++) {
            map.put(PERIODS.all().get(i), counts[i]);
        }
        return ENGINE.counts(kpi, PERIODS, map);
    }

    @Test
    void upKpiComparesLastCompleteWithThePreviousIgnoringThePartialOne() {
        assertThat(counts(Kpi.EXPERIMENTS_STARTED, 1, 2, 5, 0).trend()).isEqualTo(Trend.BETTER);
        assertThat(counts(Kpi.EXPERIMENTS_STARTED, 9, 5, 2, 99).trend()).isEqualTo(Trend.WORSE);
        assertThat(counts(Kpi.EXPERIMENTS_STARTED, 0, 3, 3, 0).trend()).isEqualTo(Trend.FLAT);
    }

    @Test
    void downKpiIsBetterWhenItFalls() {
        Map<Period, Share> shares = Map.of(PERIODS.all().get(1), new Share(2, 4), PERIODS.all().get(2),
                new Share(1, 4));
        assertThat(ENGINE.shares(Kpi.RECURRENCE_RATE, PERIODS, shares).trend()).isEqualTo(Trend.BETTER);
        Map<Period, Share> worse = Map.of(PERIODS.all().get(1), new Share(0, 4), PERIODS.all().get(2),
                new Share(1, 4));
        assertThat(ENGINE.shares(Kpi.RECURRENCE_RATE, PERIODS, worse).trend()).isEqualTo(Trend.WORSE);
    }

    @Test
    void noDataOnEitherSideIsUnknownAndNeutralIsNotRated() {
        Map<Period, Share> onlyMarch = Map.of(PERIODS.all().get(2), new Share(1, 4));
        assertThat(ENGINE.shares(Kpi.RECURRENCE_RATE, PERIODS, onlyMarch).trend()).isEqualTo(Trend.UNKNOWN);
        assertThat(counts(Kpi.ACTIONS_OPENED, 1, 2, 5, 0).trend()).isEqualTo(Trend.NOT_RATED);
        Periods one = Periods.between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"),
                Granularity.MONTH, ZoneId.of("UTC"), Instant.parse("2026-02-02T00:00:00Z"));
        assertThat(ENGINE.counts(Kpi.EXPERIMENTS_STARTED, one, Map.of()).trend()).isEqualTo(Trend.UNKNOWN);
        assertThat(new KpiSeries(Kpi.EXPERIMENTS_STARTED, Direction.UP, List.of()).trend()).isEqualTo(Trend.UNKNOWN);
    }
}
