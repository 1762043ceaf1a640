package dev.failforward.jira.persistence;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemCommand;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningCommand;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.StaleEditException;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.host.cluster.DatabaseClusterLockService;
import dev.failforward.host.cluster.LocalClusterLockService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 random changes from eight threads at once — learnings and action items added, edited and deleted, records
 * reclassified, re-dated, moved to another project, removed and projected again — while two appliers race for the
 * change log, on one node and on two nodes of a cluster sharing the database: once the log is applied, the KPI events and every roll-up (per project and across projects) equal a full
 * recomputation from the records, and no change row is left.
 */
class KpiConcurrencyTest {

    private static final Instant T0 = Instant.parse("2026-01-31T20:00:00Z");
    private static final String[] PROJECTS = {"OPS", "CARE", "GROWTH", "SEC"};
    private static final int RECORDS = 120;
    private static final int WRITERS = 8;
    private static final int CHANGES = 10_000;

    /** One node: its own connection pool, repositories, applier and cluster lock service, on the shared database. */
    private record Node(AoDatabase db, AoFailureRecordRepository records, AoLearningRepository learnings,
                        AoActionItemRepository actions, KpiIndex index, AutoCloseable locks) {
        static Node on(AoDatabase db, com.atlassian.beehive.ClusterLockService locks) {
            AoFailureRecordRepository records = new AoFailureRecordRepository(db.activeObjects());
            AoLearningRepository learnings = new AoLearningRepository(db.activeObjects());
            AoActionItemRepository actions = new AoActionItemRepository(db.activeObjects());
            return new Node(db, records, learnings, actions,
                    new KpiIndex(db.activeObjects(), records, learnings, actions, locks),
                    locks instanceof AutoCloseable closeable ? closeable : () -> { });
        }
    }

