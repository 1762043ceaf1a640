package dev.failforward.core.kpi;

import java.util.List;
import java.util.Objects;

/** A KPI's points, one per period in order, empty periods included. */
public record KpiSeries(Kpi kpi, Direction direction, List<Point> points) {

    public KpiSeries {
        Objects.requireNonNull(kpi, "kpi");
        Objects.requireNonNull(direction, "direction");
        points = List.copyOf(points);
    }

    KpiSeries(Kpi kpi, List<Point> points) {
        this(kpi, kpi.direction(), points);
    }

    /**
     * Compares the last complete (not partial) period with the period right before it: BETTER when the value moved in
     * the healthy direction, WORSE when against it, FLAT when equal; UNKNOWN when either has no value or there are
     * fewer than two complete periods; NOT_RATED for a {@link Direction#NEUTRAL} KPI.
     */
    public Trend trend() {
        if (direction == Direction.NEUTRAL) {
            return Trend.NOT_RATED;
        }
        int last = points.size() - 1;
        while (last >= 0 && points.get(last).partial()) {
            last--;
        }
        if (last < 1) {
            return Trend.UNKNOWN;
        }
        Point current = points.get(last);
        Point previous = points.get(last - 1);
        if (!current.hasValue() || !previous.hasValue()) {
            return Trend.UNKNOWN;
        }
        int compare = Double.compare(current.value(), previous.value());
        if (compare == 0) {
            return Trend.FLAT;
        }
        return (compare > 0) == (direction == Direction.UP) ? Trend.BETTER : Trend.WORSE;
    }
}
