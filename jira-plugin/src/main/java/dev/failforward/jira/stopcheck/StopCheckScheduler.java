package dev.failforward.jira.stopcheck;

import com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.lifecycle.LifecycleAware;
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
 * Runs {@link StopCheckJob} once a day at 03:00 UTC, on one node of the cluster.
 *
 * <p>On start (SAL calls {@link #onStart()} on every node, once Jira is up and the plugin enabled; only for components
 * exported as OSGi services, hence {@code @ExportAsService}) this node registers the job's runner and schedules the job:
 * {@link RunMode#RUN_ONCE_PER_CLUSTER}, so Jira keeps the schedule in its database and each run happens on one node,
 * every 24 hours from the next 03:00 UTC. Every node schedules the same {@link #JOB_ID} with the same settings, which
 * replaces the job rather than adding one, so N nodes starting give one daily job. On stop the node unregisters its
 * runner; the job stays scheduled for the other nodes.
 */
@Named
@ExportAsService(LifecycleAware.class)
public class StopCheckScheduler implements LifecycleAware {

    private static final Logger log = LoggerFactory.getLogger(StopCheckScheduler.class);

    static final JobRunnerKey RUNNER_KEY = JobRunnerKey.of("dev.failforward.jira:stopcheck");
    static final JobId JOB_ID = JobId.of("dev.failforward.jira:stopcheck:daily");
    static final Duration EVERY = Duration.ofDays(1);
    static final LocalTime AT = LocalTime.of(3, 0);

    private final SchedulerService schedulerService;
    private final StopCheckJob job;
    private final Clock clock;

    @Inject
    public StopCheckScheduler(@ComponentImport SchedulerService schedulerService, StopCheckJob job) {
        this(schedulerService, job, Clock.systemUTC());
    }

    StopCheckScheduler(SchedulerService schedulerService, StopCheckJob job, Clock clock) {
        this.schedulerService = Objects.requireNonNull(schedulerService, "schedulerService");
        this.job = Objects.requireNonNull(job, "job");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onStart() {
        schedulerService.registerJobRunner(RUNNER_KEY, job);
        Instant firstRun = nextRunAfter(clock.instant());
        try {
            schedulerService.scheduleJob(JOB_ID, JobConfig.forJobRunnerKey(RUNNER_KEY)
                    .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.forInterval(EVERY.toMillis(), Date.from(firstRun))));
            log.info("Fail Forward stop-criteria check scheduled daily from {}", firstRun);
        } catch (SchedulerServiceException e) {
            // the plugin works without it; the next start tries again
            log.error("Fail Forward stop-criteria check could not be scheduled; stop criteria are not checked daily", e);
        }
    }

    @Override
    public void onStop() {
        schedulerService.unregisterJobRunner(RUNNER_KEY);
    }

    /** The first 03:00 UTC after {@code now}. */
    static Instant nextRunAfter(Instant now) {
        ZonedDateTime today = now.atZone(ZoneOffset.UTC).with(AT);
        ZonedDateTime next = today.toInstant().isAfter(now) ? today : today.plusDays(1);
        return next.toInstant();
    }
}
