package dev.failforward.jira.stopcheck;

import com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService;
import com.atlassian.sal.api.lifecycle.LifecycleAware;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class StopCheckSchedulerTest {

    private final SchedulerService schedulerService = mock(SchedulerService.class);
    private final StopCheckJob job = mock(StopCheckJob.class);

    private StopCheckScheduler at(String now) {
        return new StopCheckScheduler(schedulerService, job, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    private JobConfig scheduledConfig() throws SchedulerServiceException {
        ArgumentCaptor<JobConfig> config = ArgumentCaptor.forClass(JobConfig.class);
        verify(schedulerService).scheduleJob(eq(JobId.of("dev.failforward.jira:stopcheck:daily")), config.capture());
        return config.getValue();
    }

    @Test
    void onStartRegistersTheRunnerThenSchedulesTheJobOncePerClusterEveryDayFromTheNext3amUtc() throws Exception {
        at("2026-11-19T15:30:00Z").onStart();

        var order = inOrder(schedulerService);
        order.verify(schedulerService).registerJobRunner(JobRunnerKey.of("dev.failforward.jira:stopcheck"), job);
        order.verify(schedulerService).scheduleJob(any(), any());
        JobConfig config = scheduledConfig();
        assertThat(config.getJobRunnerKey()).isEqualTo(JobRunnerKey.of("dev.failforward.jira:stopcheck"));
        assertThat(config.getRunMode()).isEqualTo(RunMode.RUN_ONCE_PER_CLUSTER);
        assertThat(config.getSchedule().getIntervalScheduleInfo().getIntervalInMillis())
                .isEqualTo(Duration.ofHours(24).toMillis());
        assertThat(config.getSchedule().getIntervalScheduleInfo().getFirstRunTime())
                .isEqualTo(Date.from(Instant.parse("2026-11-20T03:00:00Z")));
    }

    @Test
    void beforeThreeTheFirstRunIsToday() throws Exception {
        at("2026-11-19T02:59:59Z").onStart();

        assertThat(scheduledConfig().getSchedule().getIntervalScheduleInfo().getFirstRunTime())
                .isEqualTo(Date.from(Instant.parse("2026-11-19T03:00:00Z")));
    }

    @Test
    void atThreeSharpTheFirstRunIsTomorrow() {
        assertThat(StopCheckScheduler.nextRunAfter(Instant.parse("2026-11-19T03:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-20T03:00:00Z"));
    }

    @Test
    void everyNodeSchedulesTheSameJobWithTheSameSettings() throws Exception {
        SchedulerService otherNode = mock(SchedulerService.class);
        at("2026-11-19T15:30:00Z").onStart();
        new StopCheckScheduler(otherNode, job, Clock.fixed(Instant.parse("2026-11-19T15:31:10Z"), ZoneOffset.UTC)).onStart();

        ArgumentCaptor<JobConfig> other = ArgumentCaptor.forClass(JobConfig.class);
        verify(otherNode).scheduleJob(eq(JobId.of("dev.failforward.jira:stopcheck:daily")), other.capture());
        assertThat(other.getValue()).isEqualTo(scheduledConfig());
    }

    @Test
    void onStopUnregistersTheRunnerAndLeavesTheJobToTheOtherNodes() {
        at("2026-11-19T15:30:00Z").onStop();

        verify(schedulerService).unregisterJobRunner(JobRunnerKey.of("dev.failforward.jira:stopcheck"));
        verifyNoMoreInteractions(schedulerService);
    }

    @Test
    void aSchedulerFailureIsLoggedNotThrownAndTheRunnerStaysRegistered() throws Exception {
        doThrow(new SchedulerServiceException("database is read-only")).when(schedulerService).scheduleJob(any(), any());

        assertThatCode(() -> at("2026-11-19T15:30:00Z").onStart()).doesNotThrowAnyException();
        verify(schedulerService).registerJobRunner(JobRunnerKey.of("dev.failforward.jira:stopcheck"), job);
        verify(schedulerService, never()).unregisterJobRunner(any());
    }

    @Test
    void itIsExportedAsLifecycleAwareSoSalCallsIt() {
        ExportAsService export = StopCheckScheduler.class.getAnnotation(ExportAsService.class);

        assertThat(export).isNotNull();
        assertThat(export.value()).containsExactly(LifecycleAware.class);
        assertThat(LifecycleAware.class).isAssignableFrom(StopCheckScheduler.class);
    }
}
