package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ModelVersion;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Model version 11 creates {@code LEARNING_REUSE} and {@code HUDDLE}; run twice it changes nothing, the live entities
 * then fit the tables it made, and their unique keys hold: one reuse per learning and target, one huddle per team and
 * week. It asks for every existing record's KPI events to be recomputed (the new check-in and reuse events).
 */
class FailureDbUpgradeTask011Test {

    private AoDatabase db;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void asksForAFullKpiRecomputeOfEveryExistingRecord() {
        db.activeObjects().migrate(FailureDbSchema.entities());
        AoFailureRecordRepository records = new AoFailureRecordRepository(db.activeObjects());
        for (long id = 1; id <= 3; id++) {
            Instant at = Instant.parse("2026-10-14T09:00:00Z");
            records.upsert(FailureRecord.builder().issueId(id).issueKey("OPS-" + id).kind(RecordKind.INCIDENT)
                    .summary("incident " + id).status("Reported").createdAt(at).updatedAt(at).discoveredAt(at).build());
        }
        db.activeObjects().deleteWithSQL(RecordChangeEntity.class, "ID > ?", 0);

        new FailureDbUpgradeTask011().upgrade(ModelVersion.valueOf("10"), db.activeObjects());

        RecordChangeEntity[] changes = db.activeObjects().find(RecordChangeEntity.class, "ID > ?", 0);
        assertThat(changes).extracting(RecordChangeEntity::getRecordIssueId).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(changes).extracting(RecordChangeEntity::getChangeKind).containsOnly(RecordChangeEntity.FULL);
    }

    @Test
    void createsTheReuseAndHuddleTablesWithTheirUniqueKeys() {
        assertThat(new FailureDbUpgradeTask011().getModelVersion()).isEqualTo(ModelVersion.valueOf("11"));
        // what the earlier models left: the records (none yet) and the change log
        db.activeObjects().migrate(FailureDbUpgradeTask002.FailureRecordV2.class,
                FailureDbUpgradeTask004.RecordChangeV4.class);
        new FailureDbUpgradeTask011().upgrade(ModelVersion.valueOf("10"), db.activeObjects());
        new FailureDbUpgradeTask011().upgrade(ModelVersion.valueOf("10"), db.activeObjects());
        db.activeObjects().migrate(FailureDbSchema.entities());

        db.activeObjects().create(LearningReuseEntity.class, reuse("7:retro:page:42"));
        assertThatThrownBy(() -> db.activeObjects().create(LearningReuseEntity.class, reuse("7:retro:page:42")))
                .as("one row per learning and target").isInstanceOf(RuntimeException.class);
        db.activeObjects().create(HuddleEntity.class, huddle("OPS@2026-W49"));
        assertThatThrownBy(() -> db.activeObjects().create(HuddleEntity.class, huddle("OPS@2026-W49")))
                .as("one huddle per team and week").isInstanceOf(RuntimeException.class);

        assertThat(db.activeObjects().count(LearningReuseEntity.class, "ID > ?", 0)).isEqualTo(1);
        assertThat(db.activeObjects().find(HuddleEntity.class, "ID > ?", 0)[0].getCelebratedLearningId()).isNull();
    }

    private static Map<String, Object> reuse(String key) {
        Map<String, Object> row = new HashMap<>();
        row.put(LearningReuseEntity.REUSE_KEY, key);
        row.put(LearningReuseEntity.LEARNING_ID, 7L);
        row.put(LearningReuseEntity.RECORD_ISSUE_ID, 10_001L);
        row.put(LearningReuseEntity.PROJECT_KEY, "OPS");
        row.put(LearningReuseEntity.KIND, "retro");
        row.put(LearningReuseEntity.TARGET, "page:42");
        row.put(LearningReuseEntity.REUSED_AT, new Date(0));
        return row;
    }

    private static Map<String, Object> huddle(String key) {
        Map<String, Object> row = new HashMap<>();
        row.put(HuddleEntity.HUDDLE_KEY, key);
        row.put(HuddleEntity.TEAM_KEY, "OPS");
        row.put(HuddleEntity.PROJECT_KEYS, "OPS");
        row.put(HuddleEntity.HELD_AT, new Date(0));
        row.put(HuddleEntity.FAILURES_REVIEWED, 3);
        return row;
    }
}
