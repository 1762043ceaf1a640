package dev.failforward.preview.bench;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.LearningKind;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.ao.EntityManagerActiveObjects;
import dev.failforward.jira.archive.LearningArchiveService;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.AoLearningArchive;
import dev.failforward.jira.persistence.AoLearningRepository;
import dev.failforward.jira.persistence.LearningEntity;
import dev.failforward.jira.rest.LearningsResource;
import dev.failforward.preview.jira.PreviewRecordPermissions;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The learnings archive ({@code GET /rest/failforward/1.0/learnings}) on a big failure database: N records of
 * {@link FailureDbBenchmark}'s generated data with three learnings each, on the preview's HSQLDB file database. Times
 * the Jira resource method (parameter checks, permissions, the archive's page query, its record and retro-page queries,
 * the facet counts over <em>every</em> match, the JSON mapping) for searches a team and the archive page make.
 *
 * <pre>java -cp "preview/target/fail-forward-preview.jar:preview/target/lib/*" dev.failforward.preview.bench.LearningsBenchmark 10000 100000</pre>
 */
public final class LearningsBenchmark {

    static final int LEARNINGS_PER_RECORD = 3;
    private static final String[] TEXTS = {"The checklist had no owner", "Nobody watched the dashboard at night",
            "The test data did not look like production", "We found out from a customer, not from monitoring",
            "Two teams assumed the other one would call", "The fix worked because we tried it small first"};

    private LearningsBenchmark() {
    }

    /** One timed search: p50/p95 in ms, and what it found (total matches, items on the page). */
    public record Result(String name, double p50Millis, double p95Millis, int total, int items) {
    }

    public static void main(String[] args) throws IOException {
        List<Integer> sizes = args.length == 0 ? List.of(10_000, 100_000)
                : Arrays.stream(args).map(a -> Integer.parseInt(a.replace("_", "").replace(",", ""))).toList();
        for (int n : sizes) {
            Path directory = Files.createTempDirectory("failforward-learnings-bench");
            List<Result> results;
            try {
                results = run(n, directory, 5, 30, System.err);
            } finally {
                deleteQuietly(directory);
            }
            System.out.printf("%n%,d records, %,d learnings (p50 / p95 ms, total matches, items returned)%n", n,
                    n * LEARNINGS_PER_RECORD);
            for (Result r : results) {
                System.out.printf("  %-58s %8.1f %8.1f %9d %4d%n", r.name(), r.p50Millis(), r.p95Millis(), r.total(),
                        r.items());
            }
        }
    }

    public static List<Result> run(int n, Path directory, int warmups, int iterations, PrintStream progress) {
        try (AoDatabase database = FailureDbBenchmark.openAsThePreviewDoes(directory.resolve("db"))) {
            EntityManagerActiveObjects ao = database.activeObjects();
            load(n, ao, progress);
            PreviewRecordPermissions permissions = new PreviewRecordPermissions(FailureDbBenchmark.Data.ALL_PROJECTS);
            // the award's badges are looked up once per page (no record is nominated here: the look-up's cost only)
            dev.failforward.jira.award.AwardService awards = new dev.failforward.jira.award.AwardService(
                    new dev.failforward.jira.persistence.AoAwards(ao), permissions,
                    new dev.failforward.jira.persistence.AoFailureRecordRepository(ao),
                    new dev.failforward.jira.award.AwardSettings(new dev.failforward.host.settings.InMemoryPluginSettings()),
                    new dev.failforward.jira.secrets.FileSecretStore(directory.resolve("secrets")));
            LearningsResource resource = new LearningsResource(
                    new LearningArchiveService(new AoLearningArchive(ao), permissions), permissions,
                    dev.failforward.jira.search.node.SearchRouting.SQL_ONLY, awards,
                    new dev.failforward.preview.jira.PreviewKpiUserContext(java.time.ZoneOffset.UTC),
                    dev.failforward.host.i18n.BundleI18nResolver.fromClasspath(java.util.Locale.ENGLISH,
                            "i18n/failforward-jira.properties", "dev/failforward/core/i18n/failforward-core.properties"));
            List<Result> results = new ArrayList<>();
            results.add(time("archive page: every project, newest 20", warmups, iterations,
                    () -> resource.search(List.of(), null, null, null, null, null, null, null, null, null)));
            results.add(time("one project, incidents, surprises", warmups, iterations,
                    () -> resource.search(List.of("CARE"), "incident", "surprise", null, null, null, null, null, null,
                            null)));
            results.add(time("every project, text \"checklist\"", warmups, iterations,
                    () -> resource.search(List.of(), null, null, null, null, null, null, "checklist", null, null)));
            results.add(time("every project, since 2025-04-01 (~90 days), page 3 of 50", warmups, iterations,
                    () -> resource.search(List.of(), null, null, null, null, "2025-04-01", null, null, "100", "50")));
            return results;
        }
    }

    /** The generated records, and three learnings per record written in bulk (100 rows per insert). */
    private static void load(int n, EntityManagerActiveObjects ao, PrintStream progress) {
        FailureDbBenchmark.Data data = new FailureDbBenchmark.Data(n);
        AoFailureRecordRepository records = new AoFailureRecordRepository(ao);
        long start = System.nanoTime();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            FailureRecord record = records.upsert(data.record(i, 0));
            for (int l = 0; l < LEARNINGS_PER_RECORD; l++) {
                Map<String, Object> row = new HashMap<>();
                Instant at = record.createdAt().plus(Duration.ofHours(2L + l));
                row.put(LearningEntity.RECORD_ISSUE_ID, record.issueId());
                row.put(LearningEntity.BODY, TEXTS[(i + l) % TEXTS.length]);
                row.put(LearningEntity.SEARCH_TEXT, AoLearningRepository.searchText(TEXTS[(i + l) % TEXTS.length]));
                row.put(LearningEntity.KIND, LearningKind.values()[(i + l) % LearningKind.values().length].name());
                row.put(LearningEntity.AUTHOR_KEY, "bench");
                row.put(LearningEntity.CREATED_AT, Date.from(at));
                if (l == 0 && i % 2 == 0) {
                    row.put(LearningEntity.SOURCE_URL, "https://wiki.example.com/pages/viewpage.action?pageId=" + i);
                    row.put(LearningEntity.SOURCE_TITLE, "Retro " + record.issueKey());
                }
                rows.add(row);
            }
            if (rows.size() >= 100 || i == n - 1) {
                List<Map<String, Object>> batch = List.copyOf(rows);
                ao.executeInTransaction(() -> {
                    ao.create(LearningEntity.class, batch);
                    return null;
                });
                rows.clear();
            }
        }
        progress.printf("loaded %,d records and %,d learnings in %.0f s%n", n, n * LEARNINGS_PER_RECORD,
                (System.nanoTime() - start) / 1e9);
    }

    private static Result time(String name, int warmups, int iterations, Supplier<LearningsResource.Page> search) {
        for (int i = 0; i < warmups; i++) {
            search.get();
        }
        long[] nanos = new long[iterations];
        LearningsResource.Page page = null;
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            page = search.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Result(name, FailureDbBenchmark.percentile(nanos, 50) / 1e6,
                FailureDbBenchmark.percentile(nanos, 95) / 1e6, page.total(), page.items().size());
    }

    static void deleteQuietly(Path directory) {
        try {
            if (Files.exists(directory)) {
                try (var paths = Files.walk(directory)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
