package dev.failforward.core.kpi;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened and that a KPI counts: a {@link Metric} at an instant, with a dimension ({@code ""} when the
 * metric has none) and a value (minutes for durations, 0/1 for hits, 1 otherwise). A failure record yields a handful
 * of events ({@link KpiEvents}); stores keep them per record and aggregate them per calendar month.
 */
public record KpiEvent(Metric metric, String dim, Instant at, long value) {

    public static final int MAX_DIM_LENGTH = 40;

    public KpiEvent {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(dim, "dim");
        Objects.requireNonNull(at, "at");
        if (dim.length() > MAX_DIM_LENGTH) {
            throw new IllegalArgumentException("dim longer than " + MAX_DIM_LENGTH + ": " + dim);
        }
        MonthTallies.requireSafe(dim);
        if (value < 0) {
            throw new IllegalArgumentException("value must not be negative: " + value);
        }
    }

    public static KpiEvent of(Metric metric, Instant at) {
        return new KpiEvent(metric, "", at, 1);
    }
}
