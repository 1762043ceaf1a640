package dev.failforward.jira.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failforward.jira.failuredb.FailureDbException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two Jira nodes — two {@link PulseService}s, each with its own connection pool, on one database and one shared-home
 * secret directory — answering at once: the same person's answer sent to both counts once, and many people answering
 * on both while both fold leave exact counts once the period has closed (closed by both nodes at once, too).
 */
class PulseClusterTest {

    private static final Instant NOVEMBER = Instant.parse("2026-11-10T08:00:00Z");
    private static final Instant DECEMBER = Instant.parse("2026-12-01T00:00:01Z");

    @TempDir
    Path home;
    private PulseFixture pulse;
    private PulseService nodeA;
    private PulseService nodeB;

    @BeforeEach
    void open() {
        pulse = new PulseFixture(home.resolve("shared-home/failforward/secrets"), NOVEMBER);
        nodeA = pulse.node();
        nodeB = pulse.secondNode();
    }

    @AfterEach
    void close() {
        pulse.close();
    }

    @Test
    void theSamePersonsAnswerSentToBothNodesAtOnceCountsOnce() throws Exception {
        int rounds = 30;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int r = 0; r < rounds; r++) {
                String user = "u-" + r;
                int score = r % 5 + 1;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> both = new ArrayList<>();
                for (PulseService node : List.of(nodeA, nodeB)) {
                    both.add(threads.submit(() -> {
                        pulse.as(user);
                        start.await();
                        try {
                            node.answer("OPS", score);
                            return "201";
                        } catch (FailureDbException.AlreadyAnswered e) {
                            return "409";
                        }
                    }));
                }
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> outcome : both) {
                    outcomes.add(outcome.get(30, TimeUnit.SECONDS));
                }
                assertThat(outcomes).as("round " + r).containsExactlyInAnyOrder("201", "409");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(pulse.as("u-0").node().status("OPS").answersSoFar()).isEqualTo(rounds);
        assertThat(pulse.rows("PULSE_GUARD")).hasSize(rounds);

        pulse.clock.set(DECEMBER);
        assertThat(nodeB.status("OPS").previous().distribution()).containsExactly(6L, 6L, 6L, 6L, 6L);
    }

    @Test
    void manyPeopleAnsweringOnBothNodesWhileBothFoldLeaveExactCountsAfterThePeriodCloses() throws Exception {
        int people = 240;
        int[] expected = new int[5];
        int[] scores = new int[people];
        Random random = new Random(11);
        for (int p = 0; p < people; p++) {
            scores[p] = 1 + random.nextInt(5);
            expected[scores[p] - 1]++;
        }
        int[] expectedCare = new int[5];
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            PulseService node = w % 2 == 0 ? nodeA : nodeB;
            workers.add(() -> {
                for (int p = next.getAndIncrement(); p < people; p = next.getAndIncrement()) {
                    try {
                        pulse.as("person-" + p);
                        node.answer("OPS", scores[p]);
                        if (p % 4 == 0) {
                            node.answer("CARE", 6 - scores[p]);
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
                return null;
            });
        }
        for (int p = 0; p < people; p += 4) {
            expectedCare[6 - scores[p] - 1]++;
        }
        run(workers);
        assertThat(errors).isEmpty();
        assertThat(pulse.as("x").node().status("OPS").answersSoFar()).isEqualTo(people);
        assertThat(pulse.rows("PULSE_POOL").stream().filter(r -> "OPS".equals(r.get("PROJECT_KEY"))).count())
                .as("at least k, fewer than 2k wait sealed").isBetween(5L, 9L);

        // the period ends: both nodes read at once, so both try to close it
        pulse.clock.set(DECEMBER);
        List<Callable<Void>> readers = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            PulseService node = r % 2 == 0 ? nodeA : nodeB;
            int reader = r;
            readers.add(() -> {
                pulse.as("reader-" + reader);
                if (reader % 3 == 0) {
                    node.counts(List.of("OPS", "CARE"), LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"));
                } else {
                    node.status(reader % 2 == 0 ? "OPS" : "CARE");
                }
                return null;
            });
        }
        run(readers);
        assertThat(pulse.rows("PULSE_POOL")).isEmpty();
        Map<String, Map<LocalDate, long[]>> counts = nodeA.counts(List.of("OPS", "CARE"),
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"));
        assertThat(counts.get("OPS").get(LocalDate.parse("2026-11-01"))).containsExactly(
                expected[0], expected[1], expected[2], expected[3], expected[4]);
        assertThat(counts.get("CARE").get(LocalDate.parse("2026-11-01"))).containsExactly(
                expectedCare[0], expectedCare[1], expectedCare[2], expectedCare[3], expectedCare[4]);
        assertThat(pulse.countRow("OPS", "2026-11-01")).hasValueSatisfying(c -> assertThat(c[5]).isZero());
        assertThat(pulse.secrets().names("pulse-pool-")).isEmpty();
    }

    private static void run(List<Callable<Void>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            for (Future<Void> future : threads.invokeAll(tasks, 5, TimeUnit.MINUTES)) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
