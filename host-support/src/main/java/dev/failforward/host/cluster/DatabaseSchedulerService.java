package dev.failforward.host.cluster;

import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.IntervalScheduleInfo;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;

import dev.failforward.host.db.JdbcTables;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link SchedulerService} for a cluster of preview nodes on one database, with atlassian-scheduler's semantics:
 * {@link RunMode#RUN_ONCE_PER_CLUSTER} jobs are stored in the database ({@value #TABLE}) and each due run is claimed by
 * exactly one node — the one whose conditional {@code UPDATE … WHERE JOB_ID = ? AND VERSION = ?} (or, for a one-off
 * job, {@code DELETE}) changed the row — and run there if that node has the job's runner registered;
 * {@link RunMode#RUN_LOCALLY} jobs live in the node's memory and run on every node that schedules them. Scheduling an
 * existing id replaces the job. A node that dies while running a job does not get it back: as in the products, the job
 * runs again at its next due time (a job that must be finished elsewhere, such as the backfill, keeps a checkpoint and
 * is resumed by a periodic job of its own).
 */
public final class DatabaseSchedulerService implements SchedulerService, AutoCloseable {

    static final String TABLE = "PREVIEW_CLUSTER_JOB";
    private static final Logger log = Logger.getLogger(DatabaseSchedulerService.class.getName());

    private record LocalJob(JobRunnerKey runnerKey, long intervalMillis, long nextRun) {
    }

    private final DataSource dataSource;
    private final String nodeId;
    private final Clock clock;
    private final Map<JobRunnerKey, JobRunner> runners = new ConcurrentHashMap<>();
    private final Map<JobId, LocalJob> localJobs = new ConcurrentHashMap<>();
    private final Set<JobId> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller;
    private final ExecutorService workers;
    private volatile boolean stopping;

    public DatabaseSchedulerService(DataSource dataSource, String nodeId, Duration pollEvery) {
        this(dataSource, nodeId, pollEvery, Clock.systemUTC());
    }

    public DatabaseSchedulerService(DataSource dataSource, String nodeId, Duration pollEvery, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.clock = Objects.requireNonNull(clock, "clock");
        JdbcTables.createTable(dataSource, TABLE, "JOB_ID VARCHAR(255) NOT NULL PRIMARY KEY, RUNNER_KEY VARCHAR(255) NOT NULL,"
                + " INTERVAL_MS BIGINT NOT NULL, NEXT_RUN BIGINT NOT NULL, VERSION BIGINT NOT NULL");
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "scheduler-" + nodeId));
        this.workers = Executors.newCachedThreadPool(runnable -> daemon(runnable, "scheduler-job-" + nodeId));
        long every = Math.max(50, pollEvery.toMillis());
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void registerJobRunner(JobRunnerKey jobRunnerKey, JobRunner jobRunner) {
        runners.put(Objects.requireNonNull(jobRunnerKey, "jobRunnerKey"), Objects.requireNonNull(jobRunner, "jobRunner"));
    }

    @Override
    public void unregisterJobRunner(JobRunnerKey jobRunnerKey) {
        runners.remove(jobRunnerKey);
    }

    @Override
    public void scheduleJob(JobId jobId, JobConfig jobConfig) throws SchedulerServiceException {
        Objects.requireNonNull(jobId, "jobId");
        IntervalScheduleInfo schedule = jobConfig.getSchedule().getIntervalScheduleInfo();
        Date first = schedule.getFirstRunTime();
        long nextRun = first == null ? clock.millis() : first.getTime();
        long interval = schedule.getIntervalInMillis();
        if (jobConfig.getRunMode() == RunMode.RUN_LOCALLY) {
            localJobs.put(jobId, new LocalJob(jobConfig.getJobRunnerKey(), interval, nextRun));
            return;
        }
        String id = jobId.toString();
        String runner = jobConfig.getJobRunnerKey().toString();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (int attempt = 0; attempt < 20; attempt++) {
                try (PreparedStatement update = c.prepareStatement("UPDATE " + TABLE + " SET RUNNER_KEY = ?,"
                        + " INTERVAL_MS = ?, NEXT_RUN = ?, VERSION = VERSION + 1 WHERE JOB_ID = ?")) {
                    update.setString(1, runner);
                    update.setLong(2, interval);
                    update.setLong(3, nextRun);
                    update.setString(4, id);
                    if (update.executeUpdate() == 1) {
                        return;
                    }
                } catch (SQLException e) {
                    if (!conflict(e)) {
                        throw e;
                    }
                    continue;
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE
                        + " (JOB_ID, RUNNER_KEY, INTERVAL_MS, NEXT_RUN, VERSION) VALUES (?, ?, ?, ?, 0)")) {
                    insert.setString(1, id);
                    insert.setString(2, runner);
                    insert.setLong(3, interval);
                    insert.setLong(4, nextRun);
                    insert.executeUpdate();
                    return;
                } catch (SQLException e) {
                    if (!JdbcTables.isDuplicate(e) && !conflict(e)) {
                        throw e;
                    }
                    // another node scheduled the same id at the same moment: replace it
                }
            }
            throw new SchedulerServiceException("job " + id + " could not be stored: the database kept refusing");
        } catch (SQLException e) {
            throw new SchedulerServiceException("job " + id + " could not be stored: " + e.getMessage());
        }
    }

    private static boolean conflict(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("40");
    }

    /** Runs what is due now on this node (the poller does this every poll interval). */
    void poll() {
        if (stopping) {
            return;
        }
        try {
            pollCluster();
            pollLocal();
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "scheduler on node " + nodeId + " could not poll: " + e, e);
        }
    }

    private void pollCluster() {
        long now = clock.millis();
        List<Object[]> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement select = c.prepareStatement("SELECT JOB_ID, RUNNER_KEY, INTERVAL_MS, NEXT_RUN, VERSION"
                    + " FROM " + TABLE + " WHERE NEXT_RUN <= ? ORDER BY NEXT_RUN")) {
                select.setLong(1, now);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                    }
                }
            }
            for (Object[] job : due) {
                JobId jobId = JobId.of((String) job[0]);
                JobRunner runner = runners.get(JobRunnerKey.of((String) job[1]));
                if (runner == null || running.contains(jobId)) {
                    continue;
                }
                long interval = (Long) job[2];
                long version = (Long) job[4];
                if (claim(c, jobId.toString(), interval, (Long) job[3], version, now)) {
                    run(jobId, runner);
                }
            }
        } catch (SQLException e) {
            log.log(Level.FINE, "scheduler poll refused: " + e, e);
        }
    }

    private static boolean claim(Connection c, String id, long interval, long nextRun, long version, long now)
            throws SQLException {
        String sql = interval <= 0 ? "DELETE FROM " + TABLE + " WHERE JOB_ID = ? AND VERSION = ?"
                : "UPDATE " + TABLE + " SET NEXT_RUN = ?, VERSION = VERSION + 1 WHERE JOB_ID = ? AND VERSION = ?";
        try (PreparedStatement claim = c.prepareStatement(sql)) {
            int i = 1;
            if (interval > 0) {
                long periods = Math.max(1, (now - nextRun) / interval + 1);
                claim.setLong(i++, nextRun + periods * interval);
            }
            claim.setString(i++, id);
            claim.setLong(i, version);
            return claim.executeUpdate() == 1;
        } catch (SQLException e) {
            if (conflict(e)) {
                return false;
            }
            throw e;
        }
    }

    private void pollLocal() {
        long now = clock.millis();
        for (Map.Entry<JobId, LocalJob> entry : localJobs.entrySet()) {
            LocalJob job = entry.getValue();
            JobRunner runner = runners.get(job.runnerKey());
            if (job.nextRun() > now || runner == null || running.contains(entry.getKey())) {
                continue;
            }
            if (job.intervalMillis() <= 0) {
                localJobs.remove(entry.getKey(), job);
            } else {
                long periods = Math.max(1, (now - job.nextRun()) / job.intervalMillis() + 1);
                localJobs.replace(entry.getKey(), job, new LocalJob(job.runnerKey(), job.intervalMillis(),
                        job.nextRun() + periods * job.intervalMillis()));
            }
            run(entry.getKey(), runner);
        }
    }

    private void run(JobId jobId, JobRunner runner) {
        running.add(jobId);
        Date start = new Date(clock.millis());
        workers.execute(() -> {
            try {
                JobRunnerResponse response = runner.runJob(new JobRunnerRequest() {
                    @Override
                    public Date getStartTime() {
                        return new Date(start.getTime());
                    }

                    @Override
                    public boolean isCancellationRequested() {
                        return stopping;
                    }
                });
                log.fine("job " + jobId + " on node " + nodeId + ": " + response);
            } catch (RuntimeException | LinkageError e) {
                log.log(Level.WARNING, "job " + jobId + " failed on node " + nodeId + ": " + e, e);
            } finally {
                running.remove(jobId);
            }
        });
    }

    /** Asks running jobs to stop (their requests report cancellation) and waits for them at most {@code wait}. */
    public void stop(Duration wait) {
        stopping = true;
        poller.shutdownNow();
        workers.shutdown();
        try {
            workers.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
