package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ModelVersion;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.ActionItemCommand;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.LearningCommand;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.cluster.LocalClusterLockService;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model version 4 on a database as version 3 left it: KPI events without their source (action events with no
 * {@code ACTION_ID}) and roll-ups built from them. The task empties both and logs every record for a full
 * recomputation; once the applier ran, the tables equal a recompute from the records, learnings and action items.
 */
class FailureDbUpgradeTask004Test {

    private static final Instant T0 = Instant.parse("2026-04-30T23:00:00Z");

    private AoDatabase db;
    private AoFailureRecordRepository records;
    private AoLearningRepository learnings;
    private AoActionItemRepository actions;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(FailureDbSchema.entities());
        records = new AoFailureRecordRepository(db.activeObjects());
        learnings = new AoLearningRepository(db.activeObjects());
        actions = new AoActionItemRepository(db.activeObjects());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void isModelVersionFour() {
        assertThat(new FailureDbUpgradeTask004().getModelVersion()).isEqualTo(ModelVersion.valueOf("4"));
    }

    @Test
    void rebuildsTheKpiTablesFromTheRecordsThroughTheChangeLog() {
        for (long id = 1; id <= 30; id++) {
            records.upsert(FailureRecord.builder().issueId(id).issueKey((id % 2 == 0 ? "OPS-" : "CARE-") + id)
                    .kind(RecordKind.INCIDENT).summary("incident " + id).status("Reported")
                    .createdAndUpdatedAt(T0.plus(Duration.ofHours(id))).discoveredAt(T0.plus(Duration.ofHours(id)))
                    .reportedAt(T0.plus(Duration.ofHours(id + 2))).failureType(FailureType.COMPLEX).build());
            learnings.add(new LearningCommand("learned", "insight").toDraft(id, "u", T0.plus(Duration.ofHours(id + 3)))
                    .value());
            actions.add(new ActionItemCommand("step", "u", "2026-06-01", "prevent", null, null, null, null)
                    .toDraft(id, T0.plus(Duration.ofHours(id + 4))).value());
        }
        // what version 3 left: no change log, events without their source, roll-ups that no longer match anything
        db.activeObjects().deleteWithSQL(RecordChangeEntity.class, "ID > ?", 0);
        Map<String, Object> oldEvent = new HashMap<>();
        oldEvent.put(KpiEventEntity.RECORD_ISSUE_ID, 1L);
        oldEvent.put(KpiEventEntity.PROJECT_KEY, "CARE");
        oldEvent.put(KpiEventEntity.METRIC, "act_open");
        oldEvent.put(KpiEventEntity.EVENT_AT, Date.from(T0));
        oldEvent.put(KpiEventEntity.AMOUNT, 1L);
        db.activeObjects().create(KpiEventEntity.class, oldEvent);
        Map<String, Object> oldRollup = new HashMap<>();
        oldRollup.put(KpiRollupEntity.ROLLUP_KEY, "M|202604|CARE");
        oldRollup.put(KpiRollupEntity.PROJECT_KEY, "CARE");
        oldRollup.put(KpiRollupEntity.UTC_MONTH, 202604);
        oldRollup.put(KpiRollupEntity.KIND, KpiRollupEntity.MONTH);
        oldRollup.put(KpiRollupEntity.TALLIES, "stale");
        db.activeObjects().create(KpiRollupEntity.class, oldRollup);

        new FailureDbUpgradeTask004().upgrade(ModelVersion.valueOf("3"), db.activeObjects());

        assertThat(db.activeObjects().count(KpiEventEntity.class, "ID > ?", 0)).isZero();
        assertThat(db.activeObjects().count(KpiRollupEntity.class, "ID > ?", 0)).isZero();
        assertThat(db.activeObjects().count(RecordChangeEntity.class, RecordChangeEntity.CHANGE_KIND + " = ?",
                RecordChangeEntity.FULL)).as("one full recomputation per record").isEqualTo(30);

        KpiIndex index = new KpiIndex(db.activeObjects(), records, learnings, actions, new LocalClusterLockService());
        assertThat(index.drain()).isEqualTo(30);
        assertThat(index.storedRollups()).isNotEmpty().isEqualTo(index.recomputedRollups());
    }
}