    private final List<Node> nodes = new ArrayList<>();
    private final List<AoDatabase> databases = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (Node node : nodes) {
            node.locks().close();
        }
        for (int i = databases.size() - 1; i >= 0; i--) {
            databases.get(i).close();
        }
    }

    @Test
    void tenThousandConcurrentChangesLeaveTheRollupsEqualToAFullRecompute() throws Exception {
        AoDatabase db = TestDatabases.openAo("dev.failforward.jira");
        databases.add(db);
        db.activeObjects().migrate(FailureDbSchema.entities());
        LocalClusterLockService locks = new LocalClusterLockService();
        // one node, two appliers racing for the lock
        nodes.add(Node.on(db, locks));
        nodes.add(Node.on(db, locks));
        run();
    }

    /**
     * Two nodes of a cluster on one database, writers on both, each node's applier taking the cluster lock in the
     * database ({@link DatabaseClusterLockService}).
     */
    @Test
    void onTwoNodesConcurrentChangesLeaveTheRollupsEqualToAFullRecompute() throws Exception {
        databases.addAll(TestDatabases.openAoForNodes("dev.failforward.jira", 2));
        databases.get(0).activeObjects().migrate(FailureDbSchema.entities());
        for (int n = 0; n < 2; n++) {
            nodes.add(Node.on(databases.get(n), new DatabaseClusterLockService(databases.get(n).dataSource(),
                    "node-" + n, Duration.ofSeconds(30))));
        }
        run();
    }

    private static FailureRecord record(long id, Random random) {
        String project = PROJECTS[random.nextInt(PROJECTS.length)];
        // around month starts, so edge roll-ups are written and moved too
        Instant at = T0.plus(Duration.ofDays(30L * random.nextInt(4))).plus(Duration.ofMinutes(random.nextInt(600)));
        FailureRecord.Builder builder = FailureRecord.builder().issueId(id).issueKey(project + "-" + id)
                .summary("record " + id).status("Open").createdAt(at).updatedAt(at);
        if (random.nextInt(3) == 0) {
            return builder.kind(RecordKind.EXPERIMENT).startedAt(at)
                    .decidedAt(random.nextBoolean() ? at.plus(Duration.ofDays(5)) : null).build();
        }
        return builder.kind(RecordKind.INCIDENT).discoveredAt(at)
                .reportedAt(at.plus(Duration.ofMinutes(random.nextInt(3_000))))
                .failureType(FailureType.values()[random.nextInt(FailureType.values().length)])
                .failureCategory(random.nextBoolean() ? FailureCategory.DATA_GAP : null).build();
    }

    private void run() throws Exception {
        Random seed = new Random(11);
        for (long id = 1; id <= RECORDS; id++) {
            nodes.get(0).records().upsert(record(id, seed));
        }
        AtomicInteger done = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Random random = new Random(100 + w);
            Node node = nodes.get(w % nodes.size());
            writers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < CHANGES / WRITERS; i++) {
                    try {
                        change(node, random);
                        done.incrementAndGet();
                    } catch (StaleEditException e) {
                        refused.incrementAndGet();
                    } catch (RuntimeException e) {
                        if (DatabaseErrors.isTransient(e)) {
                            // the database's conflict check: the change and its log row rolled back together
                            refused.incrementAndGet();
                        } else {
                            unexpected.add(e);
                        }
                    }
                }
                return null;
            }));
        }
        List<Future<?>> appliers = new ArrayList<>();
        for (Node node : nodes) {
            appliers.add(pool.submit(() -> {
                start.await();
                while (writing.get()) {
                    node.index().applyPending();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get(5, TimeUnit.MINUTES);
        }
        writing.set(false);
        for (Future<?> applier : appliers) {
            applier.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
        KpiIndex index = nodes.get(1).index();
        index.drain();
        AoDatabase db = nodes.get(0).db();
        AoFailureRecordRepository records = nodes.get(0).records();
        AoLearningRepository learnings = nodes.get(0).learnings();
        AoActionItemRepository actions = nodes.get(0).actions();

        assertThat(unexpected).isEmpty();
        assertThat(done.get() + refused.get()).isEqualTo(CHANGES);
        assertThat(done.get()).as("most changes went through").isGreaterThan(CHANGES * 9 / 10);
        assertThat(db.activeObjects().count(RecordChangeEntity.class, "ID > ?", 0)).as("the log is applied").isZero();

        List<KpiIndex.Stored> expected = new ArrayList<>();
        for (long id = 1; id <= RECORDS; id++) {
            records.findByIssueId(id).ifPresent(r -> expected.addAll(index.allEvents(new KpiIndex.Snapshot(r,
                    learnings.findByRecord(r.issueId()), actions.findByRecord(r.issueId())))));
        }
        assertThat(expected).hasSizeGreaterThan(RECORDS);
        assertThat(index.storedRollups()).isEqualTo(KpiIndex.rollupsOf(expected));
        List<KpiIndex.Stored> storedEvents = new ArrayList<>();
        for (KpiEventEntity row : db.activeObjects().find(KpiEventEntity.class, "ID > ?", 0)) {
            storedEvents.add(KpiIndex.stored(row));
        }
        assertThat(storedEvents).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** One random change of a random record, on one node. */
    private static void change(Node node, Random random) {
        AoFailureRecordRepository records = node.records();
        AoLearningRepository learnings = node.learnings();
        AoActionItemRepository actions = node.actions();
        long id = 1 + random.nextInt(RECORDS);
        int kind = random.nextInt(100);
        Instant now = T0.plus(Duration.ofMinutes(random.nextInt(5_000)));
        if (kind < 25) {
            if (records.findByIssueId(id).isPresent()) {
                learnings.add(new LearningCommand("learned " + kind, "insight").toDraft(id, "u", now).value());
            }
        } else if (kind < 32) {
            List<Learning> some = learnings.findByRecord(id);
            if (!some.isEmpty()) {
                learnings.delete(some.get(random.nextInt(some.size())).id());
            }
        } else if (kind < 55) {
            if (records.findByIssueId(id).isPresent()) {
                actions.add(new ActionItemCommand("step", "u", "2026-06-01", "prevent", null, null, null, null)
                        .toDraft(id, now).value());
            }
        } else if (kind < 72) {
            List<ActionItem> some = actions.findByRecord(id);
            if (!some.isEmpty()) {
                ActionItem item = some.get(random.nextInt(some.size()));
                String status = random.nextBoolean() ? "done" : "open";
                String result = "done".equals(status) && random.nextBoolean() ? "effective" : null;
                actions.update(new ActionItemCommand(item.description(), item.ownerKey(), item.dueDate().toString(),
                        item.type().name(), status, result == null ? null : "2026-06-02", result, null)
                        .applyTo(item, item.version(), now.plus(Duration.ofDays(3))).value());
            }
        } else if (kind < 78) {
            List<ActionItem> some = actions.findByRecord(id);
            if (!some.isEmpty()) {
                actions.delete(some.get(random.nextInt(some.size())).id());
            }
        } else if (kind < 95) {
            // reclassified, re-dated or moved: the projection writes the record as Jira has it now
            FailureRecord changed = record(id, random);
            records.upsert(changed);
        } else {
            records.deleteByIssueId(id);
            if (random.nextBoolean()) {
                records.upsert(record(id, random));
            }
        }
    }
}
