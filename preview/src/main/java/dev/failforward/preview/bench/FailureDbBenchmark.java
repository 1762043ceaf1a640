package dev.failforward.preview.bench;

import com.atlassian.activeobjects.external.ModelVersion;
import dev.failforward.core.experiment.Decision;
import dev.failforward.core.experiment.Outcome;
import dev.failforward.core.experiment.Phase;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureMode;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.RecordPage;
import dev.failforward.core.record.RecordQuery;
import dev.failforward.core.record.RecordSort;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.host.ao.EntityManagerActiveObjects;
import dev.failforward.jira.persistence.ActionItemEntity;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.FailureDbUpgradeTask002;
import dev.failforward.jira.persistence.FailureRecordEntity;
import dev.failforward.jira.persistence.LearningEntity;
import dev.failforward.jira.persistence.WhyStepEntity;
import dev.failforward.preview.jira.PreviewJira;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Speed numbers of the failure database, printed, not asserted (timed unit tests flake; a benchmark shows a trend).
 *
 * <pre>
 * mvn -q -B -ntp -DskipTests package &amp;&amp; java -cp "preview/target/fail-forward-preview.jar:preview/target/lib/*" \
 *     dev.failforward.preview.bench.FailureDbBenchmark [--records 10000,100000] [--data DIR]
 * </pre>
 *
 * <p>For each size N it opens a <b>fresh</b> database exactly as the preview does ({@code PreviewServices}: an
 * HSQLDB file database through {@link AoDatabase#openFile} with the Jira plugin's Atlassian table naming, then
 * {@link FailureDbUpgradeTask002} and the same {@code migrate} call), in a temporary directory that is deleted
 * afterwards, or in {@code DIR/n<N>} (kept) with {@code --data}. Then:
 * <ol>
 *   <li><b>Projection</b>: N realistic records (three projects, both kinds, field values and text lengths as a team
 *       writes them, labels, creation times spread over two years) through
 *       {@link AoFailureRecordRepository#upsert}, one call and so one transaction per record: the Jira projection
 *       writes one issue event at a time, and its backfill ({@code BackfillJob}) also upserts issue by issue, each in
 *       its own transaction, so that one bad issue does not roll back its page. Then 10% again unchanged (the
 *       idempotent path) and 10% changed (the update path). Only the upsert calls are timed; the records are
 *       generated outside the clock. What-if: {@code --batch B} back-fills the oldest 90% with B upsert calls sharing
 *       one transaction (each upsert's own transaction joins it), which shows what the per-transaction cost is.</li>
 *   <li><b>List/search</b>: representative {@link RecordQuery}s, each {@code warm-ups} times untimed and then
 *       {@code iterations} times timed: p50 / p95 / max in ms, and the rows matched, checked against the count the
 *       generator knows ({@link QueryResult#matchesExpected()}).</li>
 *   <li><b>Heap</b> used after the load, after a GC: a rough number; HSQLDB keeps its (MEMORY) tables on the heap,
 *       so it includes the database itself, unlike a product on PostgreSQL.</li>
 * </ol>
 * The generated data is a pure function of the record's index (fixed seed, fixed "now"), so runs are comparable.
 */
public final class FailureDbBenchmark {

    /** The Jira plugin key: the AO namespace the preview opens the database with (PreviewServices.JIRA_PLUGIN_KEY). */
    static final String JIRA_PLUGIN_KEY = "dev.failforward.jira";
    static final List<Integer> DEFAULT_SIZES = List.of(10_000, 100_000);
    static final int DEFAULT_WARMUPS = 5;
    static final int DEFAULT_ITERATIONS = 30;
    /** Upserts per transaction when back-filling the oldest 90%; 1 (default) writes every record in its own transaction. */
    static final int DEFAULT_BATCH = 1;

    static final String USAGE = """
            Usage: java -cp "preview/target/fail-forward-preview.jar:preview/target/lib/*" \\
                       dev.failforward.preview.bench.FailureDbBenchmark [--records N[,N...]] [--data DIR]
                       [--warmups W] [--iterations I] [--batch B]
              --records     sizes to measure, each in a fresh database (default 10000,100000; 10k / 1m work too)
              --data DIR    put the databases in DIR/n<N> and keep them (default: a temporary directory, deleted)
              --warmups     untimed runs of each query before timing (default 5)
              --iterations  timed runs of each query (default 30)
              --batch B     what-if: back-fill the oldest 90% with B upserts per transaction (default 1: every
                            upsert in its own transaction, as the projection and its backfill write); the newest 10%
                            and all re-upserts are always one upsert per transaction""";

    private FailureDbBenchmark() {
    }

    // ----- command line -----

    /** The command line: sizes, optional data directory, warm-ups and timed iterations per query. */
    public record Options(List<Integer> sizes, Path dataDirectory, int warmups, int iterations, int batch) {

        public Options {
            sizes = List.copyOf(sizes);
            if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 10)) {
                throw new IllegalArgumentException("--records needs sizes of at least 10: " + sizes);
            }
            if (warmups < 0 || iterations < 1) {
                throw new IllegalArgumentException("--warmups must be >= 0 and --iterations >= 1");
            }
            if (batch < 1 || batch > 10_000) {
                throw new IllegalArgumentException("--batch must be between 1 and 10000: " + batch);
            }
        }

        static Options parse(List<String> args) {
            List<Integer> sizes = DEFAULT_SIZES;
            Path data = null;
            int warmups = DEFAULT_WARMUPS;
            int iterations = DEFAULT_ITERATIONS;
            int batch = DEFAULT_BATCH;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
                if (!List.of("--records", "--data", "--warmups", "--iterations", "--batch").contains(option)) {
                    throw new IllegalArgumentException("unknown option: " + arg);
                }
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(option + " needs a value");
                    }
                    value = args.get(++i);
                }
                switch (option) {
                    case "--records" -> sizes = Arrays.stream(value.split(",")).map(FailureDbBenchmark::size).toList();
                    case "--data" -> data = Path.of(value);
                    case "--warmups" -> warmups = number(value, "--warmups");
                    case "--iterations" -> iterations = number(value, "--iterations");
                    case "--batch" -> batch = number(value, "--batch");
                    default -> throw new IllegalStateException("not reached: " + option);
                }
            }
            return new Options(sizes, data, warmups, iterations, batch);
        }
    }

    private static int size(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace("_", "");
        int factor = 1;
        if (t.endsWith("k")) {
            factor = 1_000;
        } else if (t.endsWith("m")) {
            factor = 1_000_000;
        }
        return Math.multiplyExact(number(factor == 1 ? t : t.substring(0, t.length() - 1), "--records"), factor);
    }

    private static int number(String text, String option) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number: " + text);
        }
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println("FailureDbBenchmark: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        printHeader(out, options);
        boolean allMatch = true;
        for (int n : options.sizes()) {
            SizeResult result;
            try {
                result = runInFreshDatabase(n, options, System.err);
            } catch (IllegalStateException e) {
                System.err.println("FailureDbBenchmark: " + e.getMessage());
                System.exit(1);
                return;
            }
            print(out, result);
            allMatch &= result.queries().stream().allMatch(QueryResult::matchesExpected);
        }
        if (!allMatch) {
            System.err.println("FailureDbBenchmark: a query matched a different number of rows than generated (see '!')");
            System.exit(1);
        }
    }

    // ----- results -----

    /** One timed write phase: how many upserts, how long they took in all, and how many changed the stored version. */
    public record PhaseResult(String name, String how, int records, long nanos, int versionsBumped) {
        public double recordsPerSecond() {
            return nanos == 0 ? 0 : records * 1e9 / nanos;
        }

        public double millisPerRecord() {
            return records == 0 ? 0 : nanos / 1e6 / records;
        }
    }

    /**
     * One query's latency over the timed runs and what it found: {@code matched} is the query's total (the count for a
     * count-only query), {@code returned} the size of the page.
     */
    public record QueryResult(String name, double p50Millis, double p95Millis, double maxMillis, int runs, int matched,
                              int expectedMatched, int returned, int expectedReturned) {
        public boolean matchesExpected() {
            return matched == expectedMatched && returned == expectedReturned;
        }
    }

    /** Everything measured at one size. */
    public record SizeResult(int records, Path databaseDirectory, List<PhaseResult> projection,
                             List<QueryResult> queries, long heapUsedBytes, long databaseBytes, Duration elapsed,
                             double loadBefore, double loadAfter) {
    }

    // ----- the run -----

    /** Runs one size in a fresh database under {@code dataDirectory/n<N>} (kept), or in a temporary one (deleted). */
    static SizeResult runInFreshDatabase(int n, Options options, PrintStream progress) {
        Path dataDirectory = options.dataDirectory();
        Path directory;
        boolean temporary = dataDirectory == null;
        try {
            if (temporary) {
                directory = Files.createTempDirectory("failforward-bench-");
            } else {
                directory = dataDirectory.resolve("n" + n);
                if (Files.isDirectory(directory)) {
                    try (Stream<Path> entries = Files.list(directory)) {
                        if (entries.findAny().isPresent()) {
                            throw new IllegalStateException(directory + " is not empty: the benchmark needs a fresh "
                                    + "database; remove it or pass another --data");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return run(n, directory, options.warmups(), options.iterations(), options.batch(), progress);
        } finally {
            if (temporary) {
                deleteRecursively(directory);
            }
        }
    }

    /**
     * The benchmark's core at one size, in {@code directory} (which must hold no database yet): load, re-upsert,
     * query, measure. Progress lines go to {@code progress}.
     */
    public static SizeResult run(int n, Path directory, int warmups, int iterations, int batch, PrintStream progress) {
        long started = System.nanoTime();
        double loadBefore = systemLoad();
        Path databaseDirectory = directory.resolve("db");
        Data data = new Data(n);
        List<PhaseResult> projection = new ArrayList<>();
        List<QueryResult> queries;
        long heap;
        long databaseBytes;
        try (AoDatabase database = openAsThePreviewDoes(databaseDirectory)) {
            AoFailureRecordRepository records = new AoFailureRecordRepository(database.activeObjects());

            EntityManagerActiveObjects ao = database.activeObjects();
            progress.printf("[n=%,d] inserting %,d records...%n", n, n);
            int newest = batch == 1 ? n : n / 10;
            if (newest < n) {
                projection.add(upsertAll("insert (oldest 90%), batched", batch + " per transaction", ao, records,
                        range(0, n - newest), data, false, batch, progress));
            }
            projection.add(upsertAll(batch == 1 ? "insert (new issues)" : "insert (newest 10%)",
                    "one per transaction", ao, records, range(n - newest, n), data, false, 1, progress));
            projection.add(upsertAll("re-upsert unchanged (10%)", "one per transaction", ao, records,
                    every10th(n, Data.UNCHANGED_SLOT), data, false, 1, progress));
            projection.add(upsertAll("re-upsert changed (10%)", "one per transaction", ao, records,
                    every10th(n, Data.CHANGED_SLOT), data, true, 1, progress));
            heap = heapUsedAfterGc();

            progress.printf("[n=%,d] querying (%d warm-ups + %d timed runs each)...%n", n, warmups, iterations);
            queries = new ArrayList<>();
            for (QuerySpec spec : data.querySpecs()) {
                queries.add(time(spec, records, warmups, iterations));
            }
            databaseBytes = database.kind() == AoDatabase.Kind.POSTGRESQL ? postgresSize(database) : -1;
        }
        if (databaseBytes < 0) {
            databaseBytes = sizeOf(databaseDirectory); // HSQLDB: after close, with the checkpoint written
        }
        return new SizeResult(n, databaseDirectory, List.copyOf(projection), List.copyOf(queries), heap,
                databaseBytes, Duration.ofNanos(System.nanoTime() - started), loadBefore, systemLoad());
    }

    /** The 1-minute system load average (other processes slow the numbers down), or -1 where unknown. */
    private static double systemLoad() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * What {@code PreviewServices} does: open the file database with the plugin's namespace, upgrade, migrate. With
     * {@code -Dfailforward.test.db=postgres} (as the build's PostgreSQL test run sets it) a new database on an embedded
     * PostgreSQL instead ({@link TestDatabases}), so the same benchmark measures PostgreSQL.
     */
    static AoDatabase openAsThePreviewDoes(Path databaseDirectory) {
        AoDatabase database = TestDatabases.onPostgres() ? TestDatabases.openAo(JIRA_PLUGIN_KEY)
                : AoDatabase.openFile(databaseDirectory, JIRA_PLUGIN_KEY);
        dev.failforward.preview.PreviewDatabase.enable(database);
        return database;
    }

    private static final int CHUNK = 1_000;

    /**
     * Upserts the records with these indexes, each through {@link AoFailureRecordRepository#upsert}; with
     * {@code batch > 1}, {@code batch} calls share one {@code executeInTransaction} (each upsert's own transaction joins
     * it, as in the products), which is what a backfill job may do and a per-event projection does not. Only the
     * upserts (and the commits) are on the clock: records are generated a chunk at a time before the chunk is timed.
     */
    private static PhaseResult upsertAll(String name, String how, EntityManagerActiveObjects ao,
                                         AoFailureRecordRepository records, List<Integer> indexes, Data data,
                                         boolean changed, int batch, PrintStream progress) {
        int chunkSize = Math.max(CHUNK, batch);
        long nanos = 0;
        int bumped = 0;
        long lastReport = System.nanoTime();
        for (int from = 0; from < indexes.size(); from += chunkSize) {
            List<FailureRecord> chunk = new ArrayList<>(chunkSize);
            for (int i : indexes.subList(from, Math.min(indexes.size(), from + chunkSize))) {
                chunk.add(data.record(i, changed ? 1 : 0));
            }
            long start = System.nanoTime();
            if (batch == 1) {
                bumped += upsertEach(records, chunk);
            } else {
                for (int b = 0; b < chunk.size(); b += batch) {
                    List<FailureRecord> group = chunk.subList(b, Math.min(chunk.size(), b + batch));
                    bumped += ao.executeInTransaction(() -> upsertEach(records, group));
                }
            }
            nanos += System.nanoTime() - start;
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                progress.printf("  %s: %,d / %,d (%.0f records/s)%n", name, from + chunk.size(), indexes.size(),
                        (from + chunk.size()) * 1e9 / nanos);
            }
        }
        return new PhaseResult(name, how, indexes.size(), nanos, bumped);
    }

    /** Upserts each record; returns how many came back with a version above 0 (stored as a change). */
    private static int upsertEach(AoFailureRecordRepository records, List<FailureRecord> group) {
        int bumped = 0;
        for (FailureRecord record : group) {
            if (records.upsert(record).version() > 0) {
                bumped++;
            }
        }
        return bumped;
    }

    private static QueryResult time(QuerySpec spec, AoFailureRecordRepository records, int warmups, int iterations) {
        int matched = 0;
        int returned = 0;
        for (int i = 0; i < warmups; i++) {
            spec.run(records);
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            int[] found = spec.run(records);
            nanos[i] = System.nanoTime() - start;
            matched = found[0];
            returned = found[1];
        }
        Arrays.sort(nanos);
        return new QueryResult(spec.name(), millis(percentile(nanos, 50)), millis(percentile(nanos, 95)),
                millis(nanos[nanos.length - 1]), iterations, matched, spec.expectedMatched(), returned,
                spec.expectedReturned());
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static long heapUsedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> values = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            values.add(i);
        }
        return values;
    }

    /** The indexes {@code i} with {@code i % 10 == slot}: 10% of the records, spread over all of them. */
    private static List<Integer> every10th(int n, int slot) {
        List<Integer> values = new ArrayList<>(n / 10 + 1);
        for (int i = slot; i < n; i += 10) {
            values.add(i);
        }
        return values;
    }

    // ----- queries -----

    /**
     * A representative query: what it asks the repository, and what it must find, counted from the generated data by
     * a predicate with the query's meaning.
     */
    record QuerySpec(String name, RecordQuery query, boolean countOnly, int expectedMatched) {

        int expectedReturned() {
            if (countOnly) {
                return 0;
            }
            return Math.max(0, Math.min(query.page().limit(), expectedMatched - query.page().offset()));
        }

        /** {matched, returned}. */
        int[] run(AoFailureRecordRepository records) {
            if (countOnly) {
                return new int[] {records.count(query), 0};
            }
            RecordPage page = records.search(query);
            return new int[] {page.total(), page.records().size()};
        }
    }

    // ----- the data -----

    /**
     * Realistic records as a pure function of their index {@code i} (0 ≤ i &lt; N) and revision (0 as created, 1 as
     * changed later): issue id {@code 10000 + i}, issue key {@code PROJECT-(i + 1)} (one global sequence: other issue
     * types fill the gaps in each project, as in a real Jira), created in index order over two years before
     * {@link #NOW}. Projects OPS 50%, GROWTH 30%, CARE 20%; 55% experiments, 45% incidents; older records are mostly
     * decided / closed. About 1% of the summaries mention {@link #RARE_WORD}; {@link #ABSENT_WORD} appears nowhere.
     */
    static final class Data {

        static final Instant NOW = Instant.parse("2025-06-30T09:00:00Z");
        static final Duration SPAN = Duration.ofDays(730);
        static final String RARE_WORD = "sandpiper";
        static final String ABSENT_WORD = "zeppelin hangar";
        static final int UNCHANGED_SLOT = 3;
        static final int CHANGED_SLOT = 7;
        static final Set<String> ALL_PROJECTS = Set.of("OPS", "GROWTH", "CARE");
        private static final long SEED = 0x5EED_FA11_F0E7L;

        private static final String[] PROJECTS = {"OPS", "GROWTH", "CARE"};
        private static final String[][] TEAMS = {
                {"Platform", "Search", "Site Reliability", "Payments"},
                {"Growth", "Pricing", "Lifecycle marketing"},
                {"Ward 4", "Admissions", "Pharmacy", "Night shift nursing"}};
        private static final String[][] COMPONENTS = {
                {"payments", "checkout", "search-api", "backups", "deploy-pipeline", "auth", "message-queue"},
                {"onboarding", "pricing-page", "billing", "email-campaigns", "trial-signup"},
                {"lab", "admissions", "medication", "handover", "discharge", "pharmacy"}};
        private static final String[] LABELS = {"deploys", "config", "outage", "backups", "pricing", "onboarding",
                "handover", "medication", "latency", "data-quality", "security", "vendor", "night-shift",
                "customer-facing", "quick-win", "postmortem", "compliance", "capacity", "ux", "automation"};
        private static final String[] EXPERIMENT_ACTIONS = {"Pre-deploy checklist", "Canary releases",
                "Pairing on incident reviews", "Feature flags", "Weekly failure review", "Onboarding call",
                "Annual plan discount banner", "Bedside handover checklist", "Discharge phone call",
                "Shadow traffic test", "Smaller pull requests", "Automated rollback", "Two-person medication check",
                "Simplified signup form", "Error budget policy", "Load test before launch"};
        private static final String[] CHANGES = {"add a pre-deploy checklist", "route 5% of traffic to a canary for "
                + "30 minutes", "pair on incident reviews", "call every trial account in the first week",
                "show the annual discount on the pricing page", "use a bedside handover checklist",
                "limit pull requests to 300 changed lines", "roll back automatically when the error rate doubles",
                "double-check high-risk medication at the bedside", "cut the signup form to three fields"};
        private static final String[] METRICS = {"deploy failures", "rollbacks", "churned trials",
                "annual plan share", "missed medication doses", "p95 checkout latency", "repeat incidents",
                "signup conversion", "time to restore service", "handover errors"};
        private static final String[] REASONS = {"most failed deploys skipped a manual step",
                "problems show up in the first minutes of a rollout", "trial users who talk to us convert twice as "
                + "often", "handovers are where doses get lost", "small changes are easier to review",
                "the last three outages were caught late", "people abandon long forms"};
        private static final String[] PROBLEMS = {"Outage", "Silent data loss", "Wrong currency shown",
                "Delayed lab results", "Wrong wristband printed", "Checkout errors", "Nightly backup skipped",
                "Expired certificate", "Duplicate invoices sent", "Missed medication dose", "Search index stale"};
        private static final String[] CAUSES = {"after config rollout", "during the night shift",
                "after the vendor update", "under peak load", "after a manual step was skipped",
                "following a schema change", "at admission", "for a subset of customers"};
        private static final String[] EXPERIMENT_STATUSES = {"Draft", "Ready", "Running", "Evaluating", "Decided"};
        private static final String[] INCIDENT_STATUSES = {"Reported", "Analysing", "Learning review", "Closed"};

        private final int n;
        private final List<QuerySpec> querySpecs;

        Data(int n) {
            this.n = n;
            this.querySpecs = buildQuerySpecs();
        }

        int finalRevision(int i) {
            return i % 10 == CHANGED_SLOT ? 1 : 0;
        }

        List<QuerySpec> querySpecs() {
            return querySpecs;
        }

        private static SplittableRandom random(int i) {
            return new SplittableRandom(SEED ^ (i * 0x9E3779B97F4A7C15L));
        }

        static String projectOf(int i) {
            int bucket = random(i).nextInt(10);
            return bucket < 5 ? PROJECTS[0] : bucket < 8 ? PROJECTS[1] : PROJECTS[2];
        }

        private static String keyOf(int i) {
            return projectOf(i) + "-" + (i + 1);
        }

        /** The record with index {@code i} as first projected (revision 0) or after a later change (revision 1). */
        FailureRecord record(int i, int revision) {
            SplittableRandom r = random(i);
            String project = projectOf(i);
            r.nextInt(10); // the project draw above
            int p = Arrays.asList(PROJECTS).indexOf(project);
            long spanSeconds = SPAN.toSeconds();
            long slot = spanSeconds / n;
            Instant created = NOW.minusSeconds(spanSeconds).plusSeconds(i * slot + r.nextLong(Math.max(1, slot)));
            long ageDays = Duration.between(created, NOW).toDays();
            boolean experiment = r.nextInt(100) < 55;
            String team = pick(r, TEAMS[p]);
            String component = r.nextInt(10) < 8 ? pick(r, COMPONENTS[p]) : null;
            Set<String> labels = new TreeSet<>();
            for (int l = r.nextInt(5); l > 0; l--) {
                labels.add(pick(r, LABELS));
            }
            String rare = r.nextInt(100) == 0 ? " after the " + RARE_WORD + " migration" : "";
            // older issues have mostly reached the end of their lifecycle
            String[] statuses = experiment ? EXPERIMENT_STATUSES : INCIDENT_STATUSES;
            int stage = ageDays > 90 && r.nextInt(10) < 8 ? statuses.length - 1 : r.nextInt(statuses.length);
            if (revision == 1) {
                stage = Math.min(statuses.length - 1, stage + 1);
                labels.add("reviewed");
            }
            Instant updated = created.plus(Duration.ofHours(1 + r.nextInt(24 * 30)))
                    .plus(Duration.ofDays(revision == 1 ? 3 : 0));
            FailureRecord.Builder b = FailureRecord.builder().issueId(10_000L + i).issueKey(keyOf(i))
                    .kind(experiment ? RecordKind.EXPERIMENT : RecordKind.INCIDENT).status(statuses[stage])
                    .team(team).component(component).labels(labels).createdAt(created).updatedAt(updated);
            if (experiment) {
                String metric = pick(r, METRICS);
                String change = pick(r, CHANGES);
                String outcome = metric + (r.nextBoolean() ? " drop below " : " rise above ") + (1 + r.nextInt(40))
                        + (r.nextBoolean() ? "%" : " per month") + " within " + (14 + r.nextInt(60)) + " days";
                String reason = r.nextInt(10) < 7 ? pick(r, REASONS) : null;
                String hypothesis = "If we " + change + ", then " + outcome + (reason == null ? "" : " because " + reason);
                b.summary(pick(r, EXPERIMENT_ACTIONS) + " for " + (component == null ? team : component) + rare)
                        .phase(Phase.values()[r.nextInt(3)])
                        .hypothesis(hypothesis).hypothesisParts("we " + change, outcome, reason)
                        .successCriteria(metric + " < " + (1 + r.nextInt(10)) + " per month\nno increase in "
                                + pick(r, METRICS) + "\nat least " + (50 + r.nextInt(450)) + " users in the test group")
                        .stopCriteria("spend over " + (1 + r.nextInt(20)) + "k\n" + pick(r, METRICS)
                                + " rises above " + (5 + r.nextInt(20)) + "%\ndeadline " + created.plus(
                                Duration.ofDays(30 + r.nextInt(60))).toString().substring(0, 10));
                if (stage >= 2) {
                    b.startedAt(created.plus(Duration.ofDays(1 + r.nextInt(7))));
                }
                if (stage == 4) {
                    b.decidedAt(created.plus(Duration.ofDays(14 + r.nextInt(60))))
                            .outcome(Outcome.values()[r.nextInt(Outcome.values().length)])
                            .decision(Decision.values()[r.nextInt(Decision.values().length)]);
                }
                if (i > 20 && r.nextInt(20) == 0) {
                    int earlier = i - 1 - r.nextInt(20);
                    if (projectOf(earlier).equals(project)) {
                        b.pivotedFrom(keyOf(earlier));
                    }
                }
            } else {
                b.summary(pick(r, PROBLEMS) + " " + pick(r, CAUSES) + " in " + (component == null ? team : component)
                                + rare)
                        .discoveredAt(created.minus(Duration.ofMinutes(10 + r.nextInt(60 * 72))))
                        .reportedAt(created);
                if (stage >= 1) {
                    b.resolvedAt(created.plus(Duration.ofMinutes(30 + r.nextInt(60 * 24 * 10))));
                }
                if (stage >= 2 || (stage == 1 && r.nextBoolean())) {
                    b.failureType(FailureType.values()[r.nextInt(FailureType.values().length)])
                            .failureCategory(FailureCategory.values()[r.nextInt(FailureCategory.values().length)])
                            .failureMode(FailureMode.values()[r.nextInt(FailureMode.values().length)]);
                }
                if (i > 50 && r.nextInt(10) == 0) {
                    Set<String> earlier = new LinkedHashSet<>();
                    for (int k = 1 + r.nextInt(2); k > 0; k--) {
                        earlier.add(keyOf(i - 1 - r.nextInt(50)));
                    }
                    b.recurrenceOf(earlier);
                }
            }
            return b.build();
        }

        private static String pick(SplittableRandom r, String[] values) {
            return values[r.nextInt(values.length)];
        }

        /** Each query with the number of final records that its predicate (the query's meaning) accepts. */
        private List<QuerySpec> buildQuerySpecs() {
            RecordQuery all = RecordQuery.inProjects(ALL_PROJECTS);
            RecordQuery ops = RecordQuery.inProjects(Set.of("OPS"));
            Instant from = NOW.minus(Duration.ofDays(200));
            Instant before = NOW.minus(Duration.ofDays(170));
            List<Case> cases = List.of(
                    new Case("OPS list, created desc, page 1", ops, false, r -> r.projectKey().equals("OPS")),
                    new Case("OPS list, created desc, deep page", ops, false, r -> r.projectKey().equals("OPS")),
                    new Case("incidents Analysing|Learning review",
                            all.withKind(RecordKind.INCIDENT).withStatuses(Set.of("Analysing", "Learning review")), false,
                            r -> r.kind() == RecordKind.INCIDENT
                                    && Set.of("Analysing", "Learning review").contains(r.status())),
                    new Case("type COMPLEX + category PROCESS_DEV.",
                            all.withFailureType(FailureType.COMPLEX).withFailureCategory(FailureCategory.PROCESS_DEVIATION),
                            false, r -> r.failureType() == FailureType.COMPLEX
                            && r.failureCategory() == FailureCategory.PROCESS_DEVIATION),
                    new Case("created in a 30-day range", all.withCreated(from, before), false,
                            r -> !r.createdAt().isBefore(from) && r.createdAt().isBefore(before)),
                    new Case("text '" + RARE_WORD + "' (~1%)", all.withText(RARE_WORD), false,
                            r -> searchable(r).contains(RARE_WORD)),
                    new Case("text '" + ABSENT_WORD + "' (~0%)", all.withText(ABSENT_WORD), false,
                            r -> searchable(r).contains(ABSENT_WORD)),
                    new Case("count only: running experiments",
                            all.withKind(RecordKind.EXPERIMENT).withStatuses(Set.of("Running")), true,
                            r -> r.kind() == RecordKind.EXPERIMENT && r.status().equals("Running")));
            int[] expected = new int[cases.size()];
            for (int i = 0; i < n; i++) {
                FailureRecord r = record(i, finalRevision(i));
                for (int c = 0; c < cases.size(); c++) {
                    if (cases.get(c).matches().test(r)) {
                        expected[c]++;
                    }
                }
            }
            List<QuerySpec> specs = new ArrayList<>();
            for (int c = 0; c < cases.size(); c++) {
                Case qc = cases.get(c);
                RecordQuery query = qc.query().sortedBy(RecordSort.CREATED, false).withPage(PageRequest.first(50));
                if (c == 1) {
                    // a deep page: about 80% of the way through the list, on a page boundary
                    int offset = (int) (expected[c] * 0.8) / 50 * 50;
                    query = query.withPage(new PageRequest(offset, 50));
                    specs.add(new QuerySpec(qc.name() + " @" + offset, query, false, expected[c]));
                } else {
                    specs.add(new QuerySpec(qc.name(), query, qc.countOnly(), expected[c]));
                }
            }
            return List.copyOf(specs);
        }

        /** What RecordQuery documents that free text matches: key, summary, hypothesis, team, component, labels. */
        private static String searchable(FailureRecord r) {
            return String.join("\n", Stream.of(r.issueKey(), r.summary(), r.hypothesis(), r.team(), r.component(),
                            String.join(" ", r.labels())).filter(Objects::nonNull).toList()).toLowerCase(Locale.ROOT);
        }

        private record Case(String name, RecordQuery query, boolean countOnly, Predicate<FailureRecord> matches) {
        }
    }

    // ----- printing -----

    private static void printHeader(PrintStream out, Options options) {
        Runtime runtime = Runtime.getRuntime();
        out.println("Fail Forward failure database benchmark");
        out.printf("JVM      %s %s (%s), max heap %,d MB, args %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
                runtime.maxMemory() / (1024 * 1024), ManagementFactory.getRuntimeMXBean().getInputArguments());
        out.printf("Machine  %d cores, %s %s (%s), load average %.1f%n", runtime.availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                systemLoad());
        out.printf("Database %s (the <ao> module's upgrade tasks + migrate), table %sFAILURE_RECORD, %s%n",
                TestDatabases.onPostgres() ? "a new database on the embedded PostgreSQL (TestDatabases, pooled)"
                        : "HSQLDB file database as in the preview (AoDatabase.openFile, " + hsqldbVersion() + ")",
                AoDatabase.tablePrefixFor(JIRA_PLUGIN_KEY),
                TestDatabases.onPostgres() ? "a new database per size"
                        : options.dataDirectory() == null ? "fresh temp directory per size" : "in " + options.dataDirectory());
        out.printf("Method   every write is one AoFailureRecordRepository.upsert call; %s; queries: %d warm-ups + "
                        + "%d timed runs each%n", options.batch() == 1
                        ? "each in its own transaction (as the projection and its backfill write)"
                        : "WHAT-IF: oldest 90% " + options.batch() + " per transaction, the rest one per transaction", options.warmups(), options.iterations());
        out.flush();
    }

    private static String hsqldbVersion() {
        String version = null;
        try {
            Package hsqldb = Class.forName("org.hsqldb.jdbc.JDBCDriver").getPackage();
            version = hsqldb == null ? null : hsqldb.getImplementationVersion();
        } catch (ClassNotFoundException ignored) {
            // reported as unknown
        }
        return "HSQLDB " + (version == null ? "(version unknown)" : version);
    }

    static void print(PrintStream out, SizeResult result) {
        out.println();
        out.printf("== N = %,d records  (heap used after load, after GC: %,d MB; database size: %,d MB; took %ds; "
                        + "load average %.1f -> %.1f)%n", result.records(), result.heapUsedBytes() / (1024 * 1024),
                result.databaseBytes() / (1024 * 1024), result.elapsed().toSeconds(), result.loadBefore(),
                result.loadAfter());
        out.printf("%-40s %9s %9s %9s %9s %8s  %s%n", "Writes (AoFailureRecordRepository.upsert)", "records",
                "seconds", "records/s", "ms/rec", "version+", "transactions");
        for (PhaseResult phase : result.projection()) {
            out.printf("%-40s %,9d %9.1f %,9.0f %9.2f %,8d  %s%n", phase.name(), phase.records(), phase.nanos() / 1e9,
                    phase.recordsPerSecond(), phase.millisPerRecord(), phase.versionsBumped(), phase.how());
        }
        out.printf("%-40s %9s %9s %9s %9s %8s%n", "List/search (ms)", "p50", "p95", "max", "matched", "page");
        for (QueryResult query : result.queries()) {
            out.printf("%-40s %9.2f %9.2f %9.2f %,9d %8s%s%n", query.name(), query.p50Millis(), query.p95Millis(),
                    query.maxMillis(), query.matched(), query.name().startsWith("count") ? "-" : query.returned(),
                    query.matchesExpected() ? "" : "  ! expected " + query.expectedMatched() + " / "
                            + query.expectedReturned());
        }
        out.flush();
    }

    // ----- files -----

    /** PostgreSQL's size of the benchmark's database (tables, indexes, TOAST). */
    private static long postgresSize(AoDatabase database) {
        try (java.sql.Connection c = database.dataSource().getConnection();
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            return 0;
        }
    }

    private static long sizeOf(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort: a temp directory left behind is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
