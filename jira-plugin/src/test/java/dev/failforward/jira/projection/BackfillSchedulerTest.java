package dev.failforward.jira.projection;

import dev.failforward.host.settings.InMemoryPluginSettings;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The nightly reconcile and the on-demand run: one node each, every node scheduling the same ids. */
class BackfillSchedulerTest {

    private static final Instant NOW = Instant.parse("2026-11-21T14:30:00Z");

    private final SchedulerService scheduler = mock(SchedulerService.class);
    private final BackfillJob job = mock(BackfillJob.class);
    private final InMemoryPluginSettings settings = new InMemoryPluginSettings();
    private final BackfillProgressStore store = new BackfillProgressStore(settings.factory());
    private final BackfillScheduler backfill = new BackfillScheduler(scheduler, job, store, Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofMinutes(5));

    @Test
    void onStartRegistersTheRunnerAndSchedulesTheNightlyReconcileOncePerCluster() throws Exception {
        backfill.onStart();

        verify(scheduler).registerJobRunner(BackfillScheduler.RUNNER_KEY, job);
        verify(scheduler).scheduleJob(BackfillScheduler.NIGHTLY_JOB_ID, JobConfig.forJobRunnerKey(BackfillScheduler.RUNNER_KEY)
                .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                .withSchedule(Schedule.forInterval(86_400_000L, Date.from(Instant.parse("2026-11-22T02:00:00Z")))));
    }

    @Test
    void theNextNightlyRunIsTheNext0200Utc() {
        assertThat(BackfillScheduler.nextRunAfter(Instant.parse("2026-11-21T01:59:59Z"))).isEqualTo("2026-11-21T02:00:00Z");
        assertThat(BackfillScheduler.nextRunAfter(Instant.parse("2026-11-21T02:00:00Z"))).isEqualTo("2026-11-22T02:00:00Z");
    }

    @Test
    void aSchedulerThatRefusesIsLoggedAndTheNodeStillStarts() throws Exception {
        doThrow(new SchedulerServiceException("no scheduler")).when(scheduler).scheduleJob(any(), any());

        backfill.onStart();

        verify(scheduler).registerJobRunner(BackfillScheduler.RUNNER_KEY, job);
    }

    @Test
    void onStartAlsoSchedulesTheResumeCheckOncePerCluster() throws Exception {
        backfill.onStart();

        verify(scheduler).registerJobRunner(eq(BackfillScheduler.RESUME_RUNNER_KEY), any());
        verify(scheduler).scheduleJob(BackfillScheduler.RESUME_JOB_ID,
                JobConfig.forJobRunnerKey(BackfillScheduler.RESUME_RUNNER_KEY).withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                        .withSchedule(Schedule.forInterval(300_000L, Date.from(NOW.plusSeconds(300)))));
    }

    @Test
    void theResumeCheckContinuesOnlyARunThatStoppedHalfWay() {
        JobRunnerRequest request = mock(JobRunnerRequest.class);
        when(job.runJob(request)).thenReturn(JobRunnerResponse.success("continued"));

        assertThat(backfill.resume(request).getMessage()).isEqualTo("no backfill to continue (IDLE)");
        store.write(BackfillProgress.started(NOW).ended(BackfillProgress.State.DONE, NOW, null));
        assertThat(backfill.resume(request).getMessage()).isEqualTo("no backfill to continue (DONE)");
        verify(job, never()).runJob(request);

        store.write(BackfillProgress.started(NOW));
        assertThat(backfill.resume(request).getMessage()).isEqualTo("continued");
        store.write(BackfillProgress.started(NOW).ended(BackfillProgress.State.INTERRUPTED, NOW, null));
        backfill.resume(request);
        verify(job, times(2)).runJob(request);
    }

    @Test
    void onStopUnregistersTheRunnersOnly() {
        backfill.onStop();

        verify(scheduler).unregisterJobRunner(BackfillScheduler.RUNNER_KEY);
        verify(scheduler).unregisterJobRunner(BackfillScheduler.RESUME_RUNNER_KEY);
    }

    @Test
    void runNowSchedulesOneRunAsSoonAsPossibleOnOneNode() throws Exception {
        BackfillScheduler.RunRequest request = backfill.runNow();

        assertThat(request.alreadyRunning()).isFalse();
        assertThat(request.progress()).isEqualTo(BackfillProgress.NEVER_RUN);
        verify(scheduler).scheduleJob(eq(BackfillScheduler.NOW_JOB_ID),
                eq(JobConfig.forJobRunnerKey(BackfillScheduler.RUNNER_KEY).withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)));
    }

    @Test
    void runNowWhileARunIsGoingSaysSo() throws Exception {
        store.write(BackfillProgress.started(NOW));

        assertThat(backfill.runNow().alreadyRunning()).isTrue();
        assertThat(backfill.progress().state()).isEqualTo(BackfillProgress.State.RUNNING);
    }
}
