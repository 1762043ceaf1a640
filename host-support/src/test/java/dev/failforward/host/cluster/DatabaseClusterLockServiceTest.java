package dev.failforward.host.cluster;

import com.atlassian.beehive.ClusterLock;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two nodes on one database: one holder at a time across both, reentrant, and a dead node's lock expires. */
class DatabaseClusterLockServiceTest {

    private AoDatabase db;
    private final List<DatabaseClusterLockService> nodes = new ArrayList<>();

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
    }

    @AfterEach
    void close() {
        nodes.forEach(DatabaseClusterLockService::close);
        db.close();
    }

    private DatabaseClusterLockService node(String id, Duration lease) {
        DatabaseClusterLockService node = new DatabaseClusterLockService(db.dataSource(), id, lease);
        nodes.add(node);
        return node;
    }

    @Test
    void onlyOneThreadOfTwoNodesHoldsTheLockAtATime() throws Exception {
        DatabaseClusterLockService a = node("node-a", Duration.ofSeconds(30));
        DatabaseClusterLockService b = node("node-b", Duration.ofSeconds(30));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger entries = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            DatabaseClusterLockService node = t % 2 == 0 ? a : b;
            boolean blocking = t < 4;
            work.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 25; i++) {
                    ClusterLock lock = node.getLockForName("dev.failforward.test");
                    if (blocking) {
                        lock.lock();
                    } else if (!lock.tryLock()) {
                        continue;
                    }
                    try {
                        if (inside.incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                        }
                        entries.incrementAndGet();
                        Thread.sleep(1);
                        inside.decrementAndGet();
                    } finally {
                        lock.unlock();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : work) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(overlaps).hasValue(0);
        assertThat(entries.get()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void tryLockNeverWaitsAndTheHolderMayReenter() throws Exception {
        ClusterLock onA = node("node-a", Duration.ofSeconds(30)).getLockForName("setup");
        ClusterLock onB = node("node-b", Duration.ofSeconds(30)).getLockForName("setup");
        onA.lock();
        assertThat(onA.tryLock()).as("reentrant").isTrue();
        onA.unlock();
        long before = System.nanoTime();
        assertThat(onB.tryLock()).isFalse();
        assertThat(onB.tryLock(200, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isLessThan(5_000);
        onA.unlock();
        assertThat(onB.tryLock()).as("free once the holder unlocked it fully").isTrue();
        onB.unlock();
        assertThatThrownBy(onB::unlock).isInstanceOf(IllegalMonitorStateException.class);
    }

    @Test
    void aLockOfANodeThatStoppedRenewingIsTakenOverAfterItsLease() throws Exception {
        DatabaseClusterLockService dying = new DatabaseClusterLockService(db.dataSource(), "node-a",
                Duration.ofMillis(600));
        ClusterLock held = dying.getLockForName("backfill");
        held.lock();
        dying.abandon();
        ClusterLock onB = node("node-b", Duration.ofSeconds(30)).getLockForName("backfill");
        assertThat(onB.tryLock()).as("the lease still runs").isFalse();
        assertThat(onB.tryLock(10, TimeUnit.SECONDS)).as("taken over once the lease ran out").isTrue();
        onB.unlock();
    }

    @Test
    void aRenewedLeaseKeepsTheLockLongerThanTheLease() throws Exception {
        ClusterLock onA = node("node-a", Duration.ofMillis(600)).getLockForName("long-job");
        ClusterLock onB = node("node-b", Duration.ofMillis(600)).getLockForName("long-job");
        onA.lock();
        Thread.sleep(2_000);
        assertThat(onB.tryLock()).isFalse();
        onA.unlock();
        assertThat(onB.tryLock()).isTrue();
        onB.unlock();
    }

    @Test
    void aRestartedNodeFreesWhatItHeldBeforeItStopped() {
        DatabaseClusterLockService before = new DatabaseClusterLockService(db.dataSource(), "node-a",
                Duration.ofMinutes(10));
        before.getLockForName("kpi").lock();
        before.abandon();
        DatabaseClusterLockService restarted = node("node-a", Duration.ofMinutes(10));
        ClusterLock onB = node("node-b", Duration.ofMinutes(10)).getLockForName("kpi");
        assertThat(restarted.nodeId()).isEqualTo("node-a");
        assertThat(onB.tryLock()).isTrue();
        onB.unlock();
    }

    @Test
    void aReleaseTheDatabaseRefusesOnceIsTriedAgainSoTheLockIsFreeAtOnce() throws Exception {
        // HSQLDB refuses a statement that meets another transaction's change of the row (SQLState 40001): the first
        // release of node A is refused like that
        AtomicInteger refusals = new AtomicInteger(1);
        javax.sql.DataSource refusing = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    Object result = method.invoke(db.dataSource(), args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    java.sql.Connection connection = (java.sql.Connection) result;
                    return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {java.sql.Connection.class}, (p, m, a) -> {
                                if (m.getName().equals("prepareStatement") && a[0] instanceof String sql
                                        && sql.contains("TOKEN = NULL") && sql.contains("AND TOKEN = ?")
                                        && refusals.getAndDecrement() > 0) {
                                    throw new java.sql.SQLException("serialization failure", "40001");
                                }
                                try {
                                    return m.invoke(connection, a);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
        DatabaseClusterLockService a = new DatabaseClusterLockService(refusing, "node-a", Duration.ofSeconds(30));
        nodes.add(a);
        DatabaseClusterLockService b = node("node-b", Duration.ofSeconds(30));

        ClusterLock onA = a.getLockForName("dev.failforward.refused");
        onA.lock();
        onA.unlock();
        assertThat(refusals.get()).as("the release was refused once").isNegative();
        assertThat(a.retried()).isEqualTo(1);

        ClusterLock onB = b.getLockForName("dev.failforward.refused");
        assertThat(onB.tryLock()).as("free at once, not after the 30 s lease").isTrue();
        onB.unlock();
        assertThat(onA.tryLock()).as("and node A may take it again").isTrue();
        onA.unlock();
    }
}
