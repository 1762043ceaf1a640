package com.atlassian.scheduler;

/**
 * Stand-in for {@code com.atlassian.scheduler.JobRunner} ({@code @PublicSpi}) from
 * {@code com.atlassian.scheduler:atlassian-scheduler-api} (Platform 8); checked against atlassian-scheduler-api 4.1.0 (decompiled, ngannk-fptu/Decompiled-Files @e0c88ec5 {@code com.atlassian.scheduler_atlassian-scheduler-api-4.1.0/
 * com/atlassian/scheduler/JobRunner.java}). The result may be {@code null} (treated as success).
 */
public interface JobRunner {
    JobRunnerResponse runJob(JobRunnerRequest request);
}
