package dev.failforward.host.cluster;

import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes on one database: a cluster job's due run happens on one node only; a local job on each node. */
class DatabaseSchedulerServiceTest {

    private static final JobRunnerKey RUNNER = JobRunnerKey.of("test:runner");

    private AoDatabase db;
    private final List<DatabaseSchedulerService> nodes = new ArrayList<>();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
    }

    @AfterEach
    void close() {
        nodes.forEach(DatabaseSchedulerService::close);
        db.close();
    }

    private DatabaseSchedulerService node(String id) {
        DatabaseSchedulerService node = new DatabaseSchedulerService(db.dataSource(), id, Duration.ofMillis(50));
        node.registerJobRunner(RUNNER, runner(id));
        nodes.add(node);
        return node;
    }

    private JobRunner runner(String node) {
        return request -> {
            if (concurrent.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            runs.computeIfAbsent(node, n -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            concurrent.decrementAndGet();
            return JobRunnerResponse.success("ran on " + node);
        };
    }

    private int total() {
        return runs.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void aOneOffClusterJobScheduledOnBothNodesRunsExactlyOnce() throws Exception {
        DatabaseSchedulerService a = node("node-a");
        DatabaseSchedulerService b = node("node-b");
        JobConfig once = JobConfig.forJobRunnerKey(RUNNER).withRunMode(RunMode.RUN_ONCE_PER_CLUSTER);
        a.scheduleJob(JobId.of("backfill:now"), once);
        b.scheduleJob(JobId.of("backfill:now"), once);
        waitUntil(() -> total() >= 1);
        Thread.sleep(500);
        assertThat(total()).isEqualTo(1);
    }

    @Test
    void anIntervalClusterJobRunsOncePerDueTimeOnOneNodeAtATime() throws Exception {
        DatabaseSchedulerService a = node("node-a");
        DatabaseSchedulerService b = node("node-b");
        JobConfig every = JobConfig.forJobRunnerKey(RUNNER).withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                .withSchedule(Schedule.forInterval(200, new Date()));
        a.scheduleJob(JobId.of("resume"), every);
        b.scheduleJob(JobId.of("resume"), every);
        long started = System.nanoTime();
        waitUntil(() -> total() >= 8);
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(overlaps).hasValue(0);
        // never more runs than due times: a node never runs a due time another node claimed
        assertThat(total()).isLessThanOrEqualTo((int) (elapsedMillis / 200) + 2);
    }

    @Test
    void aLocalJobRunsOnEveryNodeThatScheduledIt() throws Exception {
        DatabaseSchedulerService a = node("node-a");
        DatabaseSchedulerService b = node("node-b");
        JobConfig local = JobConfig.forJobRunnerKey(RUNNER).withRunMode(RunMode.RUN_LOCALLY);
        a.scheduleJob(JobId.of("local"), local);
        b.scheduleJob(JobId.of("local"), local);
        waitUntil(() -> runs.size() == 2);
        assertThat(runs).containsOnlyKeys("node-a", "node-b");
    }

    @Test
    void aJobWhoseRunnerIsNotRegisteredWaitsForANodeThatHasIt() throws Exception {
        DatabaseSchedulerService without = new DatabaseSchedulerService(db.dataSource(), "node-x", Duration.ofMillis(50));
        nodes.add(without);
        without.scheduleJob(JobId.of("later"), JobConfig.forJobRunnerKey(RUNNER));
        Thread.sleep(300);
        assertThat(total()).isZero();
        node("node-b");
        waitUntil(() -> total() == 1);
        assertThat(runs).containsOnlyKeys("node-b");
    }
}
