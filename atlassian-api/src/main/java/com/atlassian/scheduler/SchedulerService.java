package com.atlassian.scheduler;

import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;

/**
 * Stand-in for {@code com.atlassian.scheduler.SchedulerService} ({@code @PublicApi}) from
 * {@code com.atlassian.scheduler:atlassian-scheduler-api} (Platform 8; the version Jira 11.3 ships was not readable);
 * checked against atlassian-scheduler-api 4.1.0 (decompiled, ngannk-fptu/Decompiled-Files @e0c88ec5 {@code com.atlassian.scheduler_atlassian-scheduler-api-4.1.0/
 * com/atlassian/scheduler/SchedulerService.java}) and the 1.x Javadoc on docs.atlassian.com
 * ({@code atlassian-scheduler-api/1.6.0}: "Scheduler service for Atlassian products and their plugins"). Only the
 * members Fail Forward calls.
 */
public interface SchedulerService {
    /** Registers the runner for the key on this node; a plugin registers at start and unregisters at stop. */
    void registerJobRunner(JobRunnerKey jobRunnerKey, JobRunner jobRunner);

    void unregisterJobRunner(JobRunnerKey jobRunnerKey);

    /** Schedules the job under the id, replacing a job already scheduled with that id. */
    void scheduleJob(JobId jobId, JobConfig jobConfig) throws SchedulerServiceException;
}
