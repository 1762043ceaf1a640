package dev.failforward.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurationBinsTest {

    @Test
    void minutesUnderAnHourAreExact() {
        for (int m = 0; m < 60; m++) {
            assertThat(DurationBins.representativeMinutes(DurationBins.bin(m))).isEqualTo(m);
        }
    }

    @Test
    void everyDurationLiesWithinHalfItsBinOfItsRepresentative() {
        long[] widths = {1, 5, 30, 360, 1440};
        long[] from = {0, 60, 360, 2880, 43200};
        for (long m = 0; m < 200_000; m += 7) {
            int tier = 4;
            while (m < from[tier]) {
                tier--;
            }
            double error = Math.abs(DurationBins.representativeMinutes(DurationBins.bin(m)) - m);
            assertThat(error).as("minutes %d", m).isLessThanOrEqualTo(widths[tier] / 2.0);
        }
    }

    @Test
    void binsGrowWithTheDurationAndCapAtTenYears() {
        assertThat(DurationBins.bin(59)).isEqualTo(59);
        assertThat(DurationBins.bin(60)).isEqualTo(60);
        assertThat(DurationBins.bin(64)).isEqualTo(60);
        assertThat(DurationBins.bin(65)).isEqualTo(61);
        assertThat(DurationBins.bin(-5)).isEqualTo(0);
        assertThat(DurationBins.bin(Long.MAX_VALUE)).isEqualTo(DurationBins.bin(DurationBins.MAX_MINUTES));
        int previous = -1;
        for (long m = 0; m < 100_000; m += 13) {
            assertThat(DurationBins.bin(m)).isGreaterThanOrEqualTo(previous);
            previous = DurationBins.bin(m);
        }
        assertThatThrownBy(() -> DurationBins.representativeMinutes(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
