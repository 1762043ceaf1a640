package dev.failforward.core.kpi;

/** How the last complete period compares with the one before, judged by the KPI's {@link Direction}. */
public enum Trend {
    BETTER,
    WORSE,
    FLAT,
    /** One of the two periods has no value (no data, not enough answers) or fewer than two complete periods exist. */
    UNKNOWN,
    /** The KPI has no healthy direction ({@link Direction#NEUTRAL}). */
    NOT_RATED
}
