package com.atlassian.scheduler;

import java.util.Date;

/**
 * Stand-in for {@code com.atlassian.scheduler.JobRunnerRequest} ({@code @PublicApi}) from
 * {@code com.atlassian.scheduler:atlassian-scheduler-api} (Platform 8); checked against atlassian-scheduler-api 4.1.0 (decompiled, ngannk-fptu/Decompiled-Files @e0c88ec5 {@code com.atlassian.scheduler_atlassian-scheduler-api-4.1.0/
 * com/atlassian/scheduler/JobRunnerRequest.java}). The real interface also has {@code getJobId()} and
 * {@code getJobConfig()}, which Fail Forward does not call. Only the members Fail Forward calls.
 */
public interface JobRunnerRequest {
    /** When this run started. */
    Date getStartTime();

    /** True once the scheduler asks the running job to stop (e.g. the node shuts down). */
    boolean isCancellationRequested();
}
