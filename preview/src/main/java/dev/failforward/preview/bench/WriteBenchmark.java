package dev.failforward.preview.bench;

import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningCommand;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.cluster.LocalClusterLockService;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.failuredb.FailureDbService;
import dev.failforward.jira.kpi.KpiApplier;
import dev.failforward.jira.persistence.KpiIndex;
import dev.failforward.jira.persistence.AoActionItemRepository;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.AoLearningRepository;
import dev.failforward.jira.persistence.AoWhyStepRepository;
import dev.failforward.jira.persistence.RecordChangeEntity;
import dev.failforward.jira.persistence.DatabaseErrors;
import dev.failforward.preview.jira.PreviewRecordPermissions;
import dev.failforward.preview.jira.PreviewUserManager;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Write throughput of the failure database as the REST API writes (the service, its permission checks and validation,
 * the repository's transaction with its change-log row), with the KPI applier running beside it, for a record that
 * already has few or many learnings — the cost of a write must not grow with the record:
 *
 * <pre>java -cp "preview/target/fail-forward-preview.jar:preview/target/lib/*" dev.failforward.preview.bench.WriteBenchmark \
 *     [--learnings 20,1600] [--writers 4] [--seconds 10]     (-Dfailforward.test.db=postgres: on the embedded PostgreSQL)</pre>
 *
 * Prints per size: writes/s, p50/p95 of a write, writes refused for a passing reason (503), and how long the applier
 * took after the last write to bring the KPI tables up to date.
 */
public final class WriteBenchmark {

    private WriteBenchmark() {
    }

    /** One size's numbers. */
    public record Result(int learningsBefore, int writes, double writesPerSecond, double p50Millis, double p95Millis,
                         int refused, long catchUpMillis) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(20, 1_600);
        int writers = 4;
        int seconds = 10;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--learnings" -> sizes = Arrays.stream(args[i + 1].split(",")).map(Integer::parseInt).toList();
                case "--writers" -> writers = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "Write benchmark on %s: %d writers, %d s per size, %d cores%n",
                TestDatabases.onPostgres() ? "the embedded PostgreSQL" : "the embedded HSQLDB file database",
                writers, seconds, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  %-24s %8s %10s %8s %8s %8s %12s%n", "learnings on the record", "writes",
                "writes/s", "p50 ms", "p95 ms", "503s", "KPIs after");
        for (int size : sizes) {
            report(run(size, writers, Duration.ofSeconds(seconds)), System.out);
        }
    }

    static void report(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "  %-24s %,8d %10.0f %8.1f %8.1f %8d %9d ms%n", String.format(Locale.ROOT, "%,d",
                r.learningsBefore()), r.writes(), r.writesPerSecond(), r.p50Millis(), r.p95Millis(), r.refused(),
                r.catchUpMillis());
    }

    public static Result run(int learningsBefore, int writers, Duration duration) throws Exception {
        Path directory = Files.createTempDirectory("failforward-write-bench");
        try (AoDatabase db = TestDatabases.onPostgres() ? TestDatabases.openAo(FailureDbBenchmark.JIRA_PLUGIN_KEY)
                : AoDatabase.openFile(directory, FailureDbBenchmark.JIRA_PLUGIN_KEY)) {
            dev.failforward.preview.PreviewDatabase.enable(db);
            AoFailureRecordRepository records = new AoFailureRecordRepository(db.activeObjects());
            AoLearningRepository learnings = new AoLearningRepository(db.activeObjects());
            AoActionItemRepository actions = new AoActionItemRepository(db.activeObjects());
            KpiIndex index = new KpiIndex(db.activeObjects(), records, learnings, actions, new LocalClusterLockService());
            KpiApplier applier = new KpiApplier(index);
            Instant t0 = Instant.parse("2026-11-02T09:00:00Z");
            FailureRecord record = records.upsert(FailureRecord.builder().issueId(1).issueKey("OPS-1")
                    .kind(RecordKind.INCIDENT).summary("Checkout was down").status("Learning review")
                    .createdAndUpdatedAt(t0).discoveredAt(t0).reportedAt(t0.plusSeconds(600))
                    .failureType(FailureType.COMPLEX).build());
            for (int i = 0; i < learningsBefore; i++) {
                learnings.add(new Learning.Draft(1, "learned " + i, LearningKind.INSIGHT, "demo",
                        t0.plusSeconds(60L * i), null));
            }
            index.drain();
            FailureDbService service = new FailureDbService(records, learnings, actions,
                    new AoWhyStepRepository(db.activeObjects()), new PreviewRecordPermissions(Set.of("OPS")),
                    new dev.failforward.jira.users.SalUserDirectory(new PreviewUserManager()), applier);
            applier.start();
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger refused = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch go = new CountDownLatch(1);
            long end = System.nanoTime() + duration.toNanos();
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; System.nanoTime() < end; i++) {
                        long start = System.nanoTime();
                        try {
                            service.addLearning(record.issueKey(),
                                    new LearningCommand("writer " + writer + " learned " + i, "insight"));
                            latencies.add(System.nanoTime() - start);
                        } catch (RuntimeException e) {
                            if (!DatabaseErrors.isTransient(e)) {
                                throw e;
                            }
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            long started = System.nanoTime();
            go.countDown();
            for (Future<?> f : work) {
                f.get();
            }
            long wrote = System.nanoTime();
            pool.shutdown();
            while (db.activeObjects().count(RecordChangeEntity.class, "ID > ?", 0) > 0) {
                Thread.sleep(5);
            }
            long caughtUp = System.nanoTime();
            applier.stop();
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            double seconds = (wrote - started) / 1e9;
            return new Result(learningsBefore, sorted.length, sorted.length / seconds,
                    percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.95) / 1e6, refused.get(),
                    (caughtUp - wrote) / 1_000_000);
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + directory + ": " + e.getMessage());
            }
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
