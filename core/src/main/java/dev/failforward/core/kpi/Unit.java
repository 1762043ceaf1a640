package dev.failforward.core.kpi;

/** What a KPI value measures. */
public enum Unit {
    /** A number of things. */
    COUNT,
    /** A share between 0 and 1. */
    SHARE,
    /** A duration in hours (fractional). */
    HOURS
}
