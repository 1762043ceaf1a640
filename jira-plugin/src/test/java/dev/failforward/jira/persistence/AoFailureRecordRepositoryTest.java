package dev.failforward.jira.persistence;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AtlassianTestTableNameConverter;
import dev.failforward.host.ao.EntityManagerActiveObjects;
import net.java.ao.EntityManager;
import net.java.ao.atlassian.AtlassianFieldNameConverter;
import net.java.ao.atlassian.AtlassianIndexNameConverter;
import net.java.ao.atlassian.AtlassianSequenceNameConverter;
import net.java.ao.atlassian.AtlassianTriggerNameConverter;
import net.java.ao.atlassian.AtlassianUniqueNameConverter;
import net.java.ao.test.converters.NameConverters;
import net.java.ao.test.jdbc.Data;
import net.java.ao.test.jdbc.Jdbc;
import net.java.ao.test.junit.ActiveObjectsJUnitRunner;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The failure database repository on the real AO ORM (HSQLDB), with the products' table and column naming. */
@RunWith(ActiveObjectsJUnitRunner.class)
@Data(FailureDbSchema.class)
@Jdbc(TestJdbc.class)
@NameConverters(table = AtlassianTestTableNameConverter.class, field = AtlassianFieldNameConverter.class,
        index = AtlassianIndexNameConverter.class, sequence = AtlassianSequenceNameConverter.class,
        trigger = AtlassianTriggerNameConverter.class, unique = AtlassianUniqueNameConverter.class)
