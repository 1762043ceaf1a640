package dev.failforward.core.kpi;

/** What a KPI value measures. */
public enum Unit {
    /** A number of things. */
    COUNT,
    /** A share between 0 and 1. */
    SHARE,
    /** A duration in hours (fractional). */
    HOURS,
    /** How many of one thing per another, e.g. learnings reused per failure (fractional, 0 or more). */
    RATIO
}
