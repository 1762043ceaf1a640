package dev.failforward.preview.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the write benchmark from rotting: a second of writes from two writers, applied to the KPIs afterwards. */
class WriteBenchmarkTest {

    @Test
    void writesLearningsConcurrentlyAndTheKpisCatchUp() throws Exception {
        WriteBenchmark.Result result = WriteBenchmark.run(50, 2, Duration.ofSeconds(1));
        assertThat(result.learningsBefore()).isEqualTo(50);
        assertThat(result.writes()).isPositive();
        assertThat(result.writesPerSecond()).isPositive();
        assertThat(result.p50Millis()).isPositive().isLessThanOrEqualTo(result.p95Millis());
        assertThat(result.refused()).as("inserts never conflict").isZero();
        assertThat(result.catchUpMillis()).isNotNegative();
    }
}