public class AoFailureRecordRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

    private EntityManager entityManager;
    private AoFailureRecordRepository repository;

    @Before
    public void setUp() {
        repository = new AoFailureRecordRepository(new EntityManagerActiveObjects(entityManager));
    }

    private static FailureRecord experiment(long id, String key, Instant created) {
        String project = key.substring(0, key.indexOf('-'));
        return FailureRecord.builder().issueId(id).issueKey(key).projectKey(project).kind(RecordKind.EXPERIMENT)
                .summary("Experiment " + key).status("Draft")
                .hypothesis("If we add a checklist, then deploy failures drop below 2 per month")
                .createdAndUpdatedAt(created).build();
    }

    private static FailureRecord incident(long id, String key, Instant created) {
        String project = key.substring(0, key.indexOf('-'));
        return FailureRecord.builder().issueId(id).issueKey(key).projectKey(project).kind(RecordKind.INCIDENT)
                .summary("Incident " + key).status("Reported").createdAndUpdatedAt(created).build();
    }

    @Test
    public void tableAndColumnsAreNamedAsInJira() throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection c = entityManager.getProvider().getConnection();
             ResultSet rs = c.getMetaData().getColumns(null, null, "AO_000000_FAILURE_RECORD", null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        assertThat(columns).containsExactlyInAnyOrder("ID", "ISSUE_ID", "ISSUE_KEY", "ISSUE_NUM", "PROJECT_KEY", "KIND",
                "SUMMARY", "STATUS", "PHASE", "HYPOTHESIS", "HYP_CONDITION", "HYP_OUTCOME", "HYP_RATIONALE",
                "SUCCESS_CRITERIA", "STOP_CRITERIA", "OUTCOME", "DECISION", "FAILURE_TYPE", "FAILURE_CATEGORY",
                "FAILURE_MODE", "DISCOVERED_AT", "REPORTED_AT", "RESOLVED_AT", "DECIDED_AT", "STARTED_AT", "TEAM",
                "COMPONENT", "LABELS", "PIVOTED_FROM", "RECURRENCE_OF", "SEARCH_TEXT", "CREATED_AT", "UPDATED_AT",
                "VERSION");
        assertThat(columns).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(30));
    }

    @Test
    public void createsAndReadsBackEveryField() {
        FailureRecord stored = repository.upsert(experiment(10001, "OPS-1", T0));

        assertThat(stored).isEqualTo(experiment(10001, "OPS-1", T0));
        assertThat(repository.findByIssueId(10001)).contains(stored);
        assertThat(repository.findByIssueKey("OPS-1")).contains(stored);
    }

    @Test
    public void keepsANullHypothesisForIncidents() {
        repository.upsert(incident(10002, "OPS-2", T0));
        assertThat(repository.findByIssueKey("OPS-2")).get().extracting(FailureRecord::hypothesis).isNull();
    }

    @Test
    public void storesLongHypothesesInTheUnlimitedColumn() {
        String text = "If we add a checklist, then deploy failures drop below 2 per month because " + "x".repeat(1900);
        FailureRecord record = experiment(7, "OPS-7", T0).toBuilder().summary("Long").hypothesis(text).build();
        repository.upsert(record);
        assertThat(repository.findByIssueId(7)).get().extracting(FailureRecord::hypothesis).isEqualTo(text);
    }

    @Test
    public void upsertIsIdempotentAndFollowsAMovedIssue() {
        repository.upsert(experiment(10003, "OPS-3", T0));
        repository.upsert(experiment(10003, "OPS-3", T0));
        assertThat(repository.countByProject("OPS")).isEqualTo(1);

        FailureRecord moved = experiment(10003, "LAB-9", T0).toBuilder().summary("Moved to the lab").status("Running")
                .hypothesis("If we pair, then review time drops below 4 hours").updatedAt(T0.plusSeconds(60)).build();
        assertThat(repository.upsert(moved).version()).isEqualTo(1);

        assertThat(repository.countByProject("OPS")).isZero();
        assertThat(repository.countByProject("LAB")).isEqualTo(1);
        assertThat(repository.findByIssueKey("OPS-3")).isEmpty();
        assertThat(repository.findByIssueId(10003)).contains(moved.toBuilder().version(1).build());
    }

    @Test
    public void anOlderSnapshotOfTheIssueNeverOverwritesALaterOne() {
        FailureRecord later = experiment(20001, "OPS-21", T0).toBuilder().status("Running")
                .updatedAt(T0.plusSeconds(120)).build();
        repository.upsert(later);
        // another node read the issue before that change and writes only now
        FailureRecord older = experiment(20001, "OPS-21", T0).toBuilder().status("Ready")
                .updatedAt(T0.plusSeconds(60)).build();
        assertThat(repository.upsert(older).status()).isEqualTo("Running");
        assertThat(repository.findByIssueId(20001)).get().extracting(FailureRecord::status).isEqualTo("Running");
        // a change made later still goes through, also one a millisecond later
        FailureRecord latest = later.toBuilder().status("Evaluating").updatedAt(T0.plusMillis(120_001)).build();
        assertThat(repository.upsert(latest).status()).isEqualTo("Evaluating");
    }

    @Test
    public void listsAProjectNewestFirstInPages() {
        for (int i = 1; i <= 7; i++) {
            repository.upsert(experiment(100 + i, "OPS-" + i, T0.plusSeconds(i * 3600L)));
        }
        repository.upsert(experiment(999, "LAB-1", T0.plusSeconds(99_999)));

        assertThat(repository.findByProject("OPS", new PageRequest(0, 3))).extracting(FailureRecord::issueKey)
                .containsExactly("OPS-7", "OPS-6", "OPS-5");
        assertThat(repository.findByProject("OPS", new PageRequest(3, 3))).extracting(FailureRecord::issueKey)
                .containsExactly("OPS-4", "OPS-3", "OPS-2");
        assertThat(repository.findByProject("OPS", new PageRequest(6, 3))).extracting(FailureRecord::issueKey)
                .containsExactly("OPS-1");
        assertThat(repository.findByProject("NONE", PageRequest.first(10))).isEmpty();
        assertThat(repository.countByProject("OPS")).isEqualTo(7);
    }

    @Test
    public void sameCreationTimeIsOrderedByIssueId() {
        repository.upsert(experiment(5, "OPS-5", T0));
        repository.upsert(experiment(6, "OPS-6", T0));
        assertThat(repository.findByProject("OPS", PageRequest.first(10))).extracting(FailureRecord::issueId)
                .containsExactly(6L, 5L);
    }

    @Test
    public void deletesByIssueId() {
        repository.upsert(experiment(10004, "OPS-4", T0));
        assertThat(repository.deleteByIssueId(10004)).isTrue();
        assertThat(repository.deleteByIssueId(10004)).isFalse();
        assertThat(repository.findByIssueId(10004)).isEmpty();
    }

    @Test
    public void theIssueIdIsUniqueInTheDatabase() {
        repository.upsert(experiment(10005, "OPS-5", T0));
        EntityManagerActiveObjects ao = new EntityManagerActiveObjects(entityManager);
        assertThatThrownBy(() -> ao.create(FailureRecordEntity.class, java.util.Map.of(
                FailureRecordEntity.ISSUE_ID, 10005L, FailureRecordEntity.ISSUE_KEY, "OPS-55",
                FailureRecordEntity.PROJECT_KEY, "OPS", FailureRecordEntity.KIND, "INCIDENT",
                FailureRecordEntity.SUMMARY, "duplicate", FailureRecordEntity.STATUS, "Reported",
                FailureRecordEntity.CREATED_AT, new java.util.Date(), FailureRecordEntity.UPDATED_AT, new java.util.Date())))
                .isInstanceOf(RuntimeException.class);
    }
}
