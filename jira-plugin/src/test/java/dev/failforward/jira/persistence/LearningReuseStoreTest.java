package dev.failforward.jira.persistence;

import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.reuse.LearningReuse;
import dev.failforward.jira.reuse.LearningReuseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code LEARNING_REUSE} through {@link AoLearningReuses}: recording is idempotent by learning, kind and target, also
 * when two nodes (two connection pools on one database) record the same reuses at the same moment; counts and the
 * "already applied here" look-up.
 */
class LearningReuseStoreTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private List<AoDatabase> nodes;

    @BeforeEach
    void open() {
        nodes = TestDatabases.openAoForNodes("dev.failforward.jira", 2);
        nodes.get(0).activeObjects().migrate(FailureDbSchema.entities());
    }

    @AfterEach
    void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                nodes.get(i).close();
            } catch (IllegalStateException e) {
                // HSQLDB: closing one shut the shared in-memory database down already
            }
        }
    }

    @Test
    void recordingTwiceKeepsTheFirstReuse() {
        AoLearningReuses store = new AoLearningReuses(nodes.get(0).activeObjects());
        LearningReuseStore.Recorded first = store.record(reuse(7, LearningReuse.Kind.RETRO, "page:42", "u-fred", AT));
        LearningReuseStore.Recorded again = store.record(reuse(7, LearningReuse.Kind.RETRO, "page:42", "u-vera",
                AT.plusSeconds(60)));

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.reuse()).isEqualTo(first.reuse());
        assertThat(again.reuse().reusedBy()).isEqualTo("u-fred");
        assertThat(again.reuse().reusedAt()).isEqualTo(AT);
        assertThat(again.reuse().key()).isEqualTo("7:retro:page:42");
        assertThat(store.byLearning(7)).hasSize(1);
    }

    @Test
    void listsCountsAndFindsWhatATargetAlreadyApplied() {
        AoLearningReuses store = new AoLearningReuses(nodes.get(0).activeObjects());
        store.record(reuse(7, LearningReuse.Kind.INCIDENT, "OPS-9", "u-fred", AT.plusSeconds(5)));
        store.record(reuse(7, LearningReuse.Kind.RETRO, "page:42", "u-fred", AT));
        store.record(reuse(8, LearningReuse.Kind.INCIDENT, "OPS-9", null, AT));
        store.record(reuse(9, LearningReuse.Kind.EXPERIMENT, "OPS-10", "u-vera", AT));

        assertThat(store.byLearning(7)).extracting(LearningReuse::target).containsExactly("page:42", "OPS-9");
        assertThat(store.byLearning(8).get(0).reusedBy()).isNull();
        assertThat(store.byLearning(8).get(0).projectKey()).isEqualTo("OPS");
        assertThat(store.byLearning(99)).isEmpty();
        assertThat(store.counts(List.of(7L, 8L, 9L, 99L))).isEqualTo(Map.of(7L, 2, 8L, 1, 9L, 1));
        assertThat(store.counts(List.of())).isEmpty();
        assertThat(store.reusedBy(List.of(7L, 8L, 9L), "OPS-9")).containsExactly(7L, 8L);
        assertThat(store.reusedBy(List.of(9L), "OPS-9")).isEmpty();
    }

    @Test
    void twoNodesRecordingTheSameReusesAtOnceStoreEachOnce() throws Exception {
        List<AoLearningReuses> stores = List.of(new AoLearningReuses(nodes.get(0).activeObjects()),
                new AoLearningReuses(nodes.get(1).activeObjects()));
        int reuses = 40;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int created = 0;
        try {
            for (int i = 1; i <= reuses; i++) {
                LearningReuse reuse = reuse(i, LearningReuse.Kind.INCIDENT, "CARE-" + i, "u-" + i, AT);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<LearningReuseStore.Recorded>> both = new ArrayList<>();
                for (AoLearningReuses node : stores) {
                    both.add(pool.submit(() -> {
                        start.await();
                        return node.record(reuse);
                    }));
                }
                start.countDown();
                LearningReuseStore.Recorded a = both.get(0).get(60, TimeUnit.SECONDS);
                LearningReuseStore.Recorded b = both.get(1).get(60, TimeUnit.SECONDS);
                assertThat(a.reuse()).isEqualTo(b.reuse()).isEqualTo(reuse);
                assertThat(a.created() ^ b.created()).as("exactly one node stored reuse " + i).isTrue();
                created += a.created() ? 1 : 0;
                created += b.created() ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(created).isEqualTo(reuses);
        assertThat(nodes.get(0).activeObjects().count(LearningReuseEntity.class, "ID > ?", 0)).isEqualTo(reuses);
    }

    private static LearningReuse reuse(long learningId, LearningReuse.Kind kind, String target, String by,
                                       Instant at) {
        return new LearningReuse(learningId, 10_000 + learningId, "OPS", kind, target, by, at);
    }
}
