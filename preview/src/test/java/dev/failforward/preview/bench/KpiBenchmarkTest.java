package dev.failforward.preview.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the KPI benchmark from rotting: every scenario at 2,000 records, a few calls each, with real answers. */
class KpiBenchmarkTest {

    @Test
    void everyScenarioAnswersWithEveryKpiAndTimings() throws Exception {
        List<KpiBenchmark.ScenarioResult> results = KpiBenchmark.run(2_000, 3, null);
        assertThat(results).hasSize(6).allSatisfy(result -> {
            assertThat(result.p50Millis()).isPositive().isLessThanOrEqualTo(result.p95Millis());
            assertThat(result.p95Millis()).isLessThanOrEqualTo(result.maxMillis());
            assertThat(result.bytes()).isGreaterThan(10_000);
        });
        // all 100 projects over three years have data for every KPI; one project (20 records) for most of them
        assertThat(results.get(3).kpisWithValues()).isEqualTo(dev.failforward.core.kpi.Kpi.values().length);
        assertThat(results.get(0).kpisWithValues()).isGreaterThanOrEqualTo(8);
        // a user who may not browse one project reads project by project, with answers of the same shape
        assertThat(results.get(5).kpisWithValues()).isEqualTo(dev.failforward.core.kpi.Kpi.values().length);
    }
}
