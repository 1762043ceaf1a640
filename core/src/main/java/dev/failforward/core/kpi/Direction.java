package dev.failforward.core.kpi;

/** Which way a KPI moves when the culture gets healthier; NEUTRAL when neither way is better. */
public enum Direction {
    UP,
    DOWN,
    NEUTRAL
}
