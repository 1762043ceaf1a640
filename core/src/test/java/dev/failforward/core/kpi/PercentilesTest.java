package dev.failforward.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static List<Duration> hours(int... hours) {
        return IntStream.of(hours).mapToObj(Duration::ofHours).toList();
    }

    @Test
    void oneSampleIsEveryPercentile() {
        assertThat(Percentiles.nearestRank(hours(7), 50)).isEqualTo(Duration.ofHours(7));
        assertThat(Percentiles.nearestRank(hours(7), 90)).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void twoSamplesMedianIsTheSmallerP90TheLarger() {
        assertThat(Percentiles.nearestRank(hours(10, 2), 50)).isEqualTo(Duration.ofHours(2));
        assertThat(Percentiles.nearestRank(hours(10, 2), 90)).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void tenSamplesUnsorted() {
        List<Duration> samples = hours(9, 1, 10, 3, 2, 8, 4, 7, 5, 6);

        assertThat(Percentiles.nearestRank(samples, 50)).isEqualTo(Duration.ofHours(5));
        assertThat(Percentiles.nearestRank(samples, 90)).isEqualTo(Duration.ofHours(9));
        assertThat(Percentiles.nearestRank(samples, 100)).isEqualTo(Duration.ofHours(10));
        assertThat(Percentiles.nearestRank(hours(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100), 90))
                .isEqualTo(Duration.ofHours(10));
    }

    @Test
    void noSamplesNoValue() {
        assertThat(Percentiles.nearestRank(List.of(), 50)).isNull();
        assertThat(Percentiles.mean(List.of())).isNull();
        assertThat(Percentiles.mean(hours(1, 2))).isEqualTo(Duration.ofMinutes(90));
    }
}
