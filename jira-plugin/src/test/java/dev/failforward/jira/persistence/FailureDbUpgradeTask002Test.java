package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ModelVersion;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.RecordQuery;
import dev.failforward.core.record.RecordSort;
import dev.failforward.host.ao.AtlassianTestTableNameConverter;
import dev.failforward.host.ao.EntityManagerActiveObjects;
import net.java.ao.Entity;
import net.java.ao.EntityManager;
import net.java.ao.Preload;
import net.java.ao.atlassian.AtlassianFieldNameConverter;
import net.java.ao.atlassian.AtlassianIndexNameConverter;
import net.java.ao.atlassian.AtlassianSequenceNameConverter;
import net.java.ao.atlassian.AtlassianTriggerNameConverter;
import net.java.ao.atlassian.AtlassianUniqueNameConverter;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;
import net.java.ao.test.converters.NameConverters;
import net.java.ao.test.jdbc.Data;
import net.java.ao.test.jdbc.DatabaseUpdater;
import net.java.ao.test.jdbc.Jdbc;
import net.java.ao.test.junit.ActiveObjectsJUnitRunner;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrades a database as version 1 left it: the 9-column FAILURE_RECORD table with rows, no other tables. The v1
 * entity below is a frozen copy of {@code FailureRecordEntity} as released in model version 1.
 */
@RunWith(ActiveObjectsJUnitRunner.class)
@Data(FailureDbUpgradeTask002Test.Version1.class)
@Jdbc(TestJdbc.class)
@NameConverters(table = AtlassianTestTableNameConverter.class, field = AtlassianFieldNameConverter.class,
        index = AtlassianIndexNameConverter.class, sequence = AtlassianSequenceNameConverter.class,
        trigger = AtlassianTriggerNameConverter.class, unique = AtlassianUniqueNameConverter.class)
public class FailureDbUpgradeTask002Test {

    @Preload
    @Table("FAILURE_RECORD")
    public interface FailureRecordV1 extends Entity {
        @NotNull @Unique @Indexed long getIssueId();
        void setIssueId(long issueId);
        @NotNull @Indexed String getIssueKey();
        void setIssueKey(String issueKey);
        @NotNull @Indexed String getProjectKey();
        void setProjectKey(String projectKey);
        @NotNull @Indexed @StringLength(20) String getKind();
        void setKind(String kind);
        @NotNull String getSummary();
        void setSummary(String summary);
        @NotNull @StringLength(60) String getStatus();
        void setStatus(String status);
        @StringLength(StringLength.UNLIMITED) String getHypothesis();
        void setHypothesis(String hypothesis);
        @NotNull @Indexed Date getCreatedAt();
        void setCreatedAt(Date createdAt);
        @NotNull Date getUpdatedAt();
        void setUpdatedAt(Date updatedAt);
    }

    public static final class Version1 implements DatabaseUpdater {
        @Override
        public void update(EntityManager entityManager) throws Exception {
            entityManager.migrate(FailureRecordV1.class);
        }
    }

    private static final Instant T0 = Instant.parse("2025-11-20T10:00:00Z");

    private EntityManager entityManager;
    private EntityManagerActiveObjects ao;

    @Before
    public void setUp() {
        ao = new EntityManagerActiveObjects(entityManager);
    }

