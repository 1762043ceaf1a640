package dev.failforward.jira.reminder;

import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** The reminders run daily at 06:00 and the digest on Mondays at 07:00, instance zone, once per cluster. */
class FollowUpSchedulerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final SchedulerService scheduler = mock(SchedulerService.class);
    private final FollowUpReminderJob reminders = mock(FollowUpReminderJob.class);
    private final WeeklyDigestJob digest = mock(WeeklyDigestJob.class);

    private JobConfig scheduled(String jobId) throws Exception {
        ArgumentCaptor<JobConfig> config = ArgumentCaptor.forClass(JobConfig.class);
        verify(scheduler).scheduleJob(eq(JobId.of(jobId)), config.capture());
        return config.getValue();
    }

    @Test
    void onStartRegistersBothRunnersAndSchedulesThemOncePerCluster() throws Exception {
        // Wednesday 2026-12-09 10:00 in Berlin
        new FollowUpScheduler(scheduler, reminders, digest, Clock.fixed(Instant.parse("2026-12-09T09:00:00Z"), BERLIN))
                .onStart();

        verify(scheduler).registerJobRunner(JobRunnerKey.of("dev.failforward.jira:followup-reminders"), reminders);
        verify(scheduler).registerJobRunner(JobRunnerKey.of("dev.failforward.jira:weekly-digest"), digest);
        JobConfig daily = scheduled("dev.failforward.jira:followup-reminders:daily");
        assertThat(daily.getRunMode()).isEqualTo(RunMode.RUN_ONCE_PER_CLUSTER);
        assertThat(daily.getSchedule().getIntervalScheduleInfo().getIntervalInMillis()).isEqualTo(Duration.ofDays(1).toMillis());
        assertThat(daily.getSchedule().getIntervalScheduleInfo().getFirstRunTime())
                .isEqualTo(Date.from(Instant.parse("2026-12-10T05:00:00Z")));
        JobConfig weekly = scheduled("dev.failforward.jira:weekly-digest:weekly");
        assertThat(weekly.getRunMode()).isEqualTo(RunMode.RUN_ONCE_PER_CLUSTER);
        assertThat(weekly.getSchedule().getIntervalScheduleInfo().getIntervalInMillis()).isEqualTo(Duration.ofDays(7).toMillis());
        assertThat(weekly.getSchedule().getIntervalScheduleInfo().getFirstRunTime())
                .as("next Monday 07:00 Berlin").isEqualTo(Date.from(Instant.parse("2026-12-14T06:00:00Z")));

        new FollowUpScheduler(scheduler, reminders, digest, Clock.systemUTC()).onStop();
        verify(scheduler).unregisterJobRunner(JobRunnerKey.of("dev.failforward.jira:followup-reminders"));
        verify(scheduler).unregisterJobRunner(JobRunnerKey.of("dev.failforward.jira:weekly-digest"));
    }

    @Test
    void onAMondayBeforeSevenTheDigestRunsThatMorning() {
        assertThat(FollowUpScheduler.nextWeekly(Instant.parse("2026-12-07T05:59:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-12-07T06:00:00Z"));
        assertThat(FollowUpScheduler.nextWeekly(Instant.parse("2026-12-07T06:00:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-12-14T06:00:00Z"));
        assertThat(FollowUpScheduler.nextDaily(Instant.parse("2026-12-07T04:59:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-12-07T05:00:00Z"));
    }
}
