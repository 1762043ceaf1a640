package dev.failforward.core.kpi;

/** How long one KPI period is. */
public enum Granularity {
    MONTH(1),
    QUARTER(3);

    private final int months;

    Granularity(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