    private void v1Row(long issueId, String key, String kind, String summary, String status, String hypothesis, int day) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("ISSUE_ID", issueId);
        columns.put("ISSUE_KEY", key);
        columns.put("PROJECT_KEY", key.substring(0, key.indexOf('-')));
        columns.put("KIND", kind);
        columns.put("SUMMARY", summary);
        columns.put("STATUS", status);
        if (hypothesis != null) {
            columns.put("HYPOTHESIS", hypothesis);
        }
        columns.put("CREATED_AT", Date.from(T0.plusSeconds(day * 86_400L)));
        columns.put("UPDATED_AT", Date.from(T0.plusSeconds(day * 86_400L + 60)));
        ao.create(FailureRecordV1.class, columns);
    }

    @Test
    public void isModelVersionTwo() {
        assertThat(new FailureDbUpgradeTask002().getModelVersion()).isEqualTo(ModelVersion.valueOf("2"));
        assertThat(ModelVersion.valueOf("2").isNewerThan(ModelVersion.valueOf("1"))).isTrue();
    }

    @Test
    public void version1RowsSurviveWithSensibleValuesInTheNewColumns() {
        v1Row(101, "OPS-10", "EXPERIMENT", "Canary releases", "Running", "If we use canaries, then rollbacks drop below 1%", 1);
        v1Row(102, "OPS-9", "INCIDENT", "Backup skipped", "Analysing", null, 2);
        v1Row(103, "CARE-100", "INCIDENT", "Wrong wristband", "Reported", null, 3);

        new FailureDbUpgradeTask002().upgrade(ModelVersion.valueOf("1"), ao);

        AoFailureRecordRepository repository = new AoFailureRecordRepository(ao);
        FailureRecord canary = repository.findByIssueId(101).orElseThrow();
        assertThat(canary).isEqualTo(FailureRecord.builder().issueId(101).issueKey("OPS-10").kind(RecordKind.EXPERIMENT)
                .summary("Canary releases").status("Running").hypothesis("If we use canaries, then rollbacks drop below 1%")
                .createdAt(T0.plusSeconds(86_400)).updatedAt(T0.plusSeconds(86_460)).build());
        assertThat(canary.version()).isZero();
        assertThat(canary.phase()).isNull();
        assertThat(canary.labels()).isEmpty();

        // the filled columns work: numeric key order and free text over the old rows
        assertThat(repository.search(RecordQuery.inProjects(Set.of("OPS")).sortedBy(RecordSort.KEY, true)).records())
                .extracting(FailureRecord::issueKey).containsExactly("OPS-9", "OPS-10");
        assertThat(repository.search(RecordQuery.inProjects(Set.of("OPS", "CARE")).withText("CANARIES")).records())
                .extracting(FailureRecord::issueId).containsExactly(101L);
        assertThat(repository.search(RecordQuery.inProjects(Set.of("CARE")).withText("care-100")).total()).isEqualTo(1);
        for (FailureRecordEntity row : ao.find(FailureRecordEntity.class, "ID > ?", 0)) {
            assertThat(row.getIssueNum()).isPositive();
            assertThat(row.getSearchText()).isEqualTo(AoFailureRecordRepository.searchText(AoFailureRecordRepository.toRecord(row)));
        }

        // the new tables exist and an upgraded row can be updated as usual (once versions 4 and 7 added the change
        // logs; their table creation commits the test's rows, so the other tests use other issue ids)
        new FailureDbUpgradeTask004().upgrade(ModelVersion.valueOf("3"), ao);
        new FailureDbUpgradeTask007().upgrade(ModelVersion.valueOf("6"), ao); // and version 7 the search change log
        assertThat(repository.upsert(canary.toBuilder().status("Decided").build()).version()).isEqualTo(1);
        // (counted, not read through the repository: the task creates LEARNING as of model version 2; the columns added
        // later, SOURCE_URL and SOURCE_TITLE, come from Active Objects' own migration to the current entities)
        assertThat(ao.count(LearningEntity.class, "ID > ?", 0)).isZero();
        new FailureDbUpgradeTask006().upgrade(ModelVersion.valueOf("5"), ao); // the live entity reads its columns
        assertThat(new AoActionItemRepository(ao).findByRecord(101)).isEmpty();
        assertThat(new AoWhyStepRepository(ao).findByRecord(101)).isEmpty();
    }

    @Test
    public void runningTwiceChangesNothing() {
        v1Row(901, "OPS-10", "EXPERIMENT", "Canary releases", "Running", null, 1);
        FailureDbUpgradeTask002 task = new FailureDbUpgradeTask002();
        task.upgrade(ModelVersion.valueOf("1"), ao);
        FailureRecord once = new AoFailureRecordRepository(ao).findByIssueId(901).orElseThrow();
        task.upgrade(ModelVersion.valueOf("2"), ao);
        assertThat(new AoFailureRecordRepository(ao).findByIssueId(901)).contains(once);
    }

    @Test
    public void upgradesAnEmptyDatabase() {
        new FailureDbUpgradeTask002().upgrade(ModelVersion.valueOf("0"), ao);
        assertThat(new AoFailureRecordRepository(ao).count(RecordQuery.inProjects(Set.of("OPS")))).isZero();
    }
}
