package dev.failforward.preview.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.host.cluster.LocalClusterLockService;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.jira.persistence.KpiEventEntity;
import dev.failforward.jira.persistence.KpiIndex;
import dev.failforward.jira.persistence.KpiRollupEntity;
import dev.failforward.jira.kpi.KpiSearchLinks;
import dev.failforward.jira.kpi.KpiService;
import dev.failforward.jira.persistence.KpiStore;
import dev.failforward.jira.kpi.KpiUserContext;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.ActionItemEntity;
import dev.failforward.jira.persistence.AoActionItemRepository;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.AoLearningRepository;
import dev.failforward.jira.persistence.FailureRecordEntity;
import dev.failforward.jira.persistence.LearningEntity;
import dev.failforward.jira.persistence.AoPulseStore;
import dev.failforward.jira.persistence.PulseCountEntity;
import dev.failforward.jira.persistence.PulseGuardEntity;
import dev.failforward.jira.pulse.PulseService;
import dev.failforward.jira.pulse.PulseSettings;
import dev.failforward.jira.rest.KpiResource;
import dev.failforward.preview.jira.PreviewFieldRegistry;
import dev.failforward.preview.jira.PreviewPluginSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Latency of the KPI endpoint ({@code GET /rest/failforward/1.0/kpis}), printed, not asserted:
 *
 * <pre>
 * mvn -q -B -ntp -DskipTests package &amp;&amp; java -Xmx8g -cp "preview/target/fail-forward-preview.jar:preview/target/lib/*" \
 *     dev.failforward.preview.bench.KpiBenchmark [--records 10000,100000,1000000] [--iterations 200]
 * </pre>
 *
 * <p>For each size N: a fresh HSQLDB file database opened as the preview opens it, holding the KPI tables of N
 * records over 100 projects and three years (half experiments, half incidents with learnings and action items), as
 * {@link KpiIndex} writes them, plus a pulse count for every project and month. The records themselves are not written:
 * the endpoint never reads them (that is the point of the roll-ups), and writing a million of them one transaction at a
 * time would take the better part of an hour ({@code FailureDbBenchmark} measures that path). Then each scenario is
 * called {@code warm-ups} times untimed and {@code iterations} times timed, through the endpoint's own resource method
 * (parameter checks, permissions, the store's queries, the engine, the JSON mapping) and Jackson serialisation — all
 * of a request but Jersey's dispatch and the socket: p50 / p95 / max in ms and the response size.
 */
public final class KpiBenchmark {

    static final int PROJECTS = 100;
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    /** Every KPI of the catalogue, as the REST API's default answers them. */
    private static final String[] KPIS = Arrays.stream(dev.failforward.core.kpi.Kpi.values())
            .map(dev.failforward.core.kpi.Kpi::key).toArray(String[]::new);

    /** One scenario's latencies and the size of its JSON response; {@code kpisWithValues} of all KPIs had any value. */
    record ScenarioResult(String name, double p50Millis, double p95Millis, double maxMillis, int bytes,
                          int kpisWithValues) {
    }

    /** @param hidden a project the user may not browse ({@code null}: none) */
    private record Scenario(String name, List<String> projects, String from, String to, String granularity,
                            ZoneId zone, String hidden) {
        Scenario(String name, List<String> projects, String from, String to, String granularity, ZoneId zone) {
            this(name, projects, from, to, granularity, zone, null);
        }
    }

    private KpiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
        int iterations = 200;
        String only = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--records" -> sizes = Arrays.stream(args[i + 1].split(",")).map(Integer::parseInt).toList();
                case "--iterations" -> iterations = Integer.parseInt(args[i + 1]);
                case "--scenario" -> only = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "KPI endpoint benchmark: %d projects, %d timed calls per scenario, %d cores%n",
                PROJECTS, iterations, Runtime.getRuntime().availableProcessors());
        for (int size : sizes) {
            run(size, iterations, only);
        }
    }

    /** @param only run only the scenarios whose name contains this text ({@code null}: all) */
    static List<ScenarioResult> run(int records, int iterations, String only) throws Exception {
        List<ScenarioResult> results = new ArrayList<>();
        Path directory = Files.createTempDirectory("failforward-kpi-bench");
        // HSQLDB as the preview has it, or a new database on the embedded PostgreSQL with -Dfailforward.test.db=postgres
        try (AoDatabase database = TestDatabases.onPostgres() ? TestDatabases.openAo(FailureDbBenchmark.JIRA_PLUGIN_KEY)
                : AoDatabase.openFile(directory, FailureDbBenchmark.JIRA_PLUGIN_KEY)) {
            dev.failforward.preview.PreviewDatabase.enable(database);
            LocalClusterLockService locks = new LocalClusterLockService();
            KpiIndex index = new KpiIndex(database.activeObjects(), new AoFailureRecordRepository(database.activeObjects()),
                    new AoLearningRepository(database.activeObjects()), new AoActionItemRepository(database.activeObjects()),
                    locks);
            long loadStart = System.nanoTime();
            load(index, records);
            pulse(database, records);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            int events = database.activeObjects().count(KpiEventEntity.class, "ID > ?", 0);
            int rollups = database.activeObjects().count(KpiRollupEntity.class, "ID > ?", 0);
            System.gc();
            long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
            System.out.printf(Locale.ROOT, "%n%,d records: %,d KPI events, %,d roll-ups; loaded in %.0f s; heap %d MB%n",
                    records, events, rollups, loadSeconds, heap);

            Set<String> all = new TreeSet<>();
            for (int p = 0; p < PROJECTS; p++) {
                all.add(project(p));
            }
            RecordPermissions permissions = new BenchPermissions(all);
            PulseService pulse = new PulseService(new AoPulseStore(database.activeObjects()), permissions,
                    new PulseSettings(new PreviewPluginSettings()),
                    new dev.failforward.jira.secrets.FileSecretStore(directory.resolve("secrets")),
                    Clock.fixed(NOW, ZoneOffset.UTC));
            BundleI18nResolver i18n = BundleI18nResolver.fromClasspath(Locale.ENGLISH,
                    "i18n/failforward-jira.properties", "dev/failforward/core/i18n/failforward-core.properties");
            ObjectMapper json = new ObjectMapper();
            List<Scenario> scenarios = List.of(
                    new Scenario("1 project, 24 months, UTC", List.of(project(7)), "2024-12", "2026-11", "month",
                            ZoneOffset.UTC),
                    new Scenario("1 project, 24 months, Berlin", List.of(project(7)), "2024-12", "2026-11", "month",
                            ZoneId.of("Europe/Berlin")),
                    new Scenario("10 projects, 24 months, Kolkata", all.stream().limit(10).toList(), "2024-12",
                            "2026-11", "month", ZoneId.of("Asia/Kolkata")),
                    new Scenario("100 projects, 36 months, Berlin", List.of(), "2023-12", "2026-11", "month",
                            ZoneId.of("Europe/Berlin")),
                    new Scenario("100 projects, 12 quarters, New York", List.of(), "2023-12", "2026-11", "quarter",
                            ZoneId.of("America/New_York")),
                    // a user who may not browse one of the projects: the cross-project roll-ups are not theirs to read
                    new Scenario("99 projects (1 hidden), 36 months, Berlin", List.of(), "2023-12", "2026-11", "month",
                            ZoneId.of("Europe/Berlin"), project(42)));
            System.out.printf(Locale.ROOT, "  %-42s %8s %8s %8s %9s%n", "scenario (all 14 KPIs)", "p50 ms", "p95 ms",
                    "max ms", "bytes");
            for (Scenario scenario : scenarios) {
                if (only != null && !scenario.name().contains(only)) {
                    continue;
                }
                KpiUserContext user = new KpiUserContext() {
                    @Override
                    public ZoneId zone() {
                        return scenario.zone();
                    }

                    @Override
                    public Locale locale() {
                        return Locale.ENGLISH;
                    }
                };
                Set<String> browsable = new TreeSet<>(all);
                if (scenario.hidden() != null) {
                    browsable.remove(scenario.hidden());
                }
                RecordPermissions scenarioPermissions = new BenchPermissions(browsable);
                KpiService service = new KpiService(new KpiStore(database.activeObjects()),
                        new dev.failforward.jira.persistence.AoCultureCounts(database.activeObjects()), pulse,
                        scenarioPermissions, user,
                        new KpiSearchLinks(new PreviewFieldRegistry()), filterId -> java.util.Optional.empty(),
                        Clock.fixed(NOW, ZoneOffset.UTC));
                KpiResource resource = new KpiResource(service, scenarioPermissions, user, i18n);
                long[] nanos = new long[iterations];
                byte[] body = new byte[0];
                for (int i = -Math.max(50, iterations / 4); i < iterations; i++) {
                    long start = System.nanoTime();
                    body = json.writeValueAsBytes(resource.kpis(scenario.projects(), null, scenario.from(),
                            scenario.to(), scenario.granularity(), List.of(String.join(",", KPIS))));
                    if (i >= 0) {
                        nanos[i] = System.nanoTime() - start;
                    }
                }
                Arrays.sort(nanos);
                int withValues = 0;
                for (com.fasterxml.jackson.databind.JsonNode kpi : json.readTree(body).path("kpis")) {
                    withValues += kpi.toString().contains("\"status\":\"value\"") ? 1 : 0;
                }
                ScenarioResult result = new ScenarioResult(scenario.name(),
                        nanos[(int) Math.ceil(0.50 * iterations) - 1] / 1e6,
                        nanos[(int) Math.ceil(0.95 * iterations) - 1] / 1e6, nanos[iterations - 1] / 1e6, body.length,
                        withValues);
                results.add(result);
                System.out.printf(Locale.ROOT, "  %-42s %8.1f %8.1f %8.1f %,9d%n", result.name(), result.p50Millis(),
                        result.p95Millis(), result.maxMillis(), result.bytes());
            }
            return results;
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + directory + ": " + e.getMessage());
            }
        }
    }

    static String project(int p) {
        return "P" + (100 + p);
    }

    /**
     * N records, N / 100 per project, times spread over three years, written project by project in batches of up to
     * 50,000 (a batch touches each monthly roll-up of its projects once).
     */
    private static void load(KpiIndex index, int records) {
        Random random = new Random(42);
        Instant start = NOW.minus(Duration.ofDays(3 * 365));
        long spanMinutes = Duration.between(start, NOW).toMinutes();
        List<KpiIndex.Snapshot> batch = new ArrayList<>();
        int perProject = records / PROJECTS;
        long id = 0;
        for (int p = 0; p < PROJECTS; p++) {
            String project = project(p);
            for (int n = 1; n <= perProject; n++) {
                id++;
                batch.add(snapshot(id, project, n, start.plus(Duration.ofMinutes((long) (random.nextDouble() * spanMinutes))),
                        random));
                if (batch.size() == 50_000) {
                    index.insertAll(batch);
                    batch.clear();
                }
            }
        }
        index.insertAll(batch);
    }

    /** Half experiments, half incidents (three learnings, one action item, a fifth of them repeats). */
    private static KpiIndex.Snapshot snapshot(long id, String project, int n, Instant at, Random random) {
        FailureRecord.Builder builder = FailureRecord.builder().issueId(id).issueKey(project + "-" + n)
                .summary("record " + n).status("Open").createdAt(at).updatedAt(at);
        List<Learning> learnings = new ArrayList<>();
        List<ActionItem> actions = new ArrayList<>();
        if (n % 2 == 0) {
            builder.kind(RecordKind.EXPERIMENT).startedAt(at)
                    .decidedAt(random.nextBoolean() ? at.plus(Duration.ofDays(20)) : null);
        } else {
            builder.kind(RecordKind.INCIDENT).discoveredAt(at)
                    .reportedAt(at.plus(Duration.ofMinutes(random.nextInt(3000))))
                    .resolvedAt(at.plus(Duration.ofMinutes(3000 + random.nextInt(9000))))
                    .failureType(FailureType.values()[random.nextInt(3)])
                    .failureCategory(FailureCategory.values()[random.nextInt(FailureCategory.values().length)])
                    .recurrenceOf(random.nextInt(5) == 0 ? Set.of(project + "-" + (n + 1_000_000)) : Set.of());
            for (int l = 0; l < 3; l++) {
                learnings.add(new Learning(l + 1, id, "learned", LearningKind.INSIGHT, "u",
                        at.plus(Duration.ofMinutes(60 + random.nextInt(2000)))));
            }
            Instant created = at.plus(Duration.ofHours(5));
            LocalDate due = created.atZone(ZoneOffset.UTC).toLocalDate().plusDays(14);
            boolean done = random.nextBoolean();
            // a done step is checked a month after its due date, effective half of the time
            boolean effective = done && random.nextBoolean();
            actions.add(new ActionItem(1, id, "next step", "u", due, ActionType.PREVENT,
                    done ? ActionStatus.DONE : ActionStatus.OPEN, done ? due.plusDays(30) : null,
                    effective ? dev.failforward.core.record.CheckInResult.EFFECTIVE : null, null, created,
                    done ? created.plus(Duration.ofDays(9)) : created, 0));
        }
        return new KpiIndex.Snapshot(builder.build(), learnings, actions);
    }

    /** Pulse counts for every project and month of the three years. */
    private static void pulse(AoDatabase database, int records) {
        Random random = new Random(7);
        List<Map<String, Object>> rows = new ArrayList<>();
        LocalDate month = NOW.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).minusMonths(36);
        for (int m = 0; m <= 36; m++, month = month.plusMonths(1)) {
            for (int p = 0; p < PROJECTS; p++) {
                Map<String, Object> row = new HashMap<>();
                row.put(PulseCountEntity.COUNT_KEY, PulseService.countKey(project(p), month.toString()));
                row.put(PulseCountEntity.PROJECT_KEY, project(p));
                row.put(PulseCountEntity.PERIOD_START, month.toString());
                for (int s = 1; s <= 5; s++) {
                    row.put(PulseCountEntity.scoreColumn(s), (long) random.nextInt(4));
                }
                rows.add(row);
            }
        }
        database.activeObjects().create(PulseCountEntity.class, rows);
    }

    private record BenchPermissions(Set<String> projects) implements RecordPermissions {
        @Override
        public Optional<String> currentUserKey() {
            return Optional.of("leader");
        }

        @Override
        public Set<String> browsableProjectKeys() {
            return projects;
        }

        @Override
        public boolean canBrowse(String projectKey) {
            return projects.contains(projectKey);
        }

        @Override
        public boolean canEdit(String projectKey) {
            return false;
        }
    }
}
