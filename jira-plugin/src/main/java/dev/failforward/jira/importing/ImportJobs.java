package dev.failforward.jira.importing;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.jira.failuredb.FailureDbException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Background imports for large batches: a batch of more than {@value #BACKGROUND_ABOVE} files (or one the caller asks
 * to run in the background) is stored with its files ({@link ImportJobStore}) and imported by a scheduled job, file by
 * file through {@link ImportService} as the user who started it, each file's results stored as it finishes.
 * <ul>
 *   <li><b>Cluster-safe</b>: the job is {@link RunMode#RUN_ONCE_PER_CLUSTER} (Jira runs it on one node), and each
 *       import job is worked on under its own cluster lock, so two nodes never import the same job's files at once;
 *       each file takes the project's import lock as any import does.</li>
 *   <li><b>Resumable</b>: what is stored is the truth. A node that dies or stops mid-job leaves the job RUNNING with
 *       its remaining files waiting; {@link ImportJobScheduler}'s resume check (every minute, on one node) continues it
 *       from there. A file interrupted half-way is imported again, which is safe: the import is idempotent by source
 *       key and a crash never leaves a duplicate ({@link PendingImports}).</li>
 *   <li><b>One job per project</b> at a time: a second start while one is queued or running is refused.</li>
 * </ul>
 */
@Named
public class ImportJobs implements JobRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Batches with more files than this run in the background. */
    public static final int BACKGROUND_ABOVE = 50;
    static final JobRunnerKey RUNNER_KEY = JobRunnerKey.of("dev.failforward.jira:import-jobs");
    static final JobId NOW_JOB_ID = JobId.of("dev.failforward.jira:import-jobs:now");
    static final long START_LOCK_SECONDS = 10;

    /** A job and the per-file results stored so far (file order). */
    public record Status(ImportJobStore.Job job, List<ImportService.FileReport> files) {
    }

    private final ImportService imports;
    private final ImportJobStore store;
    private final ImportPermissions permissions;
    private final ImportRunAs runAs;
    private final ClusterLockService locks;
    private final SchedulerService scheduler;
    private final I18nResolver i18n;
    private final Clock clock;

    @Inject
    public ImportJobs(ImportService imports, ImportJobStore store, ImportPermissions permissions, ImportRunAs runAs,
                      @ComponentImport ClusterLockService locks, @ComponentImport SchedulerService scheduler,
                      @ComponentImport I18nResolver i18n) {
        this(imports, store, permissions, runAs, locks, scheduler, i18n, Clock.systemUTC());
    }

    public ImportJobs(ImportService imports, ImportJobStore store, ImportPermissions permissions, ImportRunAs runAs,
                      ClusterLockService locks, SchedulerService scheduler, I18nResolver i18n, Clock clock) {
        this.imports = Objects.requireNonNull(imports, "imports");
        this.store = Objects.requireNonNull(store, "store");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.runAs = Objects.requireNonNull(runAs, "runAs");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores the batch as a job of the current user and asks the scheduler to run it as soon as possible.
     *
     * @throws FailureDbException.BadField    {@code project} missing or busy with another job; {@code files} empty or too
     *                                        many; {@code mapping} invalid
     * @throws FailureDbException.FieldDenied {@code project}: the user may not import there
     */
    public ImportJobStore.Job start(String projectKey, List<ImportService.SourceFile> files, ZoneId zone,
                                    Map<String, String> mapping) {
        String project = imports.mayImport(projectKey);
        ImportService.requireFiles(files);
        ImportService.requireValidMapping(mapping);
        ClusterLock lock = locks.getLockForName("dev.failforward.jira:import-start:" + project);
        if (!tryLock(lock, START_LOCK_SECONDS)) {
            throw new FailureDbException.BadField("project", "busy", "failforward.import.error.busy", project);
        }
        ImportJobStore.Job job;
        try {
            Optional<ImportJobStore.Job> running = store.unfinishedIn(project);
            if (running.isPresent()) {
                throw new FailureDbException.BadField("project", "busy", "failforward.import.error.job.busy", project,
                        running.get().jobKey());
            }
            job = store.create(UUID.randomUUID().toString(), project, permissions.currentUserKey(), clock.instant(),
                    (zone == null ? ZoneId.of("UTC") : zone).getId(), mapping, files);
        } finally {
            lock.unlock();
        }
        try {
            // "run once, as soon as possible" is JobConfig's default schedule; the fixed id replaces a pending run
            scheduler.scheduleJob(NOW_JOB_ID, JobConfig.forJobRunnerKey(RUNNER_KEY)
                    .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER));
        } catch (SchedulerServiceException e) {
            log.warn("Fail Forward could not schedule import job {} now; the resume check starts it", job.jobKey(), e);
        }
        return job;
    }

    /** The job and its results so far; who may read it is the caller's to check (the starter or an administrator). */
    public Optional<Status> status(String jobKey) {
        return store.find(jobKey).map(job -> new Status(job, store.results(jobKey).stream()
                .flatMap(json -> parse(json).stream()).toList()));
    }

    /** The scheduler's run: every unfinished job in turn, each under its own cluster lock. */
    @Override
    public JobRunnerResponse runJob(JobRunnerRequest request) {
        int worked = 0;
        for (ImportJobStore.Job job : store.unfinished()) {
            if (request != null && request.isCancellationRequested()) {
                return JobRunnerResponse.aborted("stopped on request; the resume check continues the imports");
            }
            if (work(job, request)) {
                worked++;
            }
        }
        return JobRunnerResponse.success("worked on " + worked + " import jobs");
    }

    /** Imports the job's waiting files; false when another node works on it. */
    boolean work(ImportJobStore.Job job, JobRunnerRequest request) {
        ClusterLock lock = locks.getLockForName("dev.failforward.jira:import-job:" + job.jobKey());
        if (!lock.tryLock()) {
            return false;
        }
        try {
            store.markRunning(job.jobKey());
            ZoneId zone = ZoneId.of(job.zone());
            for (ImportJobStore.JobFile file : store.waiting(job.jobKey())) {
                if (request != null && request.isCancellationRequested()) {
                    return true; // stays RUNNING: the resume check continues it
                }
                List<ImportService.FileReport> reports;
                try {
                    reports = runAs.as(job.startedBy(), () -> imports.run(job.projectKey(),
                            List.of(new ImportService.SourceFile(file.name(), file.content())), false, zone,
                            job.mapping()).files());
                } catch (FailureDbException.BadField e) {
                    if ("busy".equals(e.code())) {
                        return true; // another import holds the project: the next round continues here
                    }
                    reports = List.of(failed(file, e));
                } catch (FailureDbException e) {
                    reports = List.of(failed(file, e)); // e.g. the starter may no longer import there
                } catch (RuntimeException e) {
                    log.warn("Fail Forward import job {} could not import {}", job.jobKey(), file.name(), e);
                    reports = List.of(new ImportService.FileReport(file.name(), ImportService.Outcome.FAILED, null,
                            null, List.of(), List.of(), String.valueOf(e.getMessage())));
                }
                store.fileDone(job.jobKey(), file.seq(), json(reports));
            }
            if (store.waiting(job.jobKey()).isEmpty()) {
                store.finish(job.jobKey(), clock.instant());
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private ImportService.FileReport failed(ImportJobStore.JobFile file, FailureDbException e) {
        return new ImportService.FileReport(file.name(), ImportService.Outcome.FAILED, null, null, List.of(), List.of(),
                i18n.getText(e.i18nKey(), e.arguments().toArray(java.io.Serializable[]::new)));
    }

    private static boolean tryLock(ClusterLock lock, long seconds) {
        try {
            return lock.tryLock(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String json(List<ImportService.FileReport> reports) {
        try {
            return JSON.writeValueAsString(reports);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results of an import are not JSON", e);
        }
    }

    static List<ImportService.FileReport> parse(String json) {
        try {
            // an array type, not a TypeReference: no import of com.fasterxml.jackson.core.type (Platform 8 allowlist)
            return new ArrayList<>(List.of(JSON.readValue(json, ImportService.FileReport[].class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored results of an import are not readable", e);
        }
    }
}
