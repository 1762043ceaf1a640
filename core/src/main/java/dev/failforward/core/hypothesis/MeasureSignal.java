package dev.failforward.core.hypothesis;

/** Evidence found in the expected outcome that it can be measured. */
public enum MeasureSignal {
    /** A figure: "15%", "4.5", "2", "two", "zero", "half"; not one that only dates the outcome ("in 2026"). */
    NUMBER,
    /** A change: "drop", "rise", "reduce", "fewer", "double", "goes down". */
    DIRECTION,
    /** Something countable: "conversion", "p95 latency", "tickets", "readmissions", "per month". */
    METRIC,
    /** A bound: "below", "at least", "more than", "within", "&lt;". */
    THRESHOLD,
    /** When to look: "per week", "within 30 days", "by Q3", "in two sprints", "monthly". */
    TIMEFRAME
}
