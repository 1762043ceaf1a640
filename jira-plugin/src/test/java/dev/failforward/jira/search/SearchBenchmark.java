package dev.failforward.jira.search;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.RecordQuery;
import dev.failforward.core.record.WhyStep;
import dev.failforward.jira.archive.LearningQuery;
import dev.failforward.jira.failuredb.RecordDetails;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The search index at scale (not a unit test): builds an index of N generated records with three learnings each
 * (~170 words per record over a Zipf-distributed vocabulary of 6,000 words, 50 projects), prints the build rate and
 * the size on disk, then times 200 varied searches of each kind after 50 warm-ups: the archive over every project
 * with all facets (newest page, filters, words), the record search by words, and similar records for a new report.
 *
 * <pre>
 * mvn -B -o -q -pl jira-plugin -am test-compile
 * java -Xmx2g -cp "jira-plugin/target/test-classes:jira-plugin/target/classes:core/target/classes:$(ls ~/.m2/repository/org/apache/lucene/lucene-{core,analysis-common,facet,queryparser,join,queries,sandbox}/9.12.3/*.jar | tr '\n' ':')" \
 *     dev.failforward.jira.search.SearchBenchmark [records, default 100000] [searches, default 200]
 * </pre>
 *
 * The SQL path's numbers come from {@code preview}'s {@code LearningsBenchmark} (same shape of data, three learnings
 * per record), which needs the preview's database.
 */
public final class SearchBenchmark {

    private static final int PROJECTS = 50;
    private static final int LEARNINGS_PER_RECORD = 3;
    private static final Instant T0 = Instant.parse("2022-01-01T00:00:00Z");
    private static final String[] SYLLABLES = {"ba", "ko", "ri", "sta", "lon", "mer", "dax", "vel", "tor", "pin",
            "gra", "shu", "fen", "cal", "dri", "mon", "zep", "lu", "har", "quo", "nex", "bri", "tas", "wel"};

    private final String[] vocabulary;
    private final double[] cumulative;

    private SearchBenchmark(int words) {
        Set<String> seen = new HashSet<>();
        List<String> list = new ArrayList<>();
        Random random = new Random(1);
        while (list.size() < words) {
            StringBuilder w = new StringBuilder();
            int n = 2 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            if (seen.add(w.toString())) {
                list.add(w.toString());
            }
        }
        vocabulary = list.toArray(String[]::new);
        cumulative = new double[words];
        double sum = 0;
        for (int i = 0; i < words; i++) {
            sum += 1.0 / Math.pow(i + 1, 1.05);
            cumulative[i] = sum;
        }
        for (int i = 0; i < words; i++) {
            cumulative[i] /= sum;
        }
    }

    String word(Random random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return vocabulary[Math.min(vocabulary.length - 1, i < 0 ? -i - 1 : i)];
    }

