package dev.failforward.jira.kpi;

import com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService;
import com.atlassian.sal.api.lifecycle.LifecycleAware;
import dev.failforward.jira.failuredb.RecordChanges;
import dev.failforward.jira.persistence.KpiIndex;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one background thread per node that applies the record change log to the KPI tables ({@link KpiIndex}): woken
 * when this node logged a change ({@link #changed}), and every {@value #POLL_MILLIS} ms anyway for changes logged on
 * other nodes or left while another node held the applier lock. Request threads never apply: they log their change in
 * their own transaction and return, so a burst of writers is one batch here, and nobody waits on the roll-ups.
 *
 * <p>Started by SAL once the product is up ({@link #onStart}), stopped with the plugin. A failing batch is logged and
 * retried after a pause; the change rows stay until applied, so nothing is lost.
 */
@Named
@ExportAsService(LifecycleAware.class)
public class KpiApplier implements RecordChanges, LifecycleAware, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KpiApplier.class);

    static final long POLL_MILLIS = 2_000;
    static final Duration STOP_WAIT = Duration.ofSeconds(10);
    static final String THREAD_NAME = "failforward-kpi-applier";

    private final KpiIndex index;
    private final long pollMillis;
    private final Object signal = new Object();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private boolean woken;
    private volatile boolean stopping;
    private volatile Thread worker;

    @Inject
    public KpiApplier(KpiIndex index) {
        this(index, POLL_MILLIS);
    }

    public KpiApplier(KpiIndex index, long pollMillis) {
        this.index = Objects.requireNonNull(index, "index");
        if (pollMillis < 1) {
            throw new IllegalArgumentException("pollMillis must be positive: " + pollMillis);
        }
        this.pollMillis = pollMillis;
    }

    @Override
    public void onStart() {
        start();
    }

    @Override
    public void onStop() {
        stop();
    }

    @Override
    public void destroy() {
        stop();
    }

    public synchronized void start() {
        if (worker != null) {
            return;
        }
        stopping = false;
        Thread thread = new Thread(this::work, THREAD_NAME);
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    /** Stops the thread after the batch in hand (its transaction commits or rolls back whole). */
    public synchronized void stop() {
        Thread thread = worker;
        if (thread == null) {
            return;
        }
        stopping = true;
        synchronized (signal) {
            signal.notifyAll();
        }
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("Fail Forward KPI applier did not stop within {}", STOP_WAIT);
            thread.interrupt();
        }
        worker = null;
    }

    @Override
    public void changed(long issueId) {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @Override
    public void recheck(Collection<Long> issueIds) {
        index.recheck(issueIds);
        changed(0);
    }

    /** Change rows this node applied, and batches that failed, since it started. */
    public long applied() {
        return applied.get();
    }

    public long failures() {
        return failures.get();
    }

    private void work() {
        long pause = pollMillis;
        while (!stopping) {
            synchronized (signal) {
                if (!woken && !stopping) {
                    try {
                        signal.wait(pause);
                    } catch (InterruptedException e) {
                        if (stopping) {
                            return;
                        }
                    }
                }
                woken = false;
            }
            if (stopping) {
                return;
            }
            try {
                int count = index.applyPending();
                if (count > 0) {
                    applied.addAndGet(count);
                }
                pause = pollMillis;
            } catch (RuntimeException | LinkageError e) {
                failures.incrementAndGet();
                pause = Math.min(60_000, pause * 2);
                log.warn("Fail Forward KPI tables not updated yet (retrying in {} ms; the changes stay logged): {}",
                        pause, e.toString());
            }
        }
    }
}
