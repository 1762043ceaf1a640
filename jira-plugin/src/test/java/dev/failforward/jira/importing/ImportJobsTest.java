package dev.failforward.jira.importing;

import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.RunMode;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.cluster.LocalClusterLockService;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.JiraI18n;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.persistence.AoImportJobs;
import dev.failforward.jira.persistence.FailureDbSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * Background imports on the real services and database (HSQLDB, PostgreSQL): a job is stored with its files and asked
 * of the scheduler once per cluster; its run imports every file as its starter and stores each result; a node killed
 * mid-job leaves a job the next run continues from the files still waiting, with one issue per source in the end; a
 * node asked to stop leaves it running for the resume check; one job per project at a time.
 */
class ImportJobsTest {

    private AoDatabase db;
    private ImportFixture fixture;
    private AoImportJobs store;
    private final LocalClusterLockService locks = new LocalClusterLockService();
    private final SchedulerService scheduler = mock(SchedulerService.class);
    private final List<String> ranAs = new ArrayList<>();
    private final ImportRunAs runAs = new ImportRunAs() {
        @Override
        public <T> T as(String userKey, Supplier<T> work) {
            ranAs.add(userKey);
            return work.get();
        }
    };

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(FailureDbSchema.entities());
        fixture = new ImportFixture(db);
        store = new AoImportJobs(db.activeObjects());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ImportJobs jobs(ImportService service) {
        return new ImportJobs(service, store, fixture.permissions, runAs, locks, scheduler, JiraI18n.english(),
                Clock.fixed(ImportFixture.NOW, ZoneOffset.UTC));
    }

    private ImportJobs node() {
        return jobs(fixture.service(locks, null));
    }

    private static JobRunnerRequest request(Supplier<Boolean> stop) {
        return new JobRunnerRequest() {
            @Override
            public Date getStartTime() {
                return Date.from(ImportFixture.NOW);
            }

            @Override
            public boolean isCancellationRequested() {
                return stop.get();
            }
        };
    }

    @Test
    void aJobIsStoredScheduledOncePerClusterAndImportsEveryFileAsItsStarter() throws Exception {
        ImportJobs jobs = node();
        ImportJobStore.Job job = jobs.start("ops", ImportFixture.batch(60), ZoneOffset.UTC, null);

        assertThat(job.state()).isEqualTo(ImportJobStore.State.QUEUED);
        assertThat(job.projectKey()).isEqualTo("OPS");
        assertThat(job.startedBy()).isEqualTo(ImportFixture.IMPORTER);
        assertThat(job.filesTotal()).isEqualTo(60);
        ArgumentCaptor<JobConfig> config = ArgumentCaptor.forClass(JobConfig.class);
        verify(scheduler).scheduleJob(eq(ImportJobs.NOW_JOB_ID), config.capture());
        assertThat(config.getValue().getRunMode()).isEqualTo(RunMode.RUN_ONCE_PER_CLUSTER);
        assertThat(config.getValue().getJobRunnerKey()).isEqualTo(ImportJobs.RUNNER_KEY);

        jobs.runJob(request(() -> false));

        ImportJobs.Status status = jobs.status(job.jobKey()).orElseThrow();
        assertThat(status.job().state()).isEqualTo(ImportJobStore.State.DONE);
        assertThat(status.job().filesDone()).isEqualTo(60);
        assertThat(status.job().finishedAt()).isEqualTo(ImportFixture.NOW);
        assertThat(status.files()).hasSize(60).extracting(ImportService.FileReport::outcome)
                .containsOnly(ImportService.Outcome.CREATED);
        assertThat(status.files().get(0).name()).isEqualTo("pm-1.md");
        assertThat(status.files().get(0).found()).isNotEmpty();
        assertThat(fixture.issues.in("OPS")).hasSize(60);
        assertThat(Set.copyOf(ranAs)).containsExactly(ImportFixture.IMPORTER);
        assertThat(store.unfinished()).isEmpty();
    }

