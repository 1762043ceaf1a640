package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ModelVersion;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.incident.TwentyFourHourRule;
import dev.failforward.core.kpi.Granularity;
import dev.failforward.core.kpi.Metric;
import dev.failforward.core.kpi.MonthTallies;
import dev.failforward.core.kpi.PeriodTallies;
import dev.failforward.core.kpi.Periods;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.cluster.LocalClusterLockService;
import dev.failforward.host.db.TestDatabases;
import net.java.ao.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model version 5 on a database as version 4 left it: one edge roll-up row per project and month start ({@code KIND =
 * 'E'}) with every minute of its 26 hours. The task cuts each into hour rows with the same entries: afterwards the
 * rows are exactly what version 5 writes itself, and the KPIs read from them are those read before.
 */
class FailureDbUpgradeTask005Test {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private AoDatabase db;
    private KpiIndex index;
    private KpiStore store;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(FailureDbSchema.entities());
        AoFailureRecordRepository records = new AoFailureRecordRepository(db.activeObjects());
        index = new KpiIndex(db.activeObjects(), records, new AoLearningRepository(db.activeObjects()),
                new AoActionItemRepository(db.activeObjects()), new LocalClusterLockService());
        store = new KpiStore(db.activeObjects());
        Random random = new Random(5);
        for (long id = 1; id <= 200; id++) {
            Instant monthStart = java.time.LocalDate.of(2026, 1, 1).plusMonths(random.nextInt(6))
                    .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            Instant at = monthStart.plus(Duration.ofMinutes(random.nextInt(26 * 60) - 14 * 60));
            String key = (id % 3 == 0 ? "CARE-" : "OPS-") + id;
            records.upsert(id % 2 == 0
                    ? FailureRecord.builder().issueId(id).issueKey(key).kind(RecordKind.EXPERIMENT).summary("e")
                    .status("Running").createdAndUpdatedAt(at).startedAt(at).build()
                    : FailureRecord.builder().issueId(id).issueKey(key).kind(RecordKind.INCIDENT).summary("i")
                    .status("Reported").createdAndUpdatedAt(at).discoveredAt(at)
                    .reportedAt(at.plus(Duration.ofMinutes(random.nextInt(600))))
                    .failureType(FailureType.values()[random.nextInt(3)]).build());
        }
        assertThat(index.drain()).isEqualTo(200);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void isModelVersionFive() {
        assertThat(new FailureDbUpgradeTask005().getModelVersion()).isEqualTo(ModelVersion.valueOf("5"));
    }

    @Test
    void cutsEveryVersionFourEdgeRowIntoItsHoursWithTheSameEntries() {
        Map<String, MonthTallies> written = index.storedRollups();
        Map<String, PeriodTallies> before = readInZones();
        int hourRows = toVersionFour();
        assertThat(hourRows).as("hour rows merged into version-4 rows").isGreaterThan(20);
        assertThat(db.activeObjects().count(KpiRollupEntity.class, KpiRollupEntity.KIND + " = ?",
                KpiRollupEntity.EDGE)).isPositive();

        new FailureDbUpgradeTask005().upgrade(ModelVersion.valueOf("4"), db.activeObjects());

        assertThat(db.activeObjects().count(KpiRollupEntity.class, KpiRollupEntity.KIND + " = ?",
                KpiRollupEntity.EDGE)).as("no version-4 edge row left").isZero();
        assertThat(index.storedRollups()).isEqualTo(written).isEqualTo(index.recomputedRollups());
        Map<String, PeriodTallies> after = readInZones();
        before.forEach((zone, tallies) -> {
            for (Metric metric : EnumSet.of(Metric.EXPERIMENT_STARTED, Metric.REPORTED, Metric.FAILURE_TYPE)) {
                for (var period : tallies.periods().all()) {
                    assertThat(after.get(zone).byDim(period, metric)).as(zone + " " + period + " " + metric)
                            .isEqualTo(tallies.byDim(period, metric));
                }
            }
        });
    }

    @Test
    void aSecondRunFindsNothingToDo() {
        Map<String, MonthTallies> written = index.storedRollups();
        toVersionFour();
        new FailureDbUpgradeTask005().upgrade(ModelVersion.valueOf("4"), db.activeObjects());
        new FailureDbUpgradeTask005().upgrade(ModelVersion.valueOf("4"), db.activeObjects());
        assertThat(index.storedRollups()).isEqualTo(written);
    }

    private Map<String, PeriodTallies> readInZones() {
        Map<String, PeriodTallies> read = new TreeMap<>();
        for (String zone : List.of("Europe/Berlin", "Asia/Kathmandu", "America/New_York", "Pacific/Kiritimati")) {
            Periods periods = Periods.between(Instant.parse("2025-12-15T00:00:00Z"), Instant.parse("2026-07-15T00:00:00Z"),
                    Granularity.MONTH, ZoneId.of(zone), NOW);
            read.put(zone, store.tallies(Set.of("OPS", "CARE"), periods, EnumSet.allOf(Metric.class), NOW,
                    TwentyFourHourRule.DEFAULT_WINDOW));
        }
        return read;
    }

    /** Merges the hour rows of each project and month start into one {@code 'E'} row, as version 4 wrote them. */
    private int toVersionFour() {
        Map<String, MonthTallies> merged = new TreeMap<>();
        Map<String, Object[]> keys = new HashMap<>();
        List<KpiRollupEntity> hourRows = new ArrayList<>();
        for (KpiRollupEntity row : db.activeObjects().find(KpiRollupEntity.class, Query.select())) {
            if (KpiRollupEntity.EDGE_KINDS.contains(row.getKind())) {
                String key = KpiIndex.rollupKey(KpiRollupEntity.EDGE, row.getProjectKey(), row.getUtcMonth());
                merged.computeIfAbsent(key, k -> new MonthTallies()).addAll(MonthTallies.decode(row.getTallies()));
                keys.put(key, new Object[] {row.getProjectKey(), row.getUtcMonth()});
                hourRows.add(row);
            }
        }
        db.activeObjects().delete(hourRows.toArray(new KpiRollupEntity[0]));
        merged.forEach((key, tallies) -> {
            Map<String, Object> columns = new HashMap<>();
            columns.put(KpiRollupEntity.ROLLUP_KEY, key);
            columns.put(KpiRollupEntity.PROJECT_KEY, keys.get(key)[0]);
            columns.put(KpiRollupEntity.UTC_MONTH, keys.get(key)[1]);
            columns.put(KpiRollupEntity.KIND, KpiRollupEntity.EDGE);
            columns.put(KpiRollupEntity.TALLIES, tallies.encode());
            db.activeObjects().create(KpiRollupEntity.class, columns);
        });
        return hourRows.size();
    }
}
