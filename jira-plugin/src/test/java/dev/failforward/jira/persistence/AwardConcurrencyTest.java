package dev.failforward.jira.persistence;

import dev.failforward.core.award.AwardException;
import dev.failforward.core.award.AwardProblem;
import dev.failforward.core.award.AwardTally;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.failforward.jira.persistence.AwardTables.BOX;
import static dev.failforward.jira.persistence.AwardTables.Q4;
import static dev.failforward.jira.persistence.AwardTables.guard;
import static dev.failforward.jira.persistence.AwardTables.nomination;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Jira nodes (two connection pools on one database) and eight threads voting at once, every voter's vote sent to
 * both nodes at the same moment: each double is refused with "already voted", and once both nodes fold at the same
 * moment each voter is counted exactly once and every count is exact.
 */
class AwardConcurrencyTest {

    private static final String[] NOMINEES = {"OPS-1", "OPS-2", "CARE-3"};
    private static final int VOTERS = 120;

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
    void everyVoteSentToBothNodesAtOnceCountsOnceAndTheCountsAreExact() throws Exception {
        AoAwards nodeA = new AoAwards(nodes.get(0).activeObjects());
        AoAwards nodeB = new AoAwards(nodes.get(1).activeObjects());
        nodeA.ensure(Q4);
        nodeB.ensure(Q4);
        for (int i = 0; i < NOMINEES.length; i++) {
            nodeA.nominate(Q4.id(), nomination(NOMINEES[i], "u-nominator", i));
        }
        Random random = new Random(16);
        String[] choice = new String[VOTERS];
        long[] expected = new long[NOMINEES.length];
        for (int v = 0; v < VOTERS; v++) {
            int n = random.nextInt(NOMINEES.length);
            choice[v] = NOMINEES[n];
            expected[n]++;
        }
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                workers.add(() -> {
                    ExecutorService pair = Executors.newFixedThreadPool(2);
                    try {
                        for (int v = next.getAndIncrement(); v < VOTERS; v = next.getAndIncrement()) {
                            int voter = v;
                            CountDownLatch start = new CountDownLatch(1);
                            List<Future<?>> both = new ArrayList<>();
                            for (AoAwards node : List.of(nodeA, nodeB)) {
                                both.add(pair.submit(() -> {
                                    start.await();
                                    try {
                                        node.vote(Q4.id(), guard("voter-" + voter), choice[voter], BOX);
                                        accepted.incrementAndGet();
                                    } catch (AwardException e) {
                                        assertThat(e.kind()).isEqualTo(AwardProblem.VOTE_ALREADY_CAST);
                                        refused.incrementAndGet();
                                    }
                                    return null;
                                }));
                            }
                            start.countDown();
                            for (Future<?> f : both) {
                                try {
                                    f.get(60, TimeUnit.SECONDS);
                                } catch (java.util.concurrent.ExecutionException e) {
                                    errors.add(e.getCause());
                                }
                            }
                        }
                    } finally {
                        pair.shutdownNow();
                    }
                    return null;
                });
            }
            for (Future<Void> worker : threads.invokeAll(workers)) {
                worker.get(300, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(errors).isEmpty();
        assertThat(accepted.get()).isEqualTo(VOTERS);
        assertThat(refused.get()).isEqualTo(VOTERS);
        assertThat(nodeB.voters(Q4.id())).isEqualTo(VOTERS);
        assertThat(nodeB.waiting(Q4.id())).isEqualTo(VOTERS);
        // voting has closed: both nodes fold at once; one folds everything, the other finds nothing left
        ExecutorService folders = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> folds = new ArrayList<>();
            for (AoAwards node : List.of(nodeA, nodeB)) {
                folds.add(folders.submit(() -> {
                    go.await();
                    return node.fold(Q4.id(), () -> java.util.Optional.of(BOX));
                }));
            }
            go.countDown();
            List<Boolean> folded = new ArrayList<>();
            for (Future<Boolean> f : folds) {
                folded.add(f.get(120, TimeUnit.SECONDS));
            }
            assertThat(folded).containsExactlyInAnyOrder(true, false);
        } finally {
            folders.shutdownNow();
        }
        assertThat(nodeA.waiting(Q4.id())).isZero();
        assertThat(nodeB.standings(Q4.id())).extracting(AwardTally.Standing::votes)
                .containsExactly(expected[0], expected[1], expected[2]);
        for (int v = 0; v < VOTERS; v++) {
            assertThat(nodeA.hasVoted(guard("voter-" + v))).isTrue();
        }
    }
}
