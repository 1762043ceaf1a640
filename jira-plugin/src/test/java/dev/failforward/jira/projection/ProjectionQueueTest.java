package dev.failforward.jira.projection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.failforward.jira.projection.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** The bounded queue: never blocks the caller, drops and counts when full, coalesces, survives failures, stops. */
class ProjectionQueueTest {

    private final List<Long> projected = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private ProjectionQueue queue;

    @AfterEach
    void stop() {
        release.countDown();
        if (queue != null) {
            queue.destroy();
        }
    }

    /** A worker that holds the first id until released, so the queue behind it fills up. */
    private ProjectionQueue blockedQueue(int capacity) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        queue = new ProjectionQueue(id -> {
            if (id == 1L) {
                holding.countDown();
                awaitRelease();
            }
            projected.add(id);
        }, capacity);
        queue.afterPropertiesSet();
        queue.offer(1);
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        return queue;
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFullQueueDropsAndCountsWithoutBlocking() throws Exception {
        blockedQueue(3);

        long start = System.nanoTime();
        int accepted = 0;
        for (long id = 100; id < 110; id++) {
            if (queue.offer(id)) {
                accepted++;
            }
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(tookMillis).isLessThan(500);
        assertThat(accepted).isEqualTo(3);
        assertThat(queue.stats().dropped()).isEqualTo(7);
        assertThat(queue.stats().waiting()).isEqualTo(3);

        release.countDown();
        eventually(() -> assertThat(projected).containsExactly(1L, 100L, 101L, 102L));
        assertThat(queue.stats().projected()).isEqualTo(4);
    }

    @Test
    void anIdAlreadyWaitingIsNotQueuedAgain() throws Exception {
        blockedQueue(10);

        assertThat(queue.offer(7)).isTrue();
        assertThat(queue.offer(7)).isTrue();
        assertThat(queue.offer(8)).isTrue();
        assertThat(queue.offer(7)).isTrue();
        assertThat(queue.stats().waiting()).isEqualTo(2);

        release.countDown();
        eventually(() -> assertThat(projected).containsExactly(1L, 7L, 8L));
        assertThat(queue.stats().dropped()).isZero();
    }

    @Test
    void anIdQueuedAgainWhileItIsProjectedIsProjectedAgain() throws Exception {
        blockedQueue(10);

        assertThat(queue.offer(1)).isTrue(); // the worker holds 1: a change meanwhile must be seen later
        release.countDown();

        eventually(() -> assertThat(projected).containsExactly(1L, 1L));
    }

    @Test
    void theWorkerSurvivesAFailingProjection() {
        queue = new ProjectionQueue(id -> {
            if (id == 2L) {
                throw new IllegalStateException("database down for issue 2");
            }
            if (id == 3L) {
                throw new NoClassDefFoundError("a class gone with a plugin upgrade");
            }
            projected.add(id);
        }, 10);
        queue.afterPropertiesSet();

        for (long id = 1; id <= 4; id++) {
            queue.offer(id);
        }

        eventually(() -> assertThat(projected).containsExactly(1L, 4L));
        assertThat(queue.stats().failed()).isEqualTo(2);
        assertThat(queue.stats().projected()).isEqualTo(2);
    }

    @Test
    void aProjectionTheDatabaseRefusedForAPassingReasonIsTriedAgain() {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        queue = new ProjectionQueue(id -> {
            if (id == 7L && attempts.incrementAndGet() < 3) {
                throw new IllegalStateException(new java.sql.SQLException("serialization failure", "40001"));
            }
            if (id == 8L) {
                throw new IllegalStateException(new java.sql.SQLException("deadlock", "40P01"));
            }
            projected.add(id);
        }, 10);
        queue.afterPropertiesSet();

        queue.offer(7);
        queue.offer(8);

        eventually(() -> assertThat(projected).containsExactly(7L));
        assertThat(attempts).hasValue(3);
        eventually(() -> assertThat(queue.stats().failed()).as("8 gave up after its attempts").isEqualTo(1));
    }

    @Test
    void destroyStopsTheWorkerAndIsSafeTwice() throws Exception {
        blockedQueue(10);
        queue.offer(5);
        release.countDown();

        queue.destroy();
        queue.destroy();

        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals(ProjectionQueue.THREAD_NAME) && t.isAlive());
        assertThat(queue.stats().waiting()).isZero();
    }
}
