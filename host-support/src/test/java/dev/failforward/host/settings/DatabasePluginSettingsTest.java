package dev.failforward.host.settings;

import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SAL's plugin settings in the shared database: what one node writes, another reads, as SAL can store it. */
class DatabasePluginSettingsTest {

    private AoDatabase db;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void stringsListsAndMapsRoundTripAcrossNodes() {
        DatabasePluginSettings nodeA = new DatabasePluginSettings(db.dataSource());
        DatabasePluginSettings nodeB = new DatabasePluginSettings(db.dataSource());
        Map<String, String> map = new LinkedHashMap<>();
        map.put("k:1", "3:ab");
        map.put("", "unicode ✓ and\nlines");
        nodeA.createGlobalSettings().put("a.string", "12:colons:and digits");
        nodeA.createGlobalSettings().put("a.list", List.of("one", "", "7:x"));
        nodeA.createGlobalSettings().put("a.map", map);
        assertThat(nodeB.get("a.string")).isEqualTo("12:colons:and digits");
        assertThat(nodeB.get("a.list")).isEqualTo(List.of("one", "", "7:x"));
        assertThat(nodeB.get("a.map")).isEqualTo(map);
        assertThat(nodeB.put("a.string", "replaced")).isEqualTo("12:colons:and digits");
        assertThat(nodeA.get("a.string")).isEqualTo("replaced");
        assertThat(nodeA.remove("a.string")).isEqualTo("replaced");
        assertThat(nodeB.get("a.string")).isNull();
        assertThat(nodeB.get("never.written")).isNull();
    }

    /**
     * The fuzz benchmark's 503 "database busy" on {@code PUT /pulse/settings}: two requests writing the same setting at
     * once. On HSQLDB (REPEATABLE READ, as {@code HsqldbSessions} runs it) the second writer of a row another
     * transaction has changed but not committed is refused at once with SQLState 40001, also for a new key two writers
     * insert at once; PostgreSQL makes it wait. Sixteen writers on two nodes, each round released at once: every write
     * succeeds, and what is stored is one of the values written.
     */
    @Test
    void manyWritersOfOneKeyAtOnceAllSucceedAndOneOfTheirValuesIsKept() throws Exception {
        List<DatabasePluginSettings> nodes = List.of(new DatabasePluginSettings(db.dataSource()),
                new DatabasePluginSettings(db.dataSource()));
        int writers = 16;
        int rounds = 40;
        Set<String> written = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CyclicBarrier together = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    DatabasePluginSettings node = nodes.get(writer % 2);
                    try {
                        for (int round = 0; round < rounds && failures.isEmpty(); round++) {
                            together.await(30, TimeUnit.SECONDS);
                            String value = "writer " + writer + ", round " + round;
                            written.add(value);
                            node.put("dev.failforward.shared", value); // one row, updated by all at once
                            node.put("dev.failforward.round." + round, List.of(value)); // a new row, inserted by all
                        }
                    } catch (BrokenBarrierException e) {
                        // another writer failed: stop
                    } catch (Exception e) {
                        failures.add(e);
                        together.reset(); // the others stop at once
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).as("writes that failed").isEmpty();
        for (DatabasePluginSettings node : nodes) {
            assertThat(written).contains((String) node.get("dev.failforward.shared"));
            for (int round = 0; round < rounds; round++) {
                assertThat(node.get("dev.failforward.round." + round)).asList().singleElement()
                        .asString().endsWith(", round " + round).isIn(written);
            }
        }
    }

    /**
     * The retry itself, deterministically: another transaction has changed the row and not committed. HSQLDB refuses
     * the write (40001) and it is tried again; PostgreSQL makes it wait. Once that transaction commits, the write goes
     * through and wins.
     */
    @Test
    void aWriteThatMeetsAnUncommittedChangeOfItsRowGoesThroughOnceThatTransactionEnds() throws Exception {
        DatabasePluginSettings settings = new DatabasePluginSettings(db.dataSource());
        settings.put("dev.failforward.busy", "before");
        try (Connection other = db.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement update = other.prepareStatement("UPDATE " + DatabasePluginSettings.TABLE
                    + " SET SETTING_VALUE = ? WHERE SETTING_KEY = ?")) {
                update.setString(1, DatabasePluginSettings.encode("k", "theirs"));
                update.setString(2, "dev.failforward.busy");
                assertThat(update.executeUpdate()).isOne();
            }
            CompletableFuture<Object> mine = CompletableFuture.supplyAsync(
                    () -> settings.put("dev.failforward.busy", "mine"));
            long waited = System.nanoTime();
            while (settings.retried() == 0 && System.nanoTime() - waited < TimeUnit.MILLISECONDS.toNanos(300)) {
                Thread.sleep(5); // HSQLDB: until the first refusal; PostgreSQL: the write is waiting meanwhile
            }
            assertThat(mine).as("the write waits for the other transaction").isNotDone();
            other.commit();
            assertThat(mine.get(10, TimeUnit.SECONDS)).isEqualTo("before");
        }
        assertThat(settings.get("dev.failforward.busy")).isEqualTo("mine");
        if (!TestDatabases.onPostgres()) {
            assertThat(settings.retried()).as("HSQLDB refused it, and it was tried again").isPositive();
        }
    }

    @Test
    void onlyAPassingRefusalIsTriedAgain() {
        assertThat(dev.failforward.host.db.SqlErrors.isTransient(new SQLException("serialization failure", "40001"))).isTrue();
        assertThat(dev.failforward.host.db.SqlErrors.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(dev.failforward.host.db.SqlErrors.isTransient(new SQLException("lock not available", "55P03"))).isTrue();
        assertThat(dev.failforward.host.db.SqlErrors.isTransient(new SQLTransientException("busy"))).isTrue();
        SQLException batch = new SQLException("batch failed", "XX000");
        batch.setNextException(new SQLException("serialization failure", "40001"));
        assertThat(dev.failforward.host.db.SqlErrors.isTransient(batch)).isTrue();
        assertThat(dev.failforward.host.db.SqlErrors.isTransient(new SQLException("duplicate", "23505"))).isFalse();
        assertThat(dev.failforward.host.db.SqlErrors.isTransient(new SQLException("too long", "22001"))).isFalse();
        assertThat(dev.failforward.host.db.SqlErrors.isTransient(new SQLException("no state"))).isFalse();
    }

    @Test
    void refusesWhatSalCannotStore() {
        DatabasePluginSettings settings = new DatabasePluginSettings(db.dataSource());
        assertThatThrownBy(() -> settings.put("a.number", 5)).hasMessageContaining("cannot store");
        assertThatThrownBy(() -> settings.put("a.list", List.of(1, 2))).hasMessageContaining("cannot store");
        assertThat(settings.get("a.number")).isNull();
    }
}
