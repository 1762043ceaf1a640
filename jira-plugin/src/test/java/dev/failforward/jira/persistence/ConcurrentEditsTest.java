package dev.failforward.jira.persistence;

import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemCommand;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.StaleEditException;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database (each its own connection pool) write the same row at the same moment, many times over:
 * a check made on the row (an edit's version, a snapshot's time) holds for the write that follows it. Without a row
 * lock both writers read the row before either writes, both pass, and the later commit undoes the earlier one.
 */
class ConcurrentEditsTest {

    private static final int ROUNDS = 40;
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final List<AoDatabase> databases = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void open() {
        databases.addAll(TestDatabases.openAoForNodes("dev.failforward.jira", 2));
        databases.get(0).activeObjects().migrate(FailureDbSchema.entities());
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        for (int i = databases.size() - 1; i >= 0; i--) {
            databases.get(i).close();
        }
    }

    private AoFailureRecordRepository records(int node) {
        return new AoFailureRecordRepository(databases.get(node).activeObjects());
    }

    private AoActionItemRepository actions(int node) {
        return new AoActionItemRepository(databases.get(node).activeObjects());
    }

    private static FailureRecord snapshot(long issueId, String summary, Instant updated) {
        return FailureRecord.builder().issueId(issueId).issueKey("OPS-" + issueId).kind(RecordKind.INCIDENT)
                .summary(summary).status("Open").createdAt(T0).updatedAt(updated).discoveredAt(T0).build();
    }

    /** Runs both at once (released together by a barrier) and returns their outcomes: a value or the exception. */
    private List<Object> together(Callable<?> first, Callable<?> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Object>> both = new ArrayList<>();
        for (Callable<?> work : List.of(first, second)) {
            both.add(threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                try {
                    return work.call();
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : both) {
            outcomes.add(f.get(1, TimeUnit.MINUTES));
        }
        return outcomes;
    }

    @Test
    void anOlderSnapshotProjectedAtTheSameMomentOnAnotherNodeNeverWinsOverALaterOne() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long issueId = 1000 + round;
            records(0).upsert(snapshot(issueId, "first", T0));
            Instant later = T0.plusSeconds(60);
            FailureRecord older = snapshot(issueId, "older", T0.plusSeconds(30));
            FailureRecord newer = snapshot(issueId, "newer", later);
            // the node with the older snapshot alternates, so neither side wins by starting first
            int olderNode = round % 2;
            together(() -> records(olderNode).upsert(older), () -> records(1 - olderNode).upsert(newer));

            for (int node = 0; node < 2; node++) {
                FailureRecord stored = records(node).findByIssueId(issueId).orElseThrow();
                assertThat(stored.summary()).as("round %d, read on node %d", round, node).isEqualTo("newer");
                assertThat(stored.updatedAt()).isEqualTo(later);
            }
        }
    }

    @Test
    void ofTwoEditsBasedOnTheSameVersionExactlyOneIsStored() throws Exception {
        long issueId = 77;
        records(0).upsert(snapshot(issueId, "incident", T0));
        ActionItem item = actions(0).add(new ActionItemCommand("rotate the keys", "anna", "2026-04-01", "prevent",
                null, null, null, null).toDraft(issueId, T0).value());
        for (int round = 0; round < ROUNDS; round++) {
            ActionItem base = actions(0).findByRecord(issueId).get(0);
            ActionItem byAnna = edit(base, "rotate the keys (anna " + round + ")");
            ActionItem byBen = edit(base, "rotate the keys (ben " + round + ")");
            List<Object> outcomes = together(() -> actions(0).update(byAnna), () -> actions(1).update(byBen));

            List<ActionItem> stored = outcomes.stream().filter(ActionItem.class::isInstance).map(ActionItem.class::cast).toList();
            assertThat(stored).as("round %d: %s", round, outcomes).hasSize(1);
            assertThat(outcomes).as("round %d", round).filteredOn(StaleEditException.class::isInstance).hasSize(1);
            ActionItem now = actions(1).findByRecord(issueId).get(0);
            assertThat(now.version()).isEqualTo(base.version() + 1);
            assertThat(now.description()).isEqualTo(stored.get(0).description());
        }
        assertThat(actions(0).findByRecord(issueId)).singleElement()
                .satisfies(last -> assertThat(last.id()).isEqualTo(item.id()));
    }

    private static ActionItem edit(ActionItem base, String description) {
        return new ActionItemCommand(description, base.ownerKey(), base.dueDate().toString(), base.type().name(),
                "open", null, null, null).applyTo(base, base.version(), T0.plusSeconds(5)).value();
    }
}
