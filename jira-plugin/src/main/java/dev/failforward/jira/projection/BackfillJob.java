package dev.failforward.jira.projection;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.RecordKind;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rebuilds the failure database from Jira, and repairs drift: the nightly reconcile and the admin's "run now"
 * ({@link BackfillScheduler}).
 *
 * <ol>
 *   <li><b>Project</b> every experiment and incident, {@value #PAGE_SIZE} issues per batch by ascending issue id
 *       ({@link BackfillSearch}). After each batch the last id is stored as the checkpoint
 *       ({@link BackfillProgressStore}); a run that stopped — an error, Jira shutting down, a node dying — is continued
 *       from there by the next run, so nothing is skipped, and what is projected twice is written once (the repository
 *       keeps the version when nothing changed). One issue that cannot be projected is counted and logged; the
 *       batch goes on.</li>
 *   <li><b>Repair drift</b>: walk the stored records ({@link FailureRecordRepository#issueIds}, {@value #REPAIR_PAGE_SIZE}
 *       at a time, with its own checkpoint) and remove those whose issue no longer exists or is no longer one of
 *       ours — deletions and moves whose events were missed or dropped.</li>
 * </ol>
 * Until one pass has gone through every issue, the projecting step also migrates each incident's old "Learnings" /
 * "Next steps" text fields into the failure database ({@link LegacyTextMigration}, idempotent); a failed migration
 * counts as a failed issue of the batch.
 * Only one run at a time in the cluster: the scheduler runs each job on one node ({@code RUN_ONCE_PER_CLUSTER}), and a
 * cluster lock keeps the nightly and the on-demand job apart; a run that finds the lock taken ends at once.
 */
@Named
public class BackfillJob implements JobRunner {

    private static final Logger log = LoggerFactory.getLogger(BackfillJob.class);

    static final int PAGE_SIZE = 200;
    static final int REPAIR_PAGE_SIZE = 500;
    static final String LOCK_NAME = "dev.failforward.jira:backfill";
    static final String ALREADY_RUNNING = "A Fail Forward backfill is already running on this cluster; nothing to do";
    static final String NOT_SET_UP = "Fail Forward setup has not run yet (no issue types recorded): nothing to backfill";

    private final BackfillSearch search;
    private final JiraIssueProjection projection;
    private final ProjectionSetup setup;
    private final FailureRecordRepository repository;
    private final BackfillProgressStore progressStore;
    private final ClusterLockService clusterLockService;
    private final Clock clock;
    private final LegacyTextMigration legacy;

    @Inject
    public BackfillJob(BackfillSearch search, JiraIssueProjection projection, ProjectionSetup setup,
                       FailureRecordRepository repository, BackfillProgressStore progressStore,
                       @ComponentImport ClusterLockService clusterLockService, LegacyTextMigration legacy) {
        this(search, projection, setup, repository, progressStore, clusterLockService, Clock.systemUTC(), legacy);
    }

    /** A backfill that does not migrate the old text fields (hosts and tests without them). */
    public BackfillJob(BackfillSearch search, JiraIssueProjection projection, ProjectionSetup setup,
                       FailureRecordRepository repository, BackfillProgressStore progressStore,
                       ClusterLockService clusterLockService) {
        this(search, projection, setup, repository, progressStore, clusterLockService, Clock.systemUTC(), null);
    }

    BackfillJob(BackfillSearch search, JiraIssueProjection projection, ProjectionSetup setup,
                FailureRecordRepository repository, BackfillProgressStore progressStore,
                ClusterLockService clusterLockService, Clock clock) {
        this(search, projection, setup, repository, progressStore, clusterLockService, clock, null);
    }

    BackfillJob(BackfillSearch search, JiraIssueProjection projection, ProjectionSetup setup,
                FailureRecordRepository repository, BackfillProgressStore progressStore,
                ClusterLockService clusterLockService, Clock clock, LegacyTextMigration legacy) {
        this.legacy = legacy;
        this.search = Objects.requireNonNull(search, "search");
        this.projection = Objects.requireNonNull(projection, "projection");
        this.setup = Objects.requireNonNull(setup, "setup");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.progressStore = Objects.requireNonNull(progressStore, "progressStore");
        this.clusterLockService = Objects.requireNonNull(clusterLockService, "clusterLockService");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public JobRunnerResponse runJob(JobRunnerRequest request) {
        ClusterLock lock = clusterLockService.getLockForName(LOCK_NAME);
        if (!lock.tryLock()) {
            log.info("Fail Forward backfill: {}", ALREADY_RUNNING);
            return JobRunnerResponse.success(ALREADY_RUNNING);
        }
        try {
            return run(request);
        } finally {
            lock.unlock();
        }
    }

    private JobRunnerResponse run(JobRunnerRequest request) {
        BackfillProgress previous = progressStore.read();
        BackfillProgress progress;
        if (previous.state().resumable()) {
            progress = previous.running();
            log.info("Fail Forward backfill continues a {} run from issue id {} ({} done)", previous.state(),
                    previous.checkpoint(), previous.processed());
        } else {
            progress = BackfillProgress.started(clock.instant());
        }
        progressStore.write(progress);
        try {
            Map<String, RecordKind> ours = setup.issueTypes();
            if (ours.isEmpty()) {
                progressStore.write(progress.ended(BackfillProgress.State.DONE, clock.instant(), NOT_SET_UP));
                return JobRunnerResponse.success(NOT_SET_UP);
            }
            if (progress.phase() == BackfillProgress.Phase.PROJECTING) {
                boolean migrating = legacy != null && legacy.runStarting(!previous.state().resumable());
                progress = projectAll(request, progress, ours, migrating);
                if (progress.state() == BackfillProgress.State.INTERRUPTED) {
                    return JobRunnerResponse.aborted("stopped on request after issue id " + progress.checkpoint());
                }
                if (migrating) {
                    legacy.passCompleted();
                }
                progress = progress.repairing();
                progressStore.write(progress);
            }
            progress = repairDrift(request, progress, ours);
            if (progress.state() == BackfillProgress.State.INTERRUPTED) {
                return JobRunnerResponse.aborted("stopped on request while repairing, after record " + progress.repairCheckpoint());
            }
            progress = progress.ended(BackfillProgress.State.DONE, clock.instant(), null);
            progressStore.write(progress);
            String summary = summary(progress);
            log.info("Fail Forward backfill: {}", summary);
            return JobRunnerResponse.success(summary);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.error("Fail Forward backfill stopped; the next run continues from issue id {}", progress.checkpoint(), e);
            progressStore.write(progressStore.read().ended(BackfillProgress.State.FAILED, clock.instant(), message));
            return JobRunnerResponse.failed(message);
        }
    }

    private BackfillProgress projectAll(JobRunnerRequest request, BackfillProgress progress, Map<String, RecordKind> ours,
                                        boolean migrating) {
        while (true) {
            if (request.isCancellationRequested()) {
                return interrupted(progress);
            }
            BackfillSearch.Page page = search.after(ours.keySet(), progress.checkpoint(), PAGE_SIZE);
            if (page.issues().isEmpty()) {
                return progress;
            }
            int failures = 0;
            String error = null;
            for (Issue issue : page.issues()) {
                try {
                    JiraIssueProjection.Result result = projection.project(issue, ours);
                    if (migrating && result == JiraIssueProjection.Result.UPSERTED) {
                        migrate(issue);
                    }
                } catch (RuntimeException e) {
                    failures++;
                    error = "Issue " + issue.getKey() + " could not be projected: " + e.getMessage();
                    log.warn("Fail Forward backfill: {}", error, e);
                }
            }
            projection.recheck(page.issues().stream().map(Issue::getId).toList());
            long lastId = page.issues().get(page.issues().size() - 1).getId();
            progress = progress.batchProjected(lastId, page.issues().size(), failures, page.remaining(), error);
            progressStore.write(progress);
            if (!page.full()) {
                return progress;
            }
        }
    }

    /** The old "Learnings" / "Next steps" text of one projected issue into the failure database. */
    private void migrate(Issue issue) {
        try {
            legacy.migrate(issue, LegacyTextMigration.today(clock.instant()));
        } catch (RuntimeException e) {
            legacy.failedOnce();
            throw e;
        }
    }

    private BackfillProgress repairDrift(JobRunnerRequest request, BackfillProgress progress, Map<String, RecordKind> ours) {
        while (true) {
            if (request.isCancellationRequested()) {
                return interrupted(progress);
            }
            List<Long> ids = repository.issueIds(null, progress.repairCheckpoint(), REPAIR_PAGE_SIZE);
            if (ids.isEmpty()) {
                return progress;
            }
            int removed = 0;
            for (long issueId : ids) {
                if (projection.isStale(issueId, ours) && repository.deleteByIssueId(issueId)) {
                    projection.removed(issueId);
                    removed++;
                }
            }
            progress = progress.batchRepaired(ids.get(ids.size() - 1), removed);
            progressStore.write(progress);
            if (ids.size() < REPAIR_PAGE_SIZE) {
                return progress;
            }
        }
    }

    private BackfillProgress interrupted(BackfillProgress progress) {
        BackfillProgress stopped = progress.ended(BackfillProgress.State.INTERRUPTED, clock.instant(), null);
        progressStore.write(stopped);
        log.info("Fail Forward backfill stopped on request; the next run continues from issue id {}", stopped.checkpoint());
        return stopped;
    }

    private static String summary(BackfillProgress progress) {
        String done = "projected " + progress.processed() + " issues, removed " + progress.removed() + " stale records";
        return progress.failed() == 0 ? done
                : done + "; " + progress.failed() + " issues could not be projected (see the Jira log)";
    }
}
