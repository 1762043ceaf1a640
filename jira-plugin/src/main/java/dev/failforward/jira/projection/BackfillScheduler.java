package dev.failforward.jira.projection;

import com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.lifecycle.LifecycleAware;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Objects;

/**
 * Schedules {@link BackfillJob}: nightly at 02:00 UTC as the reconcile (before the 03:00 stop-criteria check), and
 * once on demand ({@link #runNow()}, the admin's button). Both are {@link RunMode#RUN_ONCE_PER_CLUSTER}: Jira keeps
 * them in its database and runs each on one node; every node schedules the same job ids, which replaces rather than
 * adds. The job's cluster lock keeps the two from running at the same time. A third job, every
 * {@link #RESUME_EVERY} on one node, continues a run that stopped half-way because its node died ({@link #resume}).
 *
 * <p>SAL calls {@link #onStart()} on every node once Jira is up and the plugin enabled (only for components exported
 * as {@link LifecycleAware} services).
 */
@Named
@ExportAsService(LifecycleAware.class)
public class BackfillScheduler implements LifecycleAware {

    private static final Logger log = LoggerFactory.getLogger(BackfillScheduler.class);

    static final JobRunnerKey RUNNER_KEY = JobRunnerKey.of("dev.failforward.jira:backfill");
    static final JobId NIGHTLY_JOB_ID = JobId.of("dev.failforward.jira:backfill:nightly");
    static final JobId NOW_JOB_ID = JobId.of("dev.failforward.jira:backfill:now");
    static final Duration EVERY = Duration.ofDays(1);
    static final LocalTime AT = LocalTime.of(2, 0);
    static final JobRunnerKey RESUME_RUNNER_KEY = JobRunnerKey.of("dev.failforward.jira:backfill-resume");
    static final JobId RESUME_JOB_ID = JobId.of("dev.failforward.jira:backfill:resume");
    /** How often a node looks for a run that stopped half-way (its node died or stopped) and continues it. */
    static final Duration RESUME_EVERY = Duration.ofMinutes(5);

    private final SchedulerService schedulerService;
    private final BackfillJob job;
    private final BackfillProgressStore progressStore;
    private final Clock clock;
    private final Duration resumeEvery;

    @Inject
    public BackfillScheduler(@ComponentImport SchedulerService schedulerService, BackfillJob job,
                             BackfillProgressStore progressStore) {
        this(schedulerService, job, progressStore, Clock.systemUTC(), RESUME_EVERY);
    }

    /** @param resumeEvery how often to look for a half-done run to continue (hosts and tests may shorten it) */
    public BackfillScheduler(SchedulerService schedulerService, BackfillJob job, BackfillProgressStore progressStore,
                             Clock clock, Duration resumeEvery) {
        this.schedulerService = Objects.requireNonNull(schedulerService, "schedulerService");
        this.job = Objects.requireNonNull(job, "job");
        this.progressStore = Objects.requireNonNull(progressStore, "progressStore");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.resumeEvery = Objects.requireNonNull(resumeEvery, "resumeEvery");
    }

    @Override
    public void onStart() {
        schedulerService.registerJobRunner(RUNNER_KEY, job);
        schedulerService.registerJobRunner(RESUME_RUNNER_KEY, this::resume);
        try {
            schedulerService.scheduleJob(RESUME_JOB_ID, JobConfig.forJobRunnerKey(RESUME_RUNNER_KEY)
                    .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.forInterval(resumeEvery.toMillis(),
                            Date.from(clock.instant().plus(resumeEvery)))));
        } catch (SchedulerServiceException e) {
            log.error("Fail Forward backfill resume check could not be scheduled; a run stopped by a dying node waits"
                    + " for the nightly reconcile", e);
        }
        Instant firstRun = nextRunAfter(clock.instant());
        try {
            schedulerService.scheduleJob(NIGHTLY_JOB_ID, JobConfig.forJobRunnerKey(RUNNER_KEY)
                    .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.forInterval(EVERY.toMillis(), Date.from(firstRun))));
            log.info("Fail Forward nightly reconcile scheduled daily from {}", firstRun);
        } catch (SchedulerServiceException e) {
            log.error("Fail Forward nightly reconcile could not be scheduled; events still keep the failure database"
                    + " up to date, but missed ones are not repaired", e);
        }
    }

    @Override
    public void onStop() {
        schedulerService.unregisterJobRunner(RUNNER_KEY);
        schedulerService.unregisterJobRunner(RESUME_RUNNER_KEY);
    }

    /**
     * The resume check: a run whose progress says RUNNING or INTERRUPTED stopped half-way when its node died or shut
     * down (a live run holds the job's cluster lock, so the job itself ends at once then). It continues from the
     * stored checkpoint on this node: nothing skipped, and what is projected again is written once.
     */
    JobRunnerResponse resume(JobRunnerRequest request) {
        BackfillProgress.State state = progressStore.read().state();
        if (state != BackfillProgress.State.RUNNING && state != BackfillProgress.State.INTERRUPTED) {
            return JobRunnerResponse.success("no backfill to continue (" + state + ")");
        }
        return job.runJob(request);
    }

    /**
     * Asks for a run as soon as possible, on one node. Idempotent: the one-off job has a fixed id (scheduling it
     * again replaces the pending one), and a run that starts while another runs ends at once (the job's cluster
     * lock). Returns the progress as it was when asked.
     *
     * @throws SchedulerServiceException when Jira's scheduler refuses the job
     */
    public RunRequest runNow() throws SchedulerServiceException {
        BackfillProgress progress = progressStore.read();
        boolean alreadyRunning = progress.state() == BackfillProgress.State.RUNNING;
        // "run once, as soon as possible" is JobConfig's default schedule
        schedulerService.scheduleJob(NOW_JOB_ID, JobConfig.forJobRunnerKey(RUNNER_KEY)
                .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER));
        return new RunRequest(progress, alreadyRunning);
    }

    /** The progress every node sees. */
    public BackfillProgress progress() {
        return progressStore.read();
    }

    /** What {@link #runNow()} found: the progress, and whether a run was already going. */
    public record RunRequest(BackfillProgress progress, boolean alreadyRunning) {
    }

    /** The first 02:00 UTC after {@code now}. */
    static Instant nextRunAfter(Instant now) {
        ZonedDateTime today = now.atZone(ZoneOffset.UTC).with(AT);
        ZonedDateTime next = today.toInstant().isAfter(now) ? today : today.plusDays(1);
        return next.toInstant();
    }
}
