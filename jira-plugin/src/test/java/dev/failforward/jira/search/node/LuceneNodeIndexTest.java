package dev.failforward.jira.search.node;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
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

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's engine ({@link DefaultIndexEngine}: Lucene) under {@link NodeSearchIndex}, as a Data Center node runs it:
 * two nodes with their own index directories on ONE database (HSQLDB, PostgreSQL in the build's second run). A learning
 * written on one node is found by a word of it on the other within seconds; a Lucene index whose files are damaged
 * while the node is down is rebuilt when it starts, searches answering from SQL meanwhile, and nothing is lost.
 */
class LuceneNodeIndexTest {

    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path homes;

    private final List<AoDatabase> databases = new ArrayList<>();
    private final List<NodeSearchIndex> nodes = new ArrayList<>();

    @BeforeEach
    void open() {
        databases.addAll(TestDatabases.openAoForNodes("dev.failforward.jira", 2));
        databases.get(0).activeObjects().migrate(FailureDbSchema.entities());
    }

    @AfterEach
    void close() {
        nodes.forEach(NodeSearchIndex::stop);
        for (int i = databases.size() - 1; i >= 0; i--) {
            databases.get(i).close();
        }
    }

    private NodeSearchIndex node(int db, String name) {
        var ao = databases.get(db).activeObjects();
        NodeSearchIndex node = new NodeSearchIndex(homes.resolve(name).resolve(NodeSearchIndex.INDEX_PATH),
                new DefaultIndexEngine(), new AoSearchChangeLog(ao), new AoSearchableRecordSource(ao),
                NodeSearchIndex.Settings.defaults(), System::currentTimeMillis);
        nodes.add(node);
        node.start();
        return node;
    }

    private static FailureRecord incident(long issueId, String summary) {
        return FailureRecord.builder().issueId(issueId).issueKey("OPS-" + issueId).kind(RecordKind.INCIDENT)
                .summary(summary).status("Reported").failureType(FailureType.COMPLEX)
                .failureCategory(FailureCategory.DESIGN_FLAW).createdAt(T0).updatedAt(T0).discoveredAt(T0).build();
    }

    private static LearningQuery words(String text) {
        return new LearningQuery(Set.of("OPS"), null, null, null, null, null, null, text, PageRequest.first(20));
    }

    /** The node's answer from its index; -1 when it would answer from SQL. */
    private static int fromIndex(NodeSearchIndex node, LearningQuery query) {
        return node.route(index -> index.searchLearnings(query).total(), () -> -1);
    }

    private static long await(String what, BooleanSupplier condition) throws InterruptedException {
        long t0 = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - t0 > WAIT.toNanos()) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(10);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void aLearningWrittenOnOneNodeIsFoundByAWordOnTheOtherWithinSeconds() throws Exception {
        new AoFailureRecordRepository(databases.get(0).activeObjects()).upsert(incident(101, "Checkout down"));
        NodeSearchIndex a = node(0, "node-a");
        NodeSearchIndex b = node(1, "node-b");
        await("both nodes ready", () -> a.status().ready() && b.status().ready());

        AoLearningRepository learnings = new AoLearningRepository(databases.get(0).activeObjects());
        List<Long> lags = new ArrayList<>();
        String[] words = {"saturated", "throttling", "failover", "backpressure", "idempotency"};
        for (int i = 0; i < words.length; i++) {
            learnings.add(new Learning.Draft(101, "Connection pools were " + words[i] + " before the alert fired",
                    LearningKind.INSIGHT, "u", T0.plusSeconds(i)));
            LearningQuery query = words(words[i]);
            lags.add(await("node B finds '" + words[i] + "'", () -> fromIndex(b, query) == 1));
        }
        System.out.printf("Lucene search index, cross-node lag on %s (change log polled every %d ms): %s ms, max %d ms%n",
                TestDatabases.databaseName(), NodeSearchIndex.Settings.defaults().pollMillis(), lags,
                lags.stream().max(Long::compare).orElseThrow());
        assertThat(lags).allSatisfy(lag -> assertThat(lag).isLessThan(5_000));
        // stemmed, from the index, the same total as SQL's substring search for the whole word
        await("node A has all five too", () -> fromIndex(a, words("idempotency")) == 1);
        assertThat(fromIndex(a, words("pool"))).isEqualTo(5);
        assertThat(new AoLearningArchive(databases.get(1).activeObjects()).search(words("pools")).total()).isEqualTo(5);
    }

    @Test
    void aLuceneIndexDamagedWhileTheNodeWasDownIsRebuiltAndSearchesUseSqlMeanwhile() throws Exception {
        new AoFailureRecordRepository(databases.get(0).activeObjects()).upsert(incident(301, "Checkout down"));
        AoLearningRepository learnings = new AoLearningRepository(databases.get(0).activeObjects());
        learnings.add(new Learning.Draft(301, "Pools need alarms", LearningKind.INSIGHT, "u", T0));
        NodeSearchIndex first = node(1, "node-b");
        await("ready", () -> first.status().ready());
        assertThat(fromIndex(first, words("alarms"))).isEqualTo(1);
        Path directory = first.directory();
        first.stop();

        // the node is down: every file of the index is cut to half (a disk that lost writes), and a change arrives
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString()
                    .equals("write.lock")).toList()) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(channel.size() / 2);
                }
            }
        }
        learnings.add(new Learning.Draft(301, "Written while the node was down", LearningKind.SURPRISE, "u", T0));

        NodeSearchIndex restarted = node(1, "node-b");
        assertThat(fromIndex(restarted, words("alarms"))).as("not ready yet: SQL answers").isEqualTo(-1);
        await("rebuilt", () -> restarted.status().ready());
        assertThat(restarted.rebuilds()).isEqualTo(1);
        assertThat(fromIndex(restarted, words("alarms"))).isEqualTo(1);
        assertThat(fromIndex(restarted, words("written"))).as("the change made while it was down").isEqualTo(1);
        LearningArchivePage all = restarted.route(index -> index.searchLearnings(LearningQuery.inProjects(Set.of("OPS"))),
                () -> null);
        assertThat(all.total()).isEqualTo(2);
    }
}
