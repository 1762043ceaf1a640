package dev.failforward.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MonthTalliesTest {

    private static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");

    @Test
    void addsTakesAwayAndRoundTripsThroughText() {
        MonthTallies tallies = new MonthTallies();
        tallies.add(KpiEvent.of(Metric.EXPERIMENT_STARTED, AT), 1);
        tallies.add(KpiEvent.of(Metric.EXPERIMENT_STARTED, AT), 1);
        tallies.add(new KpiEvent(Metric.REPORTED, "61", AT, 67), 1);
        tallies.add(new KpiEvent(Metric.FAILURE_TYPE, "BASIC", AT, 1), 1);
        assertThat(tallies.encode()).isEqualTo("exp_start,,2,2;inc_report,61,1,67;inc_type,BASIC,1,1");
        assertThat(MonthTallies.decode(tallies.encode())).isEqualTo(tallies);

        tallies.add(new KpiEvent(Metric.FAILURE_TYPE, "BASIC", AT, 1), -1);
        assertThat(tallies.encode()).as("a total at zero disappears").isEqualTo("exp_start,,2,2;inc_report,61,1,67");
        MonthTallies removeAll = MonthTallies.decode(tallies.encode());
        MonthTallies minus = new MonthTallies();
        minus.add(KpiEvent.of(Metric.EXPERIMENT_STARTED, AT), -1);
        minus.add(KpiEvent.of(Metric.EXPERIMENT_STARTED, AT), -1);
        minus.add(new KpiEvent(Metric.REPORTED, "61", AT, 67), -1);
        removeAll.addAll(minus);
        assertThat(removeAll.isEmpty()).isTrue();
        minus.add(KpiEvent.of(Metric.ACTION_OPENED, AT), 0);
        assertThat(minus.hasNegative()).isTrue();
    }

    @Test
    void readsOnlyTheMetricsAskedFor() {
        MonthTallies tallies = new MonthTallies();
        tallies.add(KpiEvent.of(Metric.EXPERIMENT_STARTED, AT), 1);
        tallies.add(new KpiEvent(Metric.REPORTED, "61", AT, 67), 1);
        List<String> read = new ArrayList<>();
        MonthTallies.decode(tallies.encode(), Set.of("inc_report"),
                (metric, dim, count, sum) -> read.add(metric + "/" + dim + "/" + count + "/" + sum));
        assertThat(read).containsExactly("REPORTED/61/1/67");
    }

    @Test
    void aDimensionWithASeparatorIsRefused() {
        assertThatThrownBy(() -> new KpiEvent(Metric.FAILURE_TYPE, "A;B", AT, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MonthTallies.decode("exp_start,1")).isInstanceOf(IllegalArgumentException.class);
    }
}
