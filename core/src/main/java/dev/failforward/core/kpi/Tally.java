package dev.failforward.core.kpi;

/** How many events and the sum of their values: what a store aggregates per metric, dimension and period. */
public record Tally(long count, long sum) {

    public static final Tally NONE = new Tally(0, 0);

    public Tally {
        if (count < 0 || sum < 0) {
            throw new IllegalArgumentException("count and sum must not be negative: " + count + ", " + sum);
        }
    }

    public Tally plus(Tally other) {
        return new Tally(count + other.count, sum + other.sum);
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
