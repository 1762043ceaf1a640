package dev.failforward.core.kpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Nearest-rank percentiles: sort the samples, take the one at rank {@code ceil(p / 100 * n)} (1-based). Always an
 * observed sample, never interpolated; so the median of two samples is the smaller one, p90 of ten is the ninth.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** @return the {@code p}-th percentile, or {@code null} for no samples */
    public static Duration nearestRank(List<Duration> samples, int p) {
        Objects.requireNonNull(samples, "samples");
        if (p < 1 || p > 100) {
            throw new IllegalArgumentException("p must be 1..100: " + p);
        }
        if (samples.isEmpty()) {
            return null;
        }
        List<Duration> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        int rank = (int) Math.ceil(p * (double) sorted.size() / 100.0);
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** @return the arithmetic mean, or {@code null} for no samples */
    public static Duration mean(List<Duration> samples) {
        if (samples.isEmpty()) {
            return null;
        }
        Duration sum = Duration.ZERO;
        for (Duration sample : samples) {
            sum = sum.plus(sample);
        }
        return sum.dividedBy(samples.size());
    }

    static double hours(Duration duration) {
        return duration.getSeconds() / 3600.0 + duration.getNano() / 3.6e12;
    }
}
