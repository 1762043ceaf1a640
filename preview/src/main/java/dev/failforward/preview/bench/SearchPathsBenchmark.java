package dev.failforward.preview.bench;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.RecordQuery;
import dev.failforward.core.record.RecordSort;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.ao.EntityManagerActiveObjects;
import dev.failforward.jira.archive.LearningArchiveService;
import dev.failforward.jira.archive.LearningQuery;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.AoLearningArchive;
import dev.failforward.jira.persistence.AoLearningRepository;
import dev.failforward.jira.persistence.AoSearchableRecordSource;
import dev.failforward.jira.persistence.LearningEntity;
import dev.failforward.jira.persistence.RecordTextEntity;
import dev.failforward.jira.search.LuceneFailureIndex;
import dev.failforward.jira.search.SearchableRecord;
import dev.failforward.jira.search.SimilarQuery;
import dev.failforward.jira.search.node.SearchableRecordSource;
import dev.failforward.preview.jira.PreviewRecordPermissions;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Both search paths side by side, in one run, on the same data (issue 14, "Measure"): N records of
 * {@link FailureDbBenchmark}'s generated data, each with a description (the {@code RECORD_TEXT} table) and three
 * learnings of realistic post-mortem sentences, on the preview's HSQLDB file database. It builds the Lucene index from
 * that database as a node does ({@link AoSearchableRecordSource} pages of {@value SearchableRecordSource#BATCH} into
 * {@link LuceneFailureIndex#rebuild}), then times the same queries on each path:
 * <ul>
 *   <li><b>archive</b> ({@code GET /learnings}'s service, every project, all facets): {@link LearningArchiveService}
 *       over {@link AoLearningArchive} (SQL) vs the same service answered by {@link LuceneFailureIndex#searchLearnings};</li>
 *   <li><b>records</b> ({@code GET /records?text=}): {@link AoFailureRecordRepository#search} (what
 *       {@code FailureDbService.search} calls while the index is not ready) vs {@link LuceneFailureIndex#searchRecords};</li>
 *   <li><b>similar</b> ({@link LuceneFailureIndex#similar}, a {@link SimilarQuery} from a record's summary and
 *       description, as {@code SimilarFailures} builds it): index only, SQL has no such search.</li>
 * </ul>
 * Kinds of query: the newest page without text (archive only: a record search without text never reaches the index),
 * one word, two words, a phrase, a filter and a word; each kind varies its words over its runs. Every kind has
 * warm-ups, then {@code runs} timed searches per path; p50/p95 in ms and SQL/index of the p50s, and the
 * average number of matches per search (for similar: results returned).
 *
 * <p>The query words are chosen so that both paths mean the same thing by them, and the totals are printed side by
 * side (the test asserts they are equal): SQL matches a lower-cased substring of fewer fields (key, summary, hypothesis,
 * team, component, labels; the learning's text), the index stemmed words of more (description, criteria, whys,
 * learnings too). So record words occur only in the record's own searched text, learning words only in learnings, word
 * pairs only side by side, and descriptions use words no query asks for. A phrase goes to the index in quotes and to
 * SQL without (its LIKE is already a phrase match).
 *
 * <pre>
 * mvn -B -ntp -o -q -pl preview -am package -DskipTests -DskipITs
 * java -Xmx4g -cp "preview/target/fail-forward-preview.jar:preview/target/lib/*" \
 *     dev.failforward.preview.bench.SearchPathsBenchmark [records, default 100000] [timed runs per kind, default 200] \
 *     [timed runs per kind on SQL, default the same; at 100,000 records 200 SQL runs of nine kinds take half an hour]
 * </pre>
 */
public final class SearchPathsBenchmark {

    static final int LEARNINGS_PER_RECORD = 3;
    static final int WARMUPS = 30;

    // ----- the text: learnings and descriptions, as teams write them -----

    /** Things a learning is about, most common first (picked with a skew, so some words are common, some rare). */
    private static final String[] SUBJECTS = {"The runbook", "The on-call engineer", "The dashboard", "The alert",
            "The escalation path", "The pager", "The rollout plan", "The staging environment", "The handoff note",
            "Our monitoring", "The approval step", "The retry logic", "The status page", "The spreadsheet",
            "The weekend rota", "The postmortem template", "The contract with the supplier", "The queue consumer",
            "The cron job", "The connection pool", "The firewall rule", "The DNS entry", "The rate limiter",
            "The cache warmer", "The audit trail", "The consent form", "The triage desk", "The whiteboard",
            "The training session", "The smoke test"};
    private static final String[] PREDICATES = {"had no owner", "was out of date", "fired too late",
            "was never rehearsed", "hid the real error", "woke the wrong person", "took an hour to find",
            "only worked in staging", "was skipped under pressure", "saved us", "showed green the whole time",
            "needed two approvals nobody could give", "assumed the other team would act", "was written by one person",
            "had a typo nobody noticed", "was copied from another service", "timed out silently",
            "was turned off months ago", "worked because we tried it small first", "made the problem visible early"};
    private static final String[] TAILS = {"", "", "", " during the night", " on a Friday afternoon",
            " while two people were on leave", " so we added a second reviewer", " and we only found out from a customer",
            " which we now check every week", " so we wrote it down"};
    /** Descriptions: words no query asks for. */
    private static final String[] DESCRIPTION_SENTENCES = {"Customers saw errors for about %d minutes.",
            "The timeline starts at %d:15 when support tickets piled up.", "Impact: %d accounts could not finish.",
            "Detection took %d minutes because graphs looked normal.", "Mitigation: traffic moved to region %d.",
            "About %d people joined the bridge call.", "Revenue impact estimated at %d thousand.",
            "Recovery completed after %d attempts."};

    /** One word each: record words (in summaries, labels, components), learning words (in learnings only). */
    static final String[] RECORD_WORDS = {"backup", "invoices", "wristband", "outage", "certificate", "shadow"};
    static final String[] RECORD_PAIRS = {"schema change", "silent data loss", "duplicate invoices",
            "feature flags", "vendor update"};
    static final String[] LEARNING_WORDS = {"runbook", "dashboard", "pager", "escalation", "spreadsheet", "firewall"};
    static final String[] LEARNING_PAIRS = {"escalation path", "weekend rota", "retry logic", "connection pool",
            "audit trail"};
    static final String[] LEARNING_PHRASES = {"had no owner", "fired too late", "took an hour to find",
            "was never rehearsed", "timed out silently"};

    private SearchPathsBenchmark() {
    }

    static String learningText(int recordIndex, int learning) {
        SplittableRandom r = new SplittableRandom(recordIndex * 31L + learning * 7L + 11);
        StringBuilder text = new StringBuilder();
        for (int s = 1 + r.nextInt(2); s > 0; s--) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(skewed(r, SUBJECTS)).append(' ').append(skewed(r, PREDICATES)).append(TAILS[r.nextInt(
                    TAILS.length)]).append('.');
        }
        return text.toString();
    }

    static String description(int recordIndex) {
        SplittableRandom r = new SplittableRandom(recordIndex * 17L + 5);
        StringBuilder text = new StringBuilder();
        for (int s = 2 + r.nextInt(4); s > 0; s--) {
            text.append(String.format(Locale.ROOT, DESCRIPTION_SENTENCES[r.nextInt(DESCRIPTION_SENTENCES.length)],
                    2 + r.nextInt(58))).append(' ');
        }
        return text.toString().strip();
    }

    /** Low indexes far more often than high ones (roughly Zipf-like). */
    private static String skewed(SplittableRandom r, String[] values) {
        double u = r.nextDouble();
        return values[(int) (values.length * u * u * u)];
    }

    // ----- results -----

    /**
     * One kind of search on one path: p50/p95 ms over the timed runs (wall clock), the same of the searching thread's
     * CPU time (what a search costs without waiting for a core: this machine is shared), and the sum of the runs'
     * totals (matches).
     */
    public record Timing(double p50, double p95, double cpuP50, double cpuP95, long found) {
    }

    /** One kind of search on both paths ({@code sql} is {@code null} for the index-only similar search). */
    public record Row(String name, Timing sql, Timing index) {
        public double ratio() {
            return sql == null ? Double.NaN : sql.p50() / Math.max(1e-6, index.p50());
        }
    }

    /** The index build: DB read alone, indexing from memory, and a node's rebuild (reading through the source). */
    public record Build(int records, double readSeconds, double indexSeconds, double rebuildSeconds, long indexBytes) {
        public double rebuildRate() {
            return records / rebuildSeconds;
        }
    }

    public record Result(int records, double loadSeconds, Build build, List<Row> rows, double loadAverage) {
    }

    // ----- the run -----

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int sqlRuns = args.length > 2 ? Integer.parseInt(args[2]) : runs;
        Path directory = Files.createTempDirectory("failforward-search-paths-bench");
        Result result;
        try {
            result = run(n, directory, WARMUPS, runs, sqlRuns, System.err);
        } finally {
            LearningsBenchmark.deleteQuietly(directory);
        }
        print(System.out, result, runs, sqlRuns);
    }

    public static Result run(int n, Path directory, int warmups, int runs, PrintStream progress) {
        return run(n, directory, warmups, runs, runs, progress);
    }

    /**
     * @param sqlRuns timed runs of each SQL search (fewer than {@code runs} keeps a big run short: at 100,000 records
     *                an SQL archive search takes about a second); its warm-ups are then at most 5
     */
    public static Result run(int n, Path directory, int warmups, int runs, int sqlRuns, PrintStream progress) {
        try (AoDatabase database = FailureDbBenchmark.openAsThePreviewDoes(directory.resolve("db"));
             LuceneFailureIndex index = LuceneFailureIndex.open(directory.resolve("index"))) {
            EntityManagerActiveObjects ao = database.activeObjects();
            long started = System.nanoTime();
            List<FailureRecord> records = load(n, ao, progress);
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            Build build = build(n, ao, index, directory.resolve("index"), progress);

            Set<String> all = FailureDbBenchmark.Data.ALL_PROJECTS;
            PreviewRecordPermissions permissions = new PreviewRecordPermissions(all);
            AoLearningArchive archive = new AoLearningArchive(ao);
            LearningArchiveService sqlArchive = new LearningArchiveService(archive, permissions);
            LearningArchiveService indexArchive = new LearningArchiveService(archive, permissions,
                    q -> Optional.of(index.searchLearnings(q)));
            AoFailureRecordRepository sqlRecords = new AoFailureRecordRepository(ao);
            Runs on = new Runs(warmups, runs, sqlRuns < runs ? Math.min(5, warmups) : warmups, sqlRuns);
            progress.printf("searching: %d warm-ups and %d timed runs per kind on the index, %d and %d on SQL%n",
                    on.warmups(), on.runs(), on.sqlWarmups(), on.sqlRuns());

            List<Row> rows = new ArrayList<>();
            rows.add(both("archive: newest page, no text", on, i -> archive(null, null, null, i % 5 * 20),
                    sqlArchive, indexArchive));
            rows.add(both("archive: one word", on, i -> archive(null, null, LEARNING_WORDS[i % 6], 0),
                    sqlArchive, indexArchive));
            rows.add(both("archive: two words", on, i -> archive(null, null, LEARNING_PAIRS[i % 5], 0),
                    sqlArchive, indexArchive));
            rows.add(phrase("archive: a phrase", on, i -> archive(null, null, LEARNING_PHRASES[i % 5], 0),
                    sqlArchive, indexArchive));
            rows.add(both("archive: incidents + learning kind + word", on,
                    i -> archive(RecordKind.INCIDENT, LearningKind.values()[i % LearningKind.values().length],
                            LEARNING_WORDS[i % 6], 0), sqlArchive, indexArchive));
            RecordQuery newest = RecordQuery.inProjects(all).sortedBy(RecordSort.CREATED, false)
                    .withPage(PageRequest.first(50));
            rows.add(records("records: one word", on, i -> newest.withText(RECORD_WORDS[i % 6]), false,
                    sqlRecords, index));
            rows.add(records("records: two words", on, i -> newest.withText(RECORD_PAIRS[i % 5]), false,
                    sqlRecords, index));
            rows.add(records("records: a phrase", on, i -> newest.withText(RECORD_PAIRS[i % 5]), true,
                    sqlRecords, index));
            rows.add(records("records: incidents + word", on,
                    i -> newest.withKind(RecordKind.INCIDENT).withText(RECORD_WORDS[i % 6]), false, sqlRecords, index));
            rows.add(new Row("similar: a record's summary + description, top 10", null, time(on.warmups(), on.runs(), i -> {
                FailureRecord r = records.get((int) ((i * 7919L) % n));
                return index.similar(new SimilarQuery(r.summary() + "\n" + description(indexOf(r)), all,
                        r.projectKey(), null, r.issueKey(), r.component(), null, 10)).size();
            })));
            return new Result(n, loadSeconds, build, rows, load());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(FailureRecord r) {
        return (int) (r.issueId() - 10_000L);
    }

    private static LearningQuery archive(RecordKind kind, LearningKind learningKind, String text, int offset) {
        return new LearningQuery(FailureDbBenchmark.Data.ALL_PROJECTS, kind, learningKind, null, null, null, null, text,
                new PageRequest(offset, 20));
    }

    /** Warm-ups and timed runs of each search kind on the index and on SQL. */
    private record Runs(int warmups, int runs, int sqlWarmups, int sqlRuns) {
    }

    private static Row both(String name, Runs on, IntFunction<LearningQuery> query, LearningArchiveService sql,
                            LearningArchiveService index) {
        return new Row(name, time(on.sqlWarmups(), on.sqlRuns(), i -> sql.search(null, query.apply(i)).total()),
                time(on.warmups(), on.runs(), i -> index.search(null, query.apply(i)).total()));
    }

    private static Row phrase(String name, Runs on, IntFunction<LearningQuery> query, LearningArchiveService sql,
                              LearningArchiveService index) {
        return new Row(name, time(on.sqlWarmups(), on.sqlRuns(), i -> sql.search(null, query.apply(i)).total()),
                time(on.warmups(), on.runs(), i -> {
                    LearningQuery q = query.apply(i);
                    return index.search(null, new LearningQuery(q.projectKeys(), q.recordKind(), q.learningKind(),
                            q.failureType(), q.category(), q.createdFrom(), q.createdBefore(), '"' + q.text() + '"',
                            q.page())).total();
                }));
    }

    private static Row records(String name, Runs on, IntFunction<RecordQuery> query, boolean quoted,
                               AoFailureRecordRepository sql, LuceneFailureIndex index) {
        return new Row(name, time(on.sqlWarmups(), on.sqlRuns(), i -> sql.search(query.apply(i)).total()),
                time(on.warmups(), on.runs(), i -> {
                    RecordQuery q = query.apply(i);
                    return index.searchRecords(quoted ? q.withText('"' + q.text() + '"') : q).total();
                }));
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static Timing time(int warmups, int runs, IntFunction<Integer> search) {
        for (int i = 0; i < warmups; i++) {
            search.apply(runs + i);
        }
        long[] nanos = new long[runs];
        long[] cpu = new long[runs];
        long found = 0;
        for (int i = 0; i < runs; i++) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            found += search.apply(i);
            nanos[i] = System.nanoTime() - start;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        return new Timing(FailureDbBenchmark.percentile(nanos, 50) / 1e6, FailureDbBenchmark.percentile(nanos, 95) / 1e6,
                FailureDbBenchmark.percentile(cpu, 50) / 1e6, FailureDbBenchmark.percentile(cpu, 95) / 1e6, found);
    }

    // ----- load and build -----

    /**
     * The generated records (upserted 500 per transaction: loading is not what is measured here), each with a
     * description row and three learnings written in bulk.
     */
    private static List<FailureRecord> load(int n, EntityManagerActiveObjects ao, PrintStream progress) {
        FailureDbBenchmark.Data data = new FailureDbBenchmark.Data(n);
        AoFailureRecordRepository repository = new AoFailureRecordRepository(ao);
        List<FailureRecord> stored = new ArrayList<>(n);
        long start = System.nanoTime();
        int chunk = 500;
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            int first = from;
            ao.executeInTransaction(() -> {
                List<Map<String, Object>> learnings = new ArrayList<>();
                List<Map<String, Object>> texts = new ArrayList<>();
                for (int i = first; i < to; i++) {
                    FailureRecord record = repository.upsert(data.record(i, 0));
                    stored.add(record);
                    Map<String, Object> text = new HashMap<>();
                    text.put(RecordTextEntity.RECORD_ISSUE_ID, record.issueId());
                    text.put(RecordTextEntity.DESCRIPTION, description(i));
                    texts.add(text);
                    for (int l = 0; l < LEARNINGS_PER_RECORD; l++) {
                        String body = learningText(i, l);
                        Map<String, Object> row = new HashMap<>();
                        row.put(LearningEntity.RECORD_ISSUE_ID, record.issueId());
                        row.put(LearningEntity.BODY, body);
                        row.put(LearningEntity.SEARCH_TEXT, AoLearningRepository.searchText(body));
                        row.put(LearningEntity.KIND, LearningKind.values()[(i + l) % LearningKind.values().length]
                                .name());
                        row.put(LearningEntity.AUTHOR_KEY, "bench");
                        row.put(LearningEntity.CREATED_AT, Date.from(record.createdAt().plus(Duration.ofHours(2L + l))));
                        learnings.add(row);
                    }
                }
                ao.create(RecordTextEntity.class, texts);
                ao.create(LearningEntity.class, learnings);
                return null;
            });
            if (to % 10_000 == 0) {
                progress.printf("  loaded %,d records (%.0f s)%n", to, (System.nanoTime() - start) / 1e9);
            }
        }
        progress.printf("loaded %,d records, %,d learnings and %,d descriptions in %.0f s%n", n,
                n * LEARNINGS_PER_RECORD, n, (System.nanoTime() - start) / 1e9);
        return stored;
    }

    /**
     * Reads every record through the source alone (the DB's share), indexes them from memory (the index's share), then
     * rebuilds as a node does, reading through the source while indexing; the last build is the one searched.
     */
    private static Build build(int n, EntityManagerActiveObjects ao, LuceneFailureIndex index, Path indexDirectory,
                               PrintStream progress) throws IOException {
        SearchableRecordSource source = new AoSearchableRecordSource(ao);
        long start = System.nanoTime();
        List<SearchableRecord> all = new ArrayList<>(n);
        new Pages(source).forEachRemaining(all::add);
        double read = (System.nanoTime() - start) / 1e9;
        progress.printf("read %,d records through AoSearchableRecordSource in %.1f s%n", all.size(), read);
        start = System.nanoTime();
        index.rebuild(all.iterator(), all.size(), "bench", done -> {
        });
        double indexing = (System.nanoTime() - start) / 1e9;
        progress.printf("indexed them from memory in %.1f s%n", indexing);
        all = null;
        start = System.nanoTime();
        index.rebuild(new Pages(source), source.count(), "bench", done -> {
        });
        double rebuild = (System.nanoTime() - start) / 1e9;
        progress.printf("rebuilt from the database in %.1f s%n", rebuild);
        long bytes;
        try (Stream<Path> files = Files.list(indexDirectory)) {
            bytes = files.mapToLong(f -> f.toFile().length()).sum();
        }
        return new Build(n, read, indexing, rebuild, bytes);
    }

    /** Every record, a page of {@value SearchableRecordSource#BATCH} at a time by issue id (as the node's rebuild reads). */
    private static final class Pages implements Iterator<SearchableRecord> {
        private final SearchableRecordSource source;
        private List<SearchableRecord> page = List.of();
        private int next;
        private long after = Long.MIN_VALUE;
        private boolean done;

        Pages(SearchableRecordSource source) {
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            if (next < page.size()) {
                return true;
            }
            if (done) {
                return false;
            }
            page = source.page(after, SearchableRecordSource.BATCH);
            next = 0;
            done = page.size() < SearchableRecordSource.BATCH;
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).issueId();
            }
            return !page.isEmpty();
        }

        @Override
        public SearchableRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.get(next++);
        }
    }

    // ----- printing -----

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static void print(PrintStream out, Result result, int runs, int sqlRuns) {
        Build b = result.build();
        out.printf(Locale.ROOT, "%n%,d records, %,d learnings, %,d descriptions (loaded in %.0f s); %d cores, "
                        + "load average %.2f%n", result.records(), result.records() * LEARNINGS_PER_RECORD,
                result.records(), result.loadSeconds(), Runtime.getRuntime().availableProcessors(),
                result.loadAverage());
        out.printf(Locale.ROOT, "index build: DB read alone %.1f s (%,.0f records/s); indexing from memory %.1f s "
                        + "(%,.0f records/s); rebuild from the DB %.1f s = %,.0f records/s (target >= 5,000); "
                        + "index %.1f MB%n", b.readSeconds(), b.records() / b.readSeconds(), b.indexSeconds(),
                b.records() / b.indexSeconds(), b.rebuildSeconds(), b.rebuildRate(), b.indexBytes() / 1e6);
        out.printf(Locale.ROOT, "%n%-50s %9s %9s %9s %9s %9s %9s %9s %9s %9s %9s%n", "search (" + runs + " timed runs, SQL "
                        + sqlRuns + ")", "SQL p50", "SQL p95", "idx p50", "idx p95", "idx cpu50", "idx cpu95", "SQL/idx",
                "SQL avg#", "idx avg#", "target");
        for (Row row : result.rows()) {
            String target = row.name().startsWith("similar") ? "p95<30" : "p95<20";
            Timing s = row.sql();
            Timing x = row.index();
            out.printf(Locale.ROOT, "%-50s %9s %9s %9.2f %9.2f %9.2f %9.2f %9s %9s %9d %9s%s%n", row.name(),
                    s == null ? "-" : String.format(Locale.ROOT, "%.2f", s.p50()),
                    s == null ? "-" : String.format(Locale.ROOT, "%.2f", s.p95()), x.p50(), x.p95(), x.cpuP50(),
                    x.cpuP95(),
                    s == null ? "-" : String.format(Locale.ROOT, "%.1f", row.ratio()),
                    s == null ? "-" : Long.toString(s.found() / sqlRuns), x.found() / runs, target,
                    s != null && runs == sqlRuns && s.found() != x.found() ? "  (totals differ)" : "");
        }
        out.flush();
    }
}
