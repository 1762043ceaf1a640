package dev.failforward.jira.counts;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.index.IndexException;
import com.atlassian.jira.issue.index.IssueIndexingService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.jira.failuredb.CountsChanged;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Has Jira reindex an issue whose learnings or next steps changed, so the count fields ({@link FailureCountFieldType})
 * that JQL searches show the new numbers. Jira does not know when our tables change, so it would otherwise keep the
 * counts of the issue's last edit.
 *
 * <p><b>When and where.</b> {@link dev.failforward.jira.failuredb.FailureDbService} (and the backfill's legacy-text
 * migration) call {@link #countsChanged} after the change committed (each repository write is its own transaction), on
 * the node that made the change; the reindex runs on this one background thread, never on the request thread and never
 * inside the change's transaction, so it always reads committed rows. On Data Center, Jira's
 * {@link IssueIndexingService} replicates the reindex to the other nodes' indexes itself, so one node doing it is
 * enough. A burst of changes to one issue is one reindex: ids waiting in the queue are not queued twice.
 *
 * <p>A failed reindex is logged and dropped: the counts are right again at the issue's next edit or a full reindex;
 * the failure database itself is never affected.
 */
@Named
public class CountReindexer implements CountsChanged, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CountReindexer.class);

    static final String THREAD_NAME = "failforward-count-reindexer";

    private final IssueManager issueManager;
    private final IssueIndexingService indexing;
    private final ExecutorService executor;
    private final Set<Long> waiting = new LinkedHashSet<>();

    @Inject
    public CountReindexer(@ComponentImport IssueManager issueManager,
                          @ComponentImport IssueIndexingService indexing) {
        this(issueManager, indexing, Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** @param executor runs the reindexes (one thread in the product; the caller's thread in tests) */
    public CountReindexer(IssueManager issueManager, IssueIndexingService indexing, ExecutorService executor) {
        this.issueManager = Objects.requireNonNull(issueManager, "issueManager");
        this.indexing = Objects.requireNonNull(indexing, "indexing");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public void countsChanged(long issueId) {
        synchronized (waiting) {
            if (!waiting.add(issueId)) {
                return; // already queued: that reindex will read the latest counts
            }
        }
        try {
            executor.execute(() -> reindex(issueId));
        } catch (RuntimeException e) { // rejected: the plugin is stopping
            synchronized (waiting) {
                waiting.remove(issueId);
            }
            log.debug("Fail Forward: issue {} not reindexed (stopping): {}", issueId, e.toString());
        }
    }

    private void reindex(long issueId) {
        synchronized (waiting) {
            waiting.remove(issueId);
        }
        try {
            Issue issue = issueManager.getIssueObject(issueId);
            if (issue == null) {
                return; // deleted meanwhile: Jira removed it from the index
            }
            indexing.reIndex(issue);
        } catch (IndexException | RuntimeException e) {
            log.warn("Fail Forward: issue {} could not be reindexed; its learning and next-step counts in search "
                    + "follow at its next edit or reindex: {}", issueId, e.toString());
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
