package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ModelVersion;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AtlassianTestTableNameConverter;
import dev.failforward.host.ao.EntityManagerActiveObjects;
import dev.failforward.jira.archive.ArchivedLearning;
import dev.failforward.jira.archive.LearningQuery;
import net.java.ao.EntityManager;
import net.java.ao.atlassian.AtlassianFieldNameConverter;
import net.java.ao.atlassian.AtlassianIndexNameConverter;
import net.java.ao.atlassian.AtlassianSequenceNameConverter;
import net.java.ao.atlassian.AtlassianTriggerNameConverter;
import net.java.ao.atlassian.AtlassianUniqueNameConverter;
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
 * Upgrades learnings as model version 2 (and 1.1's page columns) left them, without {@code SEARCH_TEXT}: the task fills
 * it and the archive's text search finds the old learnings, case-insensitively beyond ASCII.
 */
@RunWith(ActiveObjectsJUnitRunner.class)
@Data(FailureDbUpgradeTask003Test.Version2.class)
@Jdbc(TestJdbc.class)
@NameConverters(table = AtlassianTestTableNameConverter.class, field = AtlassianFieldNameConverter.class,
        index = AtlassianIndexNameConverter.class, sequence = AtlassianSequenceNameConverter.class,
        trigger = AtlassianTriggerNameConverter.class, unique = AtlassianUniqueNameConverter.class)
public class FailureDbUpgradeTask003Test {

    /** Version 2's tables, as task 002 creates them. */
    public static final class Version2 implements DatabaseUpdater {
        @Override
        public void update(EntityManager entityManager) throws Exception {
            new FailureDbUpgradeTask002().upgrade(ModelVersion.valueOf("1"), new EntityManagerActiveObjects(entityManager));
        }
    }

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private EntityManager entityManager;
    private EntityManagerActiveObjects ao;

    @Before
    public void setUp() {
        ao = new EntityManagerActiveObjects(entityManager);
    }

    private void version2Learning(long recordIssueId, String body, int minute) {
        Map<String, Object> columns = new HashMap<>();
        columns.put(LearningEntity.RECORD_ISSUE_ID, recordIssueId);
        columns.put(LearningEntity.BODY, body);
        columns.put(LearningEntity.KIND, "INSIGHT");
        columns.put(LearningEntity.AUTHOR_KEY, "u-1");
        columns.put(LearningEntity.CREATED_AT, Date.from(T0.plusSeconds(60L * minute)));
        ao.create(FailureDbUpgradeTask002.LearningV2.class, columns);
    }

    private static LearningQuery text(String text) {
        LearningQuery all = LearningQuery.inProjects(Set.of("OPS"));
        return new LearningQuery(all.projectKeys(), null, null, null, null, null, null, text, all.page());
    }

    @Test
    public void isModelVersionThree() {
        assertThat(new FailureDbUpgradeTask003().getModelVersion()).isEqualTo(ModelVersion.valueOf("3"));
        assertThat(ModelVersion.valueOf("3").isNewerThan(ModelVersion.valueOf("2"))).isTrue();
    }

    @Test
    public void fillsTheSearchTextOfOldLearningsSoThatTheArchiveFindsThem() {
        // the record is written through today's repository, which logs its change for the KPIs (the table comes with
        // version 4) and for the search index (version 7)
        ao.migrate(RecordChangeEntity.class, SearchChangeEntity.class);
        AoFailureRecordRepository records = new AoFailureRecordRepository(ao);
        records.upsert(dev.failforward.core.record.FailureRecord.builder().issueId(10).issueKey("OPS-1").projectKey("OPS")
                .kind(RecordKind.INCIDENT).summary("Oil change missed").status("Analysing").createdAndUpdatedAt(T0).build());
        version2Learning(10, "Ölwechsel VERGESSEN: the CHECKLIST had no owner", 1);
        version2Learning(10, "Nothing to see", 2);

        FailureDbUpgradeTask003 task = new FailureDbUpgradeTask003();
        task.upgrade(ModelVersion.valueOf("2"), ao);
        ao.migrate(FailureDbSchema.entities());

        LearningEntity[] rows = ao.find(LearningEntity.class, "ID > ?", 0);
        assertThat(rows).extracting(LearningEntity::getSearchText)
                .containsExactlyInAnyOrder("ölwechsel vergessen: the checklist had no owner", "nothing to see");
        AoLearningArchive archive = new AoLearningArchive(ao);
        assertThat(archive.search(text("ÖLWECHSEL")).items())
                .extracting(ArchivedLearning::text).containsExactly("Ölwechsel VERGESSEN: the CHECKLIST had no owner");

        // a learning written after the upgrade carries its own; a second run changes nothing
        Learning added = new AoLearningRepository(ao).add(new Learning.Draft(10, "Checklist OWNER named",
                LearningKind.INSIGHT, "u-2", T0.plusSeconds(600)));
        task.upgrade(ModelVersion.valueOf("3"), ao);
        assertThat(ao.get(LearningEntity.class, (int) added.id()).getSearchText()).isEqualTo("checklist owner named");
        assertThat(archive.search(text("checklist")).total()).isEqualTo(2);
    }

    @Test
    public void anEditedLearningIsFoundByItsNewText() {
        AoLearningRepository learnings = new AoLearningRepository(ao);
        ao.migrate(FailureDbSchema.entities());
        new AoFailureRecordRepository(ao).upsert(dev.failforward.core.record.FailureRecord.builder().issueId(11)
                .issueKey("OPS-2").projectKey("OPS").kind(RecordKind.INCIDENT).summary("Disk full").status("Reported")
                .createdAndUpdatedAt(T0).build());
        Learning learning = learnings.add(new Learning.Draft(11, "Alerts fired too late", LearningKind.INSIGHT, "u-1", T0));
        learnings.update(learning.edited("Alerts fired at 99 % FULL", LearningKind.INSIGHT));
        AoLearningArchive archive = new AoLearningArchive(ao);
        assertThat(archive.search(text("99 % full")).total()).isEqualTo(1);
        assertThat(archive.search(text("too late")).total()).isZero();
    }
}
