package dev.failforward.jira.importing;

import com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.lifecycle.LifecycleAware;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;

/**
 * Registers {@link ImportJobs} with Jira's scheduler on every node, and schedules the resume check: every
 * {@link #RESUME_EVERY}, {@link RunMode#RUN_ONCE_PER_CLUSTER}, the same runner continues any job that is not done (one
 * whose node died, stopped, or found the project busy). Every node schedules the same job id, which replaces rather
 * than adds. SAL calls {@link #onStart()} once Jira is up and the plugin enabled.
 */
@Named
@ExportAsService(LifecycleAware.class)
public class ImportJobScheduler implements LifecycleAware {

    private static final Logger log = LoggerFactory.getLogger(ImportJobScheduler.class);

    static final JobId RESUME_JOB_ID = JobId.of("dev.failforward.jira:import-jobs:resume");
    static final Duration RESUME_EVERY = Duration.ofMinutes(1);

    private final SchedulerService scheduler;
    private final ImportJobs jobs;
    private final Clock clock;

    @Inject
    public ImportJobScheduler(@ComponentImport SchedulerService scheduler, ImportJobs jobs) {
        this(scheduler, jobs, Clock.systemUTC());
    }

    public ImportJobScheduler(SchedulerService scheduler, ImportJobs jobs, Clock clock) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onStart() {
        scheduler.registerJobRunner(ImportJobs.RUNNER_KEY, jobs);
        try {
            scheduler.scheduleJob(RESUME_JOB_ID, JobConfig.forJobRunnerKey(ImportJobs.RUNNER_KEY)
                    .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.forInterval(RESUME_EVERY.toMillis(),
                            Date.from(clock.instant().plus(RESUME_EVERY)))));
        } catch (SchedulerServiceException e) {
            log.error("Fail Forward import jobs' resume check could not be scheduled; a job stopped by a dying node"
                    + " continues only when another job is started", e);
        }
    }

    @Override
    public void onStop() {
        scheduler.unregisterJobRunner(ImportJobs.RUNNER_KEY);
    }
}
