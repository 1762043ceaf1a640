package dev.failforward.jira.search.node;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.SourcePage;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.archive.LearningArchivePage;
import dev.failforward.jira.archive.LearningQuery;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.AoLearningArchive;
import dev.failforward.jira.persistence.AoLearningRepository;
import dev.failforward.jira.persistence.AoSearchChangeLog;
import dev.failforward.jira.persistence.AoSearchableRecordSource;
import dev.failforward.jira.persistence.FailureDbSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Data Center story of the search index, on real Active Objects (HSQLDB, and PostgreSQL in the build's second
 * run): two nodes, each with its own index directory and connection pool, on ONE database. The index implementation is
 * {@link CommitFileIndex} (commits all or nothing, as the port requires); what is tested is everything around it.
 */
class NodeSearchIndexClusterTest {

    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path homes;

    private final List<AoDatabase> databases = new ArrayList<>();
    private final List<NodeSearchIndex> nodes = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void open() {
        databases.addAll(TestDatabases.openAoForNodes("dev.failforward.jira", 2));
        databases.get(0).activeObjects().migrate(FailureDbSchema.entities());
    }

    @AfterEach
    void close() {
        nodes.forEach(NodeSearchIndex::stop);
        threads.shutdownNow();
        for (int i = databases.size() - 1; i >= 0; i--) {
            databases.get(i).close();
        }
    }

    private NodeSearchIndex node(int db, String name, CommitFileEngine engine, NodeSearchIndex.Settings settings,
                                 AtomicLong clockOffset) {
        var ao = databases.get(db).activeObjects();
        NodeSearchIndex node = new NodeSearchIndex(homes.resolve(name).resolve(NodeSearchIndex.INDEX_PATH), engine,
                new AoSearchChangeLog(ao), new AoSearchableRecordSource(ao), settings,
                () -> System.currentTimeMillis() + clockOffset.get());
        nodes.add(node);
        node.start();
        return node;
    }

    private NodeSearchIndex node(int db, String name, CommitFileEngine engine) {
        return node(db, name, engine, NodeSearchIndex.Settings.defaults(), new AtomicLong());
    }

    private AoFailureRecordRepository records(int db) {
        return new AoFailureRecordRepository(databases.get(db).activeObjects());
    }

    private AoLearningRepository learnings(int db) {
        return new AoLearningRepository(databases.get(db).activeObjects());
    }

    private static FailureRecord incident(long issueId, String project, String summary) {
        return FailureRecord.builder().issueId(issueId).issueKey(project + "-" + issueId).kind(RecordKind.INCIDENT)
                .summary(summary).status("Reported").failureType(FailureType.COMPLEX)
                .failureCategory(FailureCategory.DESIGN_FLAW).createdAt(T0).updatedAt(T0).discoveredAt(T0).build();
    }

    private static long await(String what, BooleanSupplier condition) throws InterruptedException {
        return await(what, condition, WAIT);
    }