    @Test
    void aNodeKilledMidJobLeavesTheRestToTheNextRunAndNoDuplicate() {
        List<ImportService.SourceFile> files = ImportFixture.batch(8);
        ImportJobs dying = jobs(fixture.service(locks, ImportFixture.Step.AFTER_CREATE, 4));
        ImportJobStore.Job job = dying.start("OPS", files, ZoneOffset.UTC, null);

        assertThatThrownBy(() -> dying.runJob(request(() -> false))).isInstanceOf(ImportFixture.Crash.class);
        ImportJobStore.Job halfway = store.find(job.jobKey()).orElseThrow();
        assertThat(halfway.state()).isEqualTo(ImportJobStore.State.RUNNING);
        assertThat(halfway.filesDone()).isEqualTo(3);

        ImportJobs other = node(); // another node's resume check
        other.runJob(request(() -> false));

        ImportJobs.Status status = other.status(job.jobKey()).orElseThrow();
        assertThat(status.job().state()).isEqualTo(ImportJobStore.State.DONE);
        assertThat(status.job().filesDone()).isEqualTo(8);
        assertThat(status.files()).hasSize(8).extracting(ImportService.FileReport::outcome)
                .doesNotContain(ImportService.Outcome.FAILED);
        assertThat(fixture.issues.in("OPS")).hasSize(8);
    }

    @Test
    void aNodeAskedToStopLeavesTheJobRunningForTheResumeCheck() {
        ImportJobs jobs = node();
        ImportJobStore.Job job = jobs.start("OPS", ImportFixture.batch(5), ZoneOffset.UTC, null);
        AtomicInteger asked = new AtomicInteger();

        jobs.runJob(request(() -> asked.incrementAndGet() > 3));

        ImportJobStore.Job stopped = store.find(job.jobKey()).orElseThrow();
        assertThat(stopped.state()).isEqualTo(ImportJobStore.State.RUNNING);
        assertThat(stopped.filesDone()).isBetween(1, 4);
        node().runJob(request(() -> false));
        assertThat(store.find(job.jobKey()).orElseThrow().filesDone()).isEqualTo(5);
        assertThat(fixture.issues.in("OPS")).hasSize(5);
    }

    @Test
    void oneJobPerProjectAtATimeAndBadInputNamesTheField() {
        ImportJobs jobs = node();
        ImportJobStore.Job first = jobs.start("OPS", ImportFixture.batch(2), ZoneOffset.UTC, null);

        assertThatThrownBy(() -> jobs.start("OPS", ImportFixture.batch(2), ZoneOffset.UTC, null))
                .isInstanceOfSatisfying(FailureDbException.BadField.class, e -> {
                    assertThat(e.field()).isEqualTo("project");
                    assertThat(e.code()).isEqualTo("busy");
                    assertThat(e.arguments()).contains(first.jobKey());
                });
        assertThat(jobs.start("SEC", ImportFixture.batch(2), ZoneOffset.UTC, null).projectKey()).isEqualTo("SEC");
        assertThatThrownBy(() -> jobs.start("OPS", List.of(), ZoneOffset.UTC, null))
                .isInstanceOfSatisfying(FailureDbException.BadField.class, e -> assertThat(e.field()).isEqualTo("files"));
        assertThatThrownBy(() -> jobs.start("NOPE", ImportFixture.batch(1), ZoneOffset.UTC, null))
                .isInstanceOf(FailureDbException.FieldDenied.class);
        assertThatThrownBy(() -> jobs.start("CARE", ImportFixture.batch(1), ZoneOffset.UTC,
                java.util.Map.of("nonsense", "Column")))
                .isInstanceOfSatisfying(FailureDbException.BadField.class, e -> assertThat(e.field()).isEqualTo("mapping"));

        node().runJob(request(() -> false));
        assertThat(jobs.start("OPS", ImportFixture.batch(3), ZoneOffset.UTC, null).state())
                .isEqualTo(ImportJobStore.State.QUEUED); // the first one is done
        assertThat(jobs.status("no-such-job")).isEmpty();
    }

    @Test
    void theSchedulerRegistersTheRunnerAndAResumeCheckOncePerCluster() throws Exception {
        ImportJobs jobs = node();
        ImportJobScheduler jobScheduler = new ImportJobScheduler(scheduler, jobs,
                Clock.fixed(ImportFixture.NOW, ZoneOffset.UTC));

        jobScheduler.onStart();

        verify(scheduler).registerJobRunner(ImportJobs.RUNNER_KEY, jobs);
        ArgumentCaptor<JobConfig> config = ArgumentCaptor.forClass(JobConfig.class);
        verify(scheduler).scheduleJob(eq(ImportJobScheduler.RESUME_JOB_ID), config.capture());
        assertThat(config.getValue().getRunMode()).isEqualTo(RunMode.RUN_ONCE_PER_CLUSTER);
        jobScheduler.onStop();
        verify(scheduler).unregisterJobRunner(ImportJobs.RUNNER_KEY);
    }
}
