package dev.failforward.host.cluster;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;

import dev.failforward.host.db.JdbcTables;
import dev.failforward.host.db.SqlErrors;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link ClusterLockService} whose locks live in the shared database, with the semantics of Atlassian's database
 * cluster locks (beehive): one holder in the whole cluster, reentrant for the holding thread, {@code tryLock} that
 * never waits, {@code lock} that waits, and locks that a dead node cannot keep for ever.
 *
 * <p>How: a row per lock ({@value #TABLE}: name, holding node, a token per acquisition, lease end). Within a node a
 * {@link ReentrantLock} per name decides which thread may try; the node then takes the row with one conditional
 * {@code UPDATE … WHERE LOCK_NAME = ? AND (NODE_ID IS NULL OR LEASE_UNTIL < now)}, which the database applies to one
 * node only. The holder renews its leases every third of the lease; a node killed with {@code kill -9} stops renewing,
 * and its locks are free once the lease ran out (so work it held, such as a backfill, is continued elsewhere). A node
 * that starts frees the rows it held before it stopped (node ids must be unique in the cluster, as in Jira). Times are
 * the nodes' clocks, which a Data Center cluster keeps in step.
 */
public final class DatabaseClusterLockService implements ClusterLockService, AutoCloseable {

    static final String TABLE = "PREVIEW_CLUSTER_LOCK";
    /** Attempts of one statement refused for a passing reason. */
    static final int STATEMENT_ATTEMPTS = 5;
    private static final Logger log = Logger.getLogger(DatabaseClusterLockService.class.getName());

    private final DataSource dataSource;
    private final String nodeId;
    private final long leaseMillis;
    private final Clock clock;
    private final ConcurrentMap<String, DbLock> locks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer;
    private final AtomicLong retried = new AtomicLong();

    public DatabaseClusterLockService(DataSource dataSource, String nodeId, Duration lease) {
        this(dataSource, nodeId, lease, Clock.systemUTC());
    }

    public DatabaseClusterLockService(DataSource dataSource, String nodeId, Duration lease, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lease.toMillis() < 300) {
            throw new IllegalArgumentException("lease must be at least 300 ms: " + lease);
        }
        this.leaseMillis = lease.toMillis();
        JdbcTables.createTable(dataSource, TABLE, "LOCK_NAME VARCHAR(255) NOT NULL PRIMARY KEY, NODE_ID VARCHAR(64),"
                + " TOKEN VARCHAR(64), LEASE_UNTIL BIGINT NOT NULL");
        update("UPDATE " + TABLE + " SET NODE_ID = NULL, TOKEN = NULL, LEASE_UNTIL = 0 WHERE NODE_ID = ?", nodeId);
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cluster-lock-renewer-" + nodeId);
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(100, leaseMillis / 3);
        renewer.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    public String nodeId() {
        return nodeId;
    }

    @Override
    public ClusterLock getLockForName(String lockName) {
        Objects.requireNonNull(lockName, "lockName");
        if (lockName.isEmpty() || lockName.length() > 255) {
            throw new IllegalArgumentException("a lock name has 1 to 255 characters: " + lockName);
        }
        return locks.computeIfAbsent(lockName, DbLock::new);
    }

    /** Stops renewing and frees every lock this node holds (a node that stops cleanly). */
    @Override
    public void close() {
        renewer.shutdownNow();
        update("UPDATE " + TABLE + " SET NODE_ID = NULL, TOKEN = NULL, LEASE_UNTIL = 0 WHERE NODE_ID = ?", nodeId);
    }

    /** Stops renewing without releasing anything: what a node killed with {@code kill -9} leaves (tests). */
    void abandon() {
        renewer.shutdownNow();
    }

    private void renewAll() {
        for (DbLock lock : locks.values()) {
            String token = lock.token;
            if (token != null && update("UPDATE " + TABLE + " SET LEASE_UNTIL = ? WHERE LOCK_NAME = ? AND TOKEN = ?",
                    clock.millis() + leaseMillis, lock.name, token) == 0 && lock.token != null) {
                log.warning("Cluster lock " + lock.name + " was lost by node " + nodeId
                        + " (its lease ran out before it was renewed)");
            }
        }
    }

    /**
     * One conditional update; 0 when another holder has it or the database refused. A refusal for a passing reason
     * (HSQLDB refuses at once a statement that meets another transaction's change of the row, e.g. a renewal and a
     * release of the same lock) is tried again up to {@value #STATEMENT_ATTEMPTS} times: a refused release would
     * otherwise keep the lock, on this node too, until its lease ran out.
     */
    private int update(String sql, Object... parameters) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (PreparedStatement statement = c.prepareStatement(sql)) {
                    for (int i = 0; i < parameters.length; i++) {
                        statement.setObject(i + 1, parameters[i]);
                    }
                    return statement.executeUpdate();
                }
            } catch (SQLException e) {
                if (attempt < STATEMENT_ATTEMPTS && SqlErrors.isTransient(e)) {
                    retried.incrementAndGet();
                    try {
                        Thread.sleep(ThreadLocalRandom.current().nextInt(1, 2 + attempt * 2));
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return 0;
                    }
                    continue;
                }
                log.log(Level.FINE, "cluster lock statement refused: " + e, e);
                return 0;
            }
        }
    }

    /** How many refused statements this node has tried again (for tests). */
    long retried() {
        return retried.get();
    }

    private boolean tryAcquire(DbLock lock) {
        String token = UUID.randomUUID().toString();
        long now = clock.millis();
        String take = "UPDATE " + TABLE + " SET NODE_ID = ?, TOKEN = ?, LEASE_UNTIL = ? WHERE LOCK_NAME = ?"
                + " AND (NODE_ID IS NULL OR LEASE_UNTIL < ?)";
        int taken = update(take, nodeId, token, now + leaseMillis, lock.name, now);
        if (taken == 0 && !lock.rowExists) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE
                        + " (LOCK_NAME, NODE_ID, TOKEN, LEASE_UNTIL) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, lock.name);
                    insert.setString(2, nodeId);
                    insert.setString(3, token);
                    insert.setLong(4, now + leaseMillis);
                    taken = insert.executeUpdate();
                }
            } catch (SQLException e) {
                // another node inserted the row first: it holds the lock, or will release it
                taken = 0;
            }
            lock.rowExists = true;
        }
        if (taken == 1) {
            lock.token = token;
            return true;
        }
        return false;
    }

    private void release(DbLock lock) {
        String token = lock.token;
        lock.token = null;
        if (token != null) {
            update("UPDATE " + TABLE + " SET NODE_ID = NULL, TOKEN = NULL, LEASE_UNTIL = 0 WHERE LOCK_NAME = ?"
                    + " AND TOKEN = ?", lock.name, token);
        }
    }

    private final class DbLock implements ClusterLock {
        private final String name;
        private final ReentrantLock local = new ReentrantLock();
        private volatile String token;
        private volatile boolean rowExists;

        private DbLock(String name) {
            this.name = name;
        }

        @Override
        public void lock() {
            local.lock();
            if (local.getHoldCount() > 1) {
                return;
            }
            boolean interrupted = false;
            long pause = 20;
            while (!tryAcquire(this)) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                pause = Math.min(500, pause * 2);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            local.lockInterruptibly();
            if (local.getHoldCount() > 1) {
                return;
            }
            long pause = 20;
            try {
                while (!tryAcquire(this)) {
                    Thread.sleep(pause);
                    pause = Math.min(500, pause * 2);
                }
            } catch (InterruptedException e) {
                local.unlock();
                throw e;
            }
        }

        @Override
        public boolean tryLock() {
            if (!local.tryLock()) {
                return false;
            }
            if (local.getHoldCount() > 1 || tryAcquire(this)) {
                return true;
            }
            local.unlock();
            return false;
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(time);
            if (!local.tryLock(time, unit)) {
                return false;
            }
            if (local.getHoldCount() > 1) {
                return true;
            }
            long pause = 20;
            try {
                while (!tryAcquire(this)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        local.unlock();
                        return false;
                    }
                    Thread.sleep(Math.min(pause, TimeUnit.NANOSECONDS.toMillis(left) + 1));
                    pause = Math.min(500, pause * 2);
                }
                return true;
            } catch (InterruptedException e) {
                local.unlock();
                throw e;
            }
        }

        @Override
        public void unlock() {
            if (!local.isHeldByCurrentThread()) {
                throw new IllegalMonitorStateException("cluster lock " + name + " is not held by this thread");
            }
            if (local.getHoldCount() == 1) {
                release(this);
            }
            local.unlock();
        }

        /** Beehive's cluster locks have no conditions either. */
        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("cluster locks have no conditions");
        }
    }
}