    private static long await(String what, BooleanSupplier condition, Duration wait) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + wait + ": " + what);
            }
            Thread.sleep(10);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static boolean hasLearning(CommitFileEngine engine, long issueId, String text) {
        CommitFileIndex index = engine.opened.isEmpty() ? null : engine.current();
        return index != null && index.holds(issueId) && index.record(issueId).details().learnings().stream()
                .anyMatch(l -> l.text().equals(text));
    }

    private static LearningQuery everything(Set<String> projects) {
        return LearningQuery.inProjects(projects);
    }

    // (a)
    @Test
    void aChangeCommittedOnOneNodeIsSearchableOnTheOtherWithinSeconds() throws Exception {
        records(0).upsert(incident(101, "OPS", "Checkout down"));
        CommitFileEngine engineA = new CommitFileEngine();
        CommitFileEngine engineB = new CommitFileEngine();
        NodeSearchIndex a = node(0, "node-a", engineA);
        NodeSearchIndex b = node(1, "node-b", engineB);
        await("both nodes ready", () -> a.status().ready() && b.status().ready());
        assertThat(engineB.current().holds(101)).isTrue();
        assertThat(b.status().records()).isEqualTo(1);

        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String text = "Pools need alarms, round " + i;
            learnings(0).add(new Learning.Draft(101, text, LearningKind.INSIGHT, "u", T0.plusSeconds(i)));
            long lag = await("node B indexes the learning", () -> hasLearning(engineB, 101, text));
            lags.add(lag);
        }
        System.out.printf("Search index cross-node lag on %s (poll every %d ms): %s ms, max %d ms%n",
                TestDatabases.databaseName(), NodeSearchIndex.Settings.defaults().pollMillis(), lags,
                lags.stream().max(Long::compare).orElseThrow());
        assertThat(lags).allSatisfy(lag -> assertThat(lag).isLessThan(5_000));

        // and through the routing: node B's archive answer has it, from its index
        LearningArchivePage page = b.route(index -> index.searchLearnings(everything(Set.of("OPS"))
                .withProjects(Set.of("OPS"))), () -> { throw new AssertionError("node B used SQL"); });
        assertThat(page.total()).isEqualTo(5);
        assertThat(b.rebuilds()).isEqualTo(1);
        assertThat(b.failures()).isZero();
    }

    // (b)
    @Test
    void aTransactionThatCommitsAfterALaterOneIsStillApplied() throws Exception {
        assertThat(lateCommitIndexed(NodeSearchIndex.Settings.defaults())).isTrue();
    }

    /** The trap the window avoids: without it, the late commit is skipped for good. */
    @Test
    void withoutTheWindowTheLateCommitWouldBeSkipped() throws Exception {
        assertThat(lateCommitIndexed(new NodeSearchIndex.Settings(100, 0, Duration.ofDays(2).toMillis(),
                Duration.ofHours(1).toMillis()))).isFalse();
    }

    /**
     * Transaction 1 (node A's pool) inserts its learning and change row, and stays open; transaction 2 (node B's pool)
     * then changes another record and commits; the node passes transaction 2's row; then transaction 1 commits.
     * Returns whether the node indexed transaction 1's learning within a few seconds.
     */
    private boolean lateCommitIndexed(NodeSearchIndex.Settings settings) throws Exception {
        records(0).upsert(incident(201, "OPS", "Checkout down"));
        records(0).upsert(incident(202, "OPS", "Search slow"));
        CommitFileEngine engine = new CommitFileEngine();
        NodeSearchIndex node = node(1, "node-b", engine, settings, new AtomicLong());
        await("ready", () -> node.status().ready());

        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AoSearchChangeLog feed = new AoSearchChangeLog(databases.get(1).activeObjects());
        long before = feed.maxId();
        Future<?> first = threads.submit(() -> databases.get(0).activeObjects().executeInTransaction(() -> {
            learnings(0).add(new Learning.Draft(201, "Late but not lost", LearningKind.INSIGHT, "u", T0));
            inserted.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
        Learning second = learnings(1).add(new Learning.Draft(202, "Committed first", LearningKind.INSIGHT, "u", T0));
        long secondRow = feed.maxId();
        await("the node passes the later row", () -> hasLearning(engine, 202, "Committed first")
                && ChangeCursor.parse(engine.current().cursor()).orElseThrow().maxId() >= secondRow);
        assertThat(second.id()).isPositive();
        // the earlier row has a lower id and is still uncommitted
        assertThat(feed.after(before, 100)).extracting(SearchChangeFeed.Change::issueId).containsExactly(202L);

        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        try {
            // many polls' worth: the window catches it on the first poll after the commit, or never
            await("the late commit reaches the index", () -> hasLearning(engine, 201, "Late but not lost"),
                    Duration.ofSeconds(5));
            return true;
        } catch (AssertionError notWithin) {
            return false;
        }
    }

    // (c)
    @Test
    void aDeletedOrCorruptIndexIsRebuiltWhileSearchesUseSql() throws Exception {
        records(0).upsert(incident(301, "OPS", "Checkout down"));
        learnings(0).add(new Learning.Draft(301, "Pools need alarms", LearningKind.INSIGHT, "u", T0));
        CommitFileEngine engine = new CommitFileEngine();
        NodeSearchIndex node = node(1, "node-b", engine);
        await("ready", () -> node.status().ready());
        AoLearningArchive sql = new AoLearningArchive(databases.get(1).activeObjects());
        LearningQuery query = everything(Set.of("OPS"));
        LearningArchivePage expected = sql.search(query);

        // corrupt: the next search fails inside the index, gets SQL's answer, and the node rebuilds
        CommitFileIndex.corrupt(node.directory());
        int[] sqlAnswers = {0};
        LearningArchivePage answer = node.route(index -> index.searchLearnings(query), () -> {
            sqlAnswers[0]++;
            return sql.search(query);
        });
        assertThat(answer).isEqualTo(expected);
        assertThat(sqlAnswers[0]).isEqualTo(1);
        await("rebuilt after corruption", () -> node.rebuilds() == 2 && node.status().ready());
        assertThat(engine.current().holds(301)).isTrue();

        // deleted while running, with a change made meanwhile: rebuilt, nothing lost
        deleteTree(node.directory());
        learnings(0).add(new Learning.Draft(301, "Written while the index was gone", LearningKind.INSIGHT, "u", T0));
        await("rebuilt after deletion", () -> node.rebuilds() == 3 && node.status().ready()
                && hasLearning(engine, 301, "Written while the index was gone"));
        assertThat(engine.current().record(301).details().learnings()).hasSize(2);
        assertThat(node.route(index -> index.searchLearnings(query).total(), () -> -1)).isEqualTo(2);
    }

    // (d)
    @Test
    void aKilledNodeReopensWithAConsistentPosition() throws Exception {
        records(0).upsert(incident(401, "OPS", "Checkout down"));
        CommitFileEngine engine = new CommitFileEngine();
        NodeSearchIndex node = node(1, "node-b", engine);
        await("ready", () -> node.status().ready());
        learnings(0).add(new Learning.Draft(401, "Before the crash", LearningKind.INSIGHT, "u", T0));
        await("applied", () -> hasLearning(engine, 401, "Before the crash"));
        String cursorAtCrash = engine.current().cursor();

        engine.killAll(); // the process dies: the index is neither committed again nor closed
        learnings(0).add(new Learning.Draft(401, "While the node was down", LearningKind.INSIGHT, "u", T0));
        records(0).upsert(incident(402, "OPS", "Search slow"));
        node.stop();

        CommitFileEngine restarted = new CommitFileEngine();
        NodeSearchIndex again = node(1, "node-b", restarted);
        await("caught up after the restart", () -> again.status().ready()
                && hasLearning(restarted, 401, "While the node was down") && restarted.current().holds(402));
        assertThat(again.rebuilds()).as("reopened, not rebuilt").isZero();
        ChangeCursor before = ChangeCursor.parse(cursorAtCrash).orElseThrow();
        ChangeCursor after = ChangeCursor.parse(restarted.current().cursor()).orElseThrow();
        assertThat(after.maxId()).isGreaterThan(before.maxId());
        assertThat(restarted.current().record(401).details().learnings()).extracting(Learning::text)
                .containsExactly("Before the crash", "While the node was down");
    }

    // (e)
    @Test
    void oldChangeRowsArePurgedAndANodeTooFarBehindRebuilds() throws Exception {
        records(0).upsert(incident(501, "OPS", "Checkout down"));
        CommitFileEngine engine = new CommitFileEngine();
        AtomicLong offset = new AtomicLong();
        NodeSearchIndex node = node(1, "node-b", engine, NodeSearchIndex.Settings.defaults(), offset);
        await("ready", () -> node.status().ready());
        assertThat(node.rebuilds()).isEqualTo(1);
        node.stop();

        // three days later (the node's clock): changes were made meanwhile and their rows are past the retention
        learnings(0).add(new Learning.Draft(501, "Learnt while the node was away", LearningKind.INSIGHT, "u", T0));
        AoSearchChangeLog feed = new AoSearchChangeLog(databases.get(0).activeObjects());
        assertThat(feed.after(0, 100)).isNotEmpty();
        offset.set(Duration.ofDays(3).toMillis());
        CommitFileEngine later = new CommitFileEngine();
        NodeSearchIndex back = node(1, "node-b", later, NodeSearchIndex.Settings.defaults(), offset);
        await("rebuilt", () -> back.status().ready() && hasLearning(later, 501, "Learnt while the node was away"));
        assertThat(back.rebuilds()).as("too far behind: rebuilt from the database").isEqualTo(1);
        await("purged", () -> feed.after(0, 100).isEmpty());
        assertThat(feed.purgeBefore(System.currentTimeMillis() + Duration.ofDays(1).toMillis())).isZero();
    }

    // (f)
    @Test
    void theArchiveAnswersTheSameThroughTheIndexAndThroughSql() throws Exception {
        records(0).upsert(incident(601, "OPS", "Checkout down"));
        records(0).upsert(incident(602, "OPS", "Search slow").toBuilder().kind(RecordKind.EXPERIMENT)
                .failureType(null).failureCategory(null).build());
        records(0).upsert(incident(603, "CARE", "Chat lost"));
        SourcePage retro = new SourcePage("https://wiki.example.com/pages/1", "Checkout retro");
        for (int i = 0; i < 30; i++) {
            long record = 601 + i % 3;
            learnings(0).add(new Learning.Draft(record, (i % 2 == 0 ? "Alarms" : "Retries") + " matter " + i,
                    LearningKind.values()[i % LearningKind.values().length], "u", T0.plusSeconds(i),
                    i == 3 ? retro : null));
        }
        CommitFileEngine engine = new CommitFileEngine();
        NodeSearchIndex node = node(1, "node-b", engine);
        await("ready", () -> node.status().ready() && engine.current().size() == 3);
        AoLearningArchive sql = new AoLearningArchive(databases.get(1).activeObjects());
        dev.failforward.jira.archive.LearningArchiveService routed = new dev.failforward.jira.archive
                .LearningArchiveService(sql, new AllProjects(), node);
        dev.failforward.jira.archive.LearningArchiveService sqlOnly = new dev.failforward.jira.archive
                .LearningArchiveService(sql, new AllProjects());

        List<LearningQuery> queries = List.of(
                everything(Set.of("OPS", "CARE")),
                new LearningQuery(Set.of(), null, null, null, null, null, null, "alarms", new PageRequest(0, 5)),
                new LearningQuery(Set.of(), RecordKind.INCIDENT, null, null, null, T0.plusSeconds(5),
                        T0.plusSeconds(25), null, new PageRequest(5, 5)),
                new LearningQuery(Set.of(), null, LearningKind.INSIGHT, FailureType.COMPLEX, null, null, null, null,
                        new PageRequest(0, 20)));
        for (LearningQuery query : queries) {
            int before = engine.current().searches.get();
            LearningArchivePage fromIndex = routed.search(null, query);
            assertThat(engine.current().searches.get()).as("answered by the index").isEqualTo(before + 1);
            LearningArchivePage fromSql = sqlOnly.search(null, query);
            assertThat(fromIndex).as("the same answer for " + query).isEqualTo(fromSql);
            assertThat(fromIndex.total()).isPositive();
        }

        node.stop(); // not ready: the same service answers from SQL
        int before = engine.current().searches.get();
        assertThat(routed.search(null, queries.get(0))).isEqualTo(sqlOnly.search(null, queries.get(0)));
        assertThat(engine.current().searches.get()).isEqualTo(before);
        assertThat(node.status().state()).isEqualTo(NodeIndexStatus.State.UNAVAILABLE);
    }

    /** Every project is browsable. */
    private static final class AllProjects implements dev.failforward.jira.permissions.RecordPermissions {
        @Override
        public boolean canBrowse(String projectKey) {
            return true;
        }

        @Override
        public boolean canEdit(String projectKey) {
            return true;
        }

        @Override
        public java.util.Optional<String> currentUserKey() {
            return java.util.Optional.of("u");
        }

        @Override
        public Set<String> browsableProjectKeys() {
            return Set.of("OPS", "CARE");
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