    private String text(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(i % 12 == 0 ? ". " : " ");
            }
            text.append(word(random));
        }
        return text.toString();
    }

    /** 1..3 for the key's place among the matches, 0 when it is not among them. */
    private static int rank(List<SimilarMatch> matches, String key) {
        for (int i = 0; i < matches.size(); i++) {
            if (matches.get(i).issueKey().equals(key)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String project(int i) {
        return "P" + (char) ('A' + i / 26) + (char) ('A' + i % 26);
    }

    SearchableRecord record(int n) {
        Random random = new Random(n * 31L + 7);
        long issueId = n + 1;
        String project = project(n % PROJECTS);
        RecordKind kind = random.nextInt(3) == 0 ? RecordKind.EXPERIMENT : RecordKind.INCIDENT;
        Instant created = T0.plusSeconds(60L * n * 9);
        FailureRecord record = FailureRecord.builder().issueId(issueId).issueKey(project + "-" + (n / PROJECTS + 1))
                .projectKey(project).kind(kind).summary(text(random, 8)).status(random.nextBoolean() ? "Done" : "Open")
                .failureType(FailureType.values()[random.nextInt(FailureType.values().length)])
                .failureCategory(FailureCategory.values()[random.nextInt(FailureCategory.values().length)])
                .hypothesis(kind == RecordKind.EXPERIMENT ? "If " + text(random, 20) : null)
                .component(word(random)).team(word(random)).labels(Set.of(word(random)))
                .createdAt(created).updatedAt(created.plusSeconds(3_600)).build();
        List<Learning> learnings = new ArrayList<>();
        for (int i = 0; i < LEARNINGS_PER_RECORD; i++) {
            learnings.add(new Learning(issueId * LEARNINGS_PER_RECORD + i, issueId, text(random, 15),
                    LearningKind.values()[random.nextInt(LearningKind.values().length)], "u-anna",
                    created.plusSeconds(86_400L * i)));
        }
        List<WhyStep> whys = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            whys.add(new WhyStep(issueId, i, "Why?", text(random, 10)));
        }
        return new SearchableRecord(new RecordDetails(record, learnings, List.of(), whys), text(random, 60),
                text(random, 15));
    }

    /** Wall-clock percentiles, and the same of the searching thread's CPU time (what the search costs without
     * waiting for a core: this machine may be shared). */
    record Timing(String name, double p50, double p95, double p99, double cpuP50, double cpuP95, long totalFound) {
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static Timing time(String name, int warmups, int runs, IntFunction<Integer> search) {
        for (int i = 0; i < warmups; i++) {
            search.apply(runs + i);
        }
        double[] millis = new double[runs];
        double[] cpu = new double[runs];
        long found = 0;
        for (int i = 0; i < runs; i++) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            found += search.apply(i);
            millis[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(millis);
        Arrays.sort(cpu);
        return new Timing(name, millis[(int) (runs * 0.50)], millis[(int) (runs * 0.95)],
                millis[Math.min(runs - 1, (int) (runs * 0.99))], cpu[(int) (runs * 0.50)], cpu[(int) (runs * 0.95)],
                found / runs);
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        SearchBenchmark data = new SearchBenchmark(6_000);
        Path dir = Files.createTempDirectory("failforward-search-bench");
        try (LuceneFailureIndex index = LuceneFailureIndex.open(dir.resolve("index"))) {
            Iterator<SearchableRecord> records = new Iterator<>() {
                int next;

                @Override
                public boolean hasNext() {
                    return next < n;
                }

                @Override
                public SearchableRecord next() {
                    return data.record(next++);
                }
            };
            java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            long cpuStart = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
            long start = System.nanoTime();
            index.rebuild(records, n, "bench", done -> {
                if (done % 20_000 == 0) {
                    System.err.printf("  indexed %,d%n", done);
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() - cpuStart) / 1e9;
            long bytes;
            try (Stream<Path> files = Files.list(dir.resolve("index"))) {
                bytes = files.mapToLong(f -> f.toFile().length()).sum();
            }
            System.out.printf(Locale.ROOT, "%n%,d records, %,d learnings: built in %.1f s, %,.0f records/s "
                            + "(record generation included; %.1f s of CPU on %d indexing threads, %,.0f records per "
                            + "CPU-second), index %.1f MB; load average %.1f on %d cores%n", n, n * LEARNINGS_PER_RECORD,
                    seconds, n / seconds, cpuSeconds, LuceneFailureIndex.INDEXING_THREADS, n / cpuSeconds,
                    bytes / 1e6, os.getSystemLoadAverage(), os.getAvailableProcessors());

            Set<String> all = new HashSet<>();
            for (int p = 0; p < PROJECTS; p++) {
                all.add(project(p));
            }
            Random random = new Random(99);
            // words of middling frequency (rank 50..2000), as people search for
            String[] words = new String[runs + 100];
            for (int i = 0; i < words.length; i++) {
                words[i] = data.vocabulary[50 + random.nextInt(1_950)];
            }
            List<Timing> timings = new ArrayList<>();
            timings.add(time("archive, every project, newest 20, all facets", 50, runs, i ->
                    index.searchLearnings(new LearningQuery(all, null, null, null, null, null, null, null,
                            new PageRequest(i % 5 * 20, 20))).total()));
            timings.add(time("archive, filters (kind, learning kind, period), facets", 50, runs, i ->
                    index.searchLearnings(new LearningQuery(all, RecordKind.values()[i % 2],
                            LearningKind.values()[i % 4], null, null, T0.plusSeconds(86_400L * (i % 300)),
                            T0.plusSeconds(86_400L * (i % 300 + 400)), null, PageRequest.first(20))).total()));
            timings.add(time("archive, one word, facets, highlights", 50, runs, i ->
                    index.searchLearnings(new LearningQuery(all, null, null, null, null, null, null, words[i],
                            PageRequest.first(20))).total()));
            timings.add(time("archive, two words, facets, highlights", 50, runs, i ->
                    index.searchLearnings(new LearningQuery(all, null, null, null, null, null, null,
                            words[i] + " " + words[i + 1].substring(0, 4) + "*", PageRequest.first(20))).total()));
            timings.add(time("records, one word, newest 50", 50, runs, i ->
                    index.searchRecords(RecordQuery.inProjects(all).withText(words[i])).total()));
            timings.add(time("records, two words OR, by key", 50, runs, i ->
                    index.searchRecords(RecordQuery.inProjects(all).withText(words[i] + " OR " + words[i + 1])
                            .sortedBy(dev.failforward.core.record.RecordSort.KEY, true)).total()));
            timings.add(time("similar, a new report of ~90 words, top 10", 50, runs, i ->
                    index.similar(new SimilarQuery(data.text(new Random(1_000 + i), 90), all, project(i % PROJECTS),
                            null, null, null, null, 10)).size()));
            timings.add(time("similar, incidents only, top 10", 50, runs, i ->
                    index.similar(new SimilarQuery(data.text(new Random(1_000 + i), 90), all, project(i % PROJECTS),
                            RecordKind.INCIDENT, null, null, null, 10)).size()));
            Set<String> half = new HashSet<>(all.stream().sorted().toList().subList(0, PROJECTS / 2));
            timings.add(time("similar, half the projects browsable, top 10", 50, runs, i ->
                    index.similar(new SimilarQuery(data.text(new Random(1_000 + i), 90), half, project(i % PROJECTS),
                            null, null, null, null, 10)).size()));
            // what the two-step ranking (candidates from the combined field, then the weighted query) gives up at
            // this size, on re-worded reports of existing records: a third of a record's summary and description
            // words replaced by others, the rest shuffled; the record should come first. The same with every record
            // that shares a word ranked by the weighted query (exhaustive) is the yardstick.
            int[] fastRank = new int[4];
            int[] fullRank = new int[4];
            int planted = 100;
            for (int i = 0; i < planted; i++) {
                SearchableRecord target = data.record((int) ((i * 7_919L) % n));
                Random reword = new Random(5_000 + i);
                List<String> said = new ArrayList<>(List.of((target.details().record().summary() + " "
                        + target.description()).split("[ .]+")));
                for (int w = 0; w < said.size(); w++) {
                    if (reword.nextInt(3) == 0) {
                        said.set(w, data.word(reword));
                    }
                }
                java.util.Collections.shuffle(said, reword);
                SimilarQuery q = new SimilarQuery(String.join(" ", said), all, null, i % 2 == 0
                        ? target.details().record().kind() : null, null, null, null, 3);
                String key = target.details().record().issueKey();
                fastRank[rank(index.similar(q), key)]++;
                fullRank[rank(index.similarExhaustive(q), key)]++;
            }
            System.out.printf(Locale.ROOT, "similar on %d re-worded records: first %d, in top 3 %d (exhaustive "
                    + "ranking: first %d, in top 3 %d)%n", planted, fastRank[1], fastRank[1] + fastRank[2] + fastRank[3],
                    fullRank[1], fullRank[1] + fullRank[2] + fullRank[3]);
            System.out.printf(Locale.ROOT, "%n%-56s %8s %8s %8s %8s %8s %9s%n", "search (" + runs + " runs)",
                    "p50 ms", "p95 ms", "p99 ms", "cpu p50", "cpu p95", "found");
            for (Timing t : timings) {
                System.out.printf(Locale.ROOT, "%-56s %8.2f %8.2f %8.2f %8.2f %8.2f %9d%n", t.name(), t.p50(), t.p95(),
                        t.p99(), t.cpuP50(), t.cpuP95(), t.totalFound());
            }
            System.out.printf(Locale.ROOT, "load average %.1f on %d cores%n", os.getSystemLoadAverage(),
                    os.getAvailableProcessors());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
