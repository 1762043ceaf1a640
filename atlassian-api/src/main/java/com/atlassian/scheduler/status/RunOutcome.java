package com.atlassian.scheduler.status;

/**
 * Stand-in for {@code com.atlassian.scheduler.status.RunOutcome} ({@code @PublicApi} enum) from
 * {@code com.atlassian.scheduler:atlassian-scheduler-api} (Platform 8); checked against atlassian-scheduler-api 4.1.0 (decompiled, ngannk-fptu/Decompiled-Files @e0c88ec5 {@code com.atlassian.scheduler_atlassian-scheduler-api-4.1.0/
 * com/atlassian/scheduler/status/RunOutcome.java}): the same constants in the same order.
 */
public enum RunOutcome {
    SUCCESS,
    UNAVAILABLE,
    ABORTED,
    FAILED
}
