package dev.failforward.jira.projection;

import dev.failforward.jira.failuredb.FollowUpService;
import dev.failforward.jira.persistence.DatabaseErrors;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Issue ids waiting to be projected, and the one thread that projects them, so that Jira's request threads never wait
 * for the failure database (ARCHITECTURE.md §4: "updated from Jira issue events, off the request thread").
 *
 * <p>Bounded: at most {@value #CAPACITY} ids wait. An id already waiting is not added again (ten edits in a row are one
 * projection: the worker reads the issue as it is when its turn comes). When the queue is full the id is dropped and
 * counted, never blocking the user's request; the nightly reconcile ({@link BackfillJob}) repairs what was dropped.
 * The worker takes an id off the waiting set <em>before</em> projecting it, so a change made while it works queues the
 * issue again. A failing projection is logged and the worker goes on with the next id.
 *
 * <p>Node-local by design: each node projects the events raised on it, and the counts describe this node.
 */
@Named
public class ProjectionQueue implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionQueue.class);

    static final int CAPACITY = 10_000;
    static final Duration STOP_WAIT = Duration.ofSeconds(10);
    static final String THREAD_NAME = "failforward-projection";
    /** How often an issue is tried when the database refuses its projection for a passing reason. */
    static final int MAX_ATTEMPTS = 5;

    private final LongConsumer task;
    private final BlockingQueue<Long> queue;
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong projected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final java.util.Map<Long, Integer> retries = new ConcurrentHashMap<>();
    private volatile Thread worker;
    private volatile boolean stopping;

    /**
     * Each issue is projected, then the action items it follows up follow its resolution
     * ({@link FollowUpService#followResolution}); the second step runs even when the first failed.
     */
    @Inject
    public ProjectionQueue(JiraIssueProjection projection, FollowUpService followUps) {
        this(issueId -> {
            try {
                projection.project(issueId);
            } finally {
                followUps.followResolution(issueId);
            }
        }, CAPACITY);
    }

    /** Projection only (tests). */
    ProjectionQueue(JiraIssueProjection projection) {
        this(projection::project, CAPACITY);
    }

    ProjectionQueue(LongConsumer task, int capacity) {
        this.task = Objects.requireNonNull(task, "task");
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Spring calls this once the bean is wired: starts the worker. */
    @Override
    public void afterPropertiesSet() {
        start();
    }

    /** Spring calls this when the plugin is disabled or Jira stops: stops the worker. */
    @Override
    public void destroy() {
        stop();
    }

    synchronized void start() {
        if (worker != null) {
            return;
        }
        stopping = false;
        Thread thread = new Thread(this::work, THREAD_NAME);
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    /**
     * Stops the worker: the id in hand is finished, ids still waiting are left (the reconcile job covers them). Waits
     * at most {@link #STOP_WAIT}.
     */
    synchronized void stop() {
        Thread thread = worker;
        if (thread == null) {
            return;
        }
        stopping = true;
        thread.interrupt();
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("Fail Forward projection worker did not stop within {}", STOP_WAIT);
        }
        worker = null;
        int left = queue.size();
        queue.clear();
        waiting.clear();
        if (left > 0) {
            log.info("Fail Forward projection stopped with {} issues not projected; the nightly reconcile covers them", left);
        }
    }

    /**
     * Queues the issue for projection; never blocks. Returns false only when the queue was full and the id was dropped
     * (and counted); an id already waiting counts as queued.
     */
    public boolean offer(long issueId) {
        if (!waiting.add(issueId)) {
            return true;
        }
        if (queue.offer(issueId)) {
            return true;
        }
        waiting.remove(issueId);
        long count = dropped.incrementAndGet();
        if (count == 1 || count % 1_000 == 0) {
            log.warn("Fail Forward projection queue is full ({} waiting): {} issue events dropped on this node so far;"
                    + " the nightly reconcile repairs them", queue.size(), count);
        }
        return false;
    }

    private void work() {
        while (!stopping) {
            long issueId;
            try {
                issueId = queue.take();
            } catch (InterruptedException e) {
                if (stopping) {
                    return;
                }
                continue;
            }
            waiting.remove(issueId);
            try {
                task.accept(issueId);
                projected.incrementAndGet();
                retries.remove(issueId);
            } catch (RuntimeException | LinkageError e) {
                int attempt = retries.merge(issueId, 1, Integer::sum);
                if (e instanceof RuntimeException && DatabaseErrors.isTransient(e) && attempt < MAX_ATTEMPTS) {
                    // the database refused for a passing reason (another node wrote the same rows): behind the
                    // other waiting issues, the issue is read and projected again as it is then
                    offer(issueId);
                    continue;
                }
                retries.remove(issueId);
                failed.incrementAndGet();
                log.warn("Fail Forward could not project issue {}; the nightly reconcile tries again", issueId, e);
            }
            if (Thread.interrupted() && stopping) {
                return;
            }
        }
    }

    /** What this node's queue has done since it started. */
    public Stats stats() {
        return new Stats(queue.size(), dropped.get(), projected.get(), failed.get());
    }

    /**
     * @param waiting   ids waiting now
     * @param dropped   ids dropped because the queue was full
     * @param projected projections done
     * @param failed    projections that threw
     */
    public record Stats(int waiting, long dropped, long projected, long failed) {
    }
}
