package dev.failforward.jira.reminder;

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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.Objects;

/**
 * Schedules the daily follow-up reminders (06:00) and the weekly digest (Mondays 07:00), in the instance's zone, each
 * {@link RunMode#RUN_ONCE_PER_CLUSTER} as {@code stopcheck.StopCheckScheduler} does: every node registers the runners
 * and schedules the same job ids on start, which replaces rather than adds, so N nodes give one daily and one weekly job.
 * The interval is fixed (24 hours, 7 days) from the first run, so a daylight-saving change moves the hour by one until
 * the next start; the claims ({@link dev.failforward.jira.persistence.AoReminderClaims}) keep a run that comes twice in
 * a day from mailing twice.
 */
@Named
@ExportAsService(LifecycleAware.class)
public class FollowUpScheduler implements LifecycleAware {

    private static final Logger log = LoggerFactory.getLogger(FollowUpScheduler.class);

    static final JobRunnerKey REMINDER_RUNNER = JobRunnerKey.of("dev.failforward.jira:followup-reminders");
    static final JobId REMINDER_JOB = JobId.of("dev.failforward.jira:followup-reminders:daily");
    static final JobRunnerKey DIGEST_RUNNER = JobRunnerKey.of("dev.failforward.jira:weekly-digest");
    static final JobId DIGEST_JOB = JobId.of("dev.failforward.jira:weekly-digest:weekly");
    static final LocalTime REMINDER_AT = LocalTime.of(6, 0);
    static final LocalTime DIGEST_AT = LocalTime.of(7, 0);

    private final SchedulerService scheduler;
    private final FollowUpReminderJob reminders;
    private final WeeklyDigestJob digest;
    private final Clock clock;

    @Inject
    public FollowUpScheduler(@ComponentImport SchedulerService scheduler, FollowUpReminderJob reminders,
                             WeeklyDigestJob digest) {
        this(scheduler, reminders, digest, Clock.systemDefaultZone());
    }

    FollowUpScheduler(SchedulerService scheduler, FollowUpReminderJob reminders, WeeklyDigestJob digest, Clock clock) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.reminders = Objects.requireNonNull(reminders, "reminders");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onStart() {
        scheduler.registerJobRunner(REMINDER_RUNNER, reminders);
        scheduler.registerJobRunner(DIGEST_RUNNER, digest);
        schedule(REMINDER_JOB, REMINDER_RUNNER, Duration.ofDays(1), nextDaily(clock.instant(), clock.getZone()), "reminders");
        schedule(DIGEST_JOB, DIGEST_RUNNER, Duration.ofDays(7), nextWeekly(clock.instant(), clock.getZone()), "digest");
    }

    @Override
    public void onStop() {
        scheduler.unregisterJobRunner(REMINDER_RUNNER);
        scheduler.unregisterJobRunner(DIGEST_RUNNER);
    }

    private void schedule(JobId id, JobRunnerKey runner, Duration every, Instant first, String what) {
        try {
            scheduler.scheduleJob(id, JobConfig.forJobRunnerKey(runner).withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.forInterval(every.toMillis(), Date.from(first))));
            log.info("Fail Forward follow-up {} scheduled every {} from {}", what, every, first);
        } catch (SchedulerServiceException e) {
            log.error("Fail Forward follow-up {} could not be scheduled; the next start tries again", what, e);
        }
    }

    /** The first 06:00 in {@code zone} after {@code now}. */
    static Instant nextDaily(Instant now, ZoneId zone) {
        ZonedDateTime today = now.atZone(zone).with(REMINDER_AT);
        return (today.toInstant().isAfter(now) ? today : today.plusDays(1)).toInstant();
    }

    /** The first Monday 07:00 in {@code zone} after {@code now}. */
    static Instant nextWeekly(Instant now, ZoneId zone) {
        ZonedDateTime monday = now.atZone(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(DIGEST_AT);
        return (monday.toInstant().isAfter(now) ? monday : monday.plusWeeks(1)).toInstant();
    }
}
