package dev.failforward.core.kpi;

import java.util.Objects;

/**
 * One period's value. {@code value} is {@code null} unless {@code status} is {@link Status#VALUE}; count KPIs always
 * have a value (zero for an empty period). {@code sampleSize} is how many facts the value stands on.
 */
public record Point(Period period, Double value, Status status, boolean partial, long sampleSize) {

    public enum Status {
        VALUE,
        /** Nothing to measure in this period. */
        NO_DATA,
        /** Sharing score: fewer answers than the anonymity threshold; the score is withheld. */
        NOT_ENOUGH_ANSWERS,
        /**
         * Sharing score over groups: the period is still open, so the score is withheld until it ends (a score that
         * changes while people answer would reveal each new answer).
         */
        PERIOD_OPEN
    }

    public Point {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(status, "status");
        if ((value != null) != (status == Status.VALUE)) {
            throw new IllegalArgumentException("a value exactly when status is VALUE: " + value + ", " + status);
        }
        if (sampleSize < 0) {
            throw new IllegalArgumentException("sampleSize must not be negative: " + sampleSize);
        }
        if (partial != period.partial()) {
            throw new IllegalArgumentException("partial must match the period's: " + period);
        }
    }

    static Point of(Period period, double value, long sampleSize) {
        return new Point(period, value, Status.VALUE, period.partial(), sampleSize);
    }

    static Point none(Period period, Status status, long sampleSize) {
        return new Point(period, null, status, period.partial(), sampleSize);
    }

    public boolean hasValue() {
        return status == Status.VALUE;
    }
}
