package com.atlassian.scheduler.config;

/**
 * Stand-in for {@code com.atlassian.scheduler.config.RunMode} ({@code @PublicApi} enum) from
 * {@code com.atlassian.scheduler:atlassian-scheduler-api} (Platform 8); checked against atlassian-scheduler-api 4.1.0 (decompiled, ngannk-fptu/Decompiled-Files @e0c88ec5 {@code com.atlassian.scheduler_atlassian-scheduler-api-4.1.0/
 * com/atlassian/scheduler/config/RunMode.java}): the same constants in the same order.
 */
public enum RunMode {
    /** Runs on one node of the cluster each time it triggers; the schedule is kept in the database across restarts. */
    RUN_ONCE_PER_CLUSTER,
    /** Runs on every node, from memory: scheduled again at each start. */
    RUN_LOCALLY
}
