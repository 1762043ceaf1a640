package dev.failforward.jira.persistence;

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
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Search, count, version and the full record on the real AO ORM (HSQLDB) with the products' naming. */
@RunWith(ActiveObjectsJUnitRunner.class)
@Data(FailureDbSchema.class)
@Jdbc(TestJdbc.class)
@NameConverters(table = AtlassianTestTableNameConverter.class, field = AtlassianFieldNameConverter.class,
        index = AtlassianIndexNameConverter.class, sequence = AtlassianSequenceNameConverter.class,
        trigger = AtlassianTriggerNameConverter.class, unique = AtlassianUniqueNameConverter.class)
public class AoFailureRecordSearchTest {

    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    private static final Set<String> ALL = Set.of("OPS", "LAB", "CARE");

    private EntityManager entityManager;
    private AoFailureRecordRepository repository;

    @Before
    public void setUp() {
        repository = new AoFailureRecordRepository(new EntityManagerActiveObjects(entityManager));
    }

    private static FailureRecord.Builder record(long id, String key, RecordKind kind, int day) {
        Instant created = T0.plusSeconds(day * 86_400L);
        return FailureRecord.builder().issueId(id).issueKey(key).kind(kind).summary("Record " + key)
                .status(kind == RecordKind.EXPERIMENT ? "Running" : "Reported").createdAt(created)
                .updatedAt(created.plusSeconds(3600));
    }

    private static FailureRecord full() {
        return FailureRecord.builder().issueId(500).issueKey("OPS-77").kind(RecordKind.EXPERIMENT)
                .summary("Canary releases").status("Decided").phase(Phase.EXPERIMENT)
                .hypothesis("If we route 5% to a canary, then rollbacks affect fewer than 1% of requests because we see errors early")
                .hypothesisParts("we route 5% to a canary", "rollbacks affect fewer than 1% of requests", "we see errors early")
                .successCriteria("rollback impact < 1%").stopCriteria("error rate > 5%\nby 2026-03-01")
                .outcome(Outcome.REFUTED).decision(Decision.PIVOT).failureType(FailureType.INTELLIGENT)
                .failureCategory(FailureCategory.DESIGN_FLAW).failureMode(FailureMode.OUTCOME)
                .discoveredAt(T0.plusSeconds(10)).reportedAt(T0.plusSeconds(20)).resolvedAt(T0.plusSeconds(30))
                .decidedAt(T0.plusSeconds(40)).startedAt(T0.plusSeconds(5)).team("Search").component("search-api")
                .labels(Set.of("canary", "deploys")).pivotedFrom("OPS-12").recurrenceOf(Set.of("OPS-3", "LAB-1"))
                .createdAt(T0).updatedAt(T0.plusSeconds(50)).build();
    }

    /** 12 records in 3 projects with distinct filters, created a day apart (id order = creation order). */
    private void seed() {
        repository.upsert(record(1, "OPS-1", RecordKind.EXPERIMENT, 1).phase(Phase.EXPLORE).build());
        repository.upsert(record(2, "OPS-2", RecordKind.EXPERIMENT, 2).phase(Phase.EXPERIMENT).build());
        repository.upsert(record(3, "OPS-10", RecordKind.EXPERIMENT, 3).phase(Phase.EXECUTE).status("Decided").build());
        repository.upsert(record(4, "OPS-9", RecordKind.INCIDENT, 4).failureType(FailureType.BASIC)
                .failureCategory(FailureCategory.DATA_GAP).build());
        repository.upsert(record(5, "OPS-5", RecordKind.INCIDENT, 5).failureType(FailureType.COMPLEX)
                .failureCategory(FailureCategory.PROCESS_DEVIATION).status("Closed").build());
        repository.upsert(record(6, "LAB-1", RecordKind.EXPERIMENT, 6).phase(Phase.EXPLORE).build());
        repository.upsert(record(7, "LAB-2", RecordKind.INCIDENT, 7).failureType(FailureType.INTELLIGENT)
                .failureCategory(FailureCategory.DESIGN_FLAW).build());
        repository.upsert(record(8, "CARE-1", RecordKind.INCIDENT, 8).failureType(FailureType.BASIC)
                .failureCategory(FailureCategory.PROCESS_DEVIATION).status("Closed").build());
        repository.upsert(record(9, "CARE-2", RecordKind.EXPERIMENT, 9).phase(Phase.EXPLORE).status("Decided").build());
        repository.upsert(record(10, "CARE-3", RecordKind.EXPERIMENT, 10).summary("100% uptime_goal for night shift").build());
        repository.upsert(record(11, "CARE-4", RecordKind.INCIDENT, 11).summary("Uptime dropped to 90 percent")
                .labels(Set.of("Night-Shift")).build());
        repository.upsert(record(12, "CARE-5", RecordKind.EXPERIMENT, 12).team("Ward 4").component("Lab")
                .hypothesis("If the lab calls back within 10 minutes, then delays drop below 1 per week").build());
    }

    private List<Long> ids(RecordQuery query) {
        RecordPage page = repository.search(query);
        assertThat(repository.count(query)).as("count agrees with the page's total").isEqualTo(page.total());
        return page.records().stream().map(FailureRecord::issueId).toList();
    }

    private static RecordQuery all() {
        return RecordQuery.inProjects(ALL).sortedBy(RecordSort.CREATED, true);
    }

    @Test
    public void storesAndReadsBackEveryField() {
        FailureRecord stored = repository.upsert(full());
        assertThat(stored).isEqualTo(full());
        assertThat(repository.findByIssueId(500)).contains(full());
        assertThat(repository.findByIssueKey("OPS-77")).contains(full());
    }

    @Test
    public void clearingFieldsClearsTheColumns() {
        repository.upsert(full());
        FailureRecord cleared = record(500, "OPS-77", RecordKind.EXPERIMENT, 0).build();
        assertThat(repository.upsert(cleared)).isEqualTo(cleared.toBuilder().version(1).build());
        assertThat(repository.findByIssueId(500)).contains(cleared.toBuilder().version(1).build());
    }

    @Test
    public void theSameRecordTwiceKeepsOneRowAndItsVersion() {
        assertThat(repository.upsert(full()).version()).isZero();
        assertThat(repository.upsert(full()).version()).as("nothing changed").isZero();
        assertThat(repository.upsert(full().toBuilder().version(99).build()).version())
                .as("the incoming version is ignored").isZero();
        assertThat(repository.upsert(full().toBuilder().status("Closed").build()).version()).isEqualTo(1);
        assertThat(repository.upsert(full().toBuilder().status("Closed").build()).version()).isEqualTo(1);
        assertThat(repository.countByProject("OPS")).isEqualTo(1);
    }

    @Test
    public void aMovedIssueKeepsOneRowAndIsFoundUnderItsNewKey() {
        repository.upsert(full());
        repository.upsert(full().toBuilder().issueKey("LAB-3").build());
        assertThat(repository.count(RecordQuery.inProjects(ALL))).isEqualTo(1);
        assertThat(ids(RecordQuery.inProjects(Set.of("LAB")).withText("lab-3"))).containsExactly(500L);
        assertThat(ids(RecordQuery.inProjects(Set.of("OPS")))).isEmpty();
    }

    @Test
    public void filtersByProjects() {
        seed();
        assertThat(ids(RecordQuery.inProjects(Set.of("LAB")).sortedBy(RecordSort.CREATED, true))).containsExactly(6L, 7L);
        assertThat(ids(RecordQuery.inProjects(Set.of("LAB", "CARE")))).hasSize(7);
        assertThat(ids(RecordQuery.inProjects(Set.of("NONE")))).isEmpty();
        assertThat(repository.search(RecordQuery.inProjects(Set.of())).total()).as("no projects, nothing").isZero();
        assertThat(repository.count(RecordQuery.inProjects(Set.of()))).isZero();
    }

    @Test
    public void filtersByKind() {
        seed();
        assertThat(ids(all().withKind(RecordKind.INCIDENT))).containsExactly(4L, 5L, 7L, 8L, 11L);
        assertThat(ids(all().withKind(RecordKind.EXPERIMENT))).containsExactly(1L, 2L, 3L, 6L, 9L, 10L, 12L);
    }

    @Test
    public void filtersByStatuses() {
        seed();
        assertThat(ids(all().withStatuses(Set.of("Closed")))).containsExactly(5L, 8L);
        assertThat(ids(all().withStatuses(Set.of("Closed", "Decided")))).containsExactly(3L, 5L, 8L, 9L);
        assertThat(ids(all().withStatuses(Set.of("closed")))).as("status names are exact").isEmpty();
    }

    @Test
    public void filtersByPhase() {
        seed();
        assertThat(ids(all().withPhase(Phase.EXPLORE))).containsExactly(1L, 6L, 9L);
        assertThat(ids(all().withPhase(Phase.EXECUTE))).containsExactly(3L);
    }

    @Test
    public void filtersByFailureTypeAndCategory() {
        seed();
        assertThat(ids(all().withFailureType(FailureType.BASIC))).containsExactly(4L, 8L);
        assertThat(ids(all().withFailureCategory(FailureCategory.PROCESS_DEVIATION))).containsExactly(5L, 8L);
        assertThat(ids(all().withFailureType(FailureType.BASIC).withFailureCategory(FailureCategory.PROCESS_DEVIATION)))
                .containsExactly(8L);
    }

    @Test
    public void filtersByCreationRangeWithAnInclusiveStartAndExclusiveEnd() {
        seed();
        Instant day3 = T0.plusSeconds(3 * 86_400L);
        Instant day6 = T0.plusSeconds(6 * 86_400L);
        assertThat(ids(all().withCreated(day3, day6))).containsExactly(3L, 4L, 5L);
        assertThat(ids(all().withCreated(day3.plusSeconds(1), null))).startsWith(4L).hasSize(9);
        assertThat(ids(all().withCreated(null, day3))).containsExactly(1L, 2L);
    }

    @Test
    public void combinesFilters() {
        seed();
        RecordQuery q = RecordQuery.inProjects(Set.of("OPS", "CARE")).withKind(RecordKind.INCIDENT)
                .withStatuses(Set.of("Closed")).withFailureType(FailureType.COMPLEX)
                .withCreated(T0, T0.plusSeconds(30 * 86_400L)).sortedBy(RecordSort.CREATED, true);
        assertThat(ids(q)).containsExactly(5L);
        assertThat(ids(q.withFailureType(null))).containsExactly(5L, 8L);
        assertThat(ids(RecordQuery.inProjects(Set.of("CARE")).withKind(RecordKind.EXPERIMENT).withText("uptime")))
                .containsExactly(10L);
    }

    @Test
    public void freeTextMatchesKeySummaryHypothesisTeamComponentAndLabelsIgnoringCase() {
        seed();
        assertThat(ids(all().withText("UPTIME"))).containsExactly(10L, 11L);
        assertThat(ids(all().withText("care-4"))).containsExactly(11L);
        assertThat(ids(all().withText("calls back within"))).containsExactly(12L);
        assertThat(ids(all().withText("ward 4"))).containsExactly(12L);
        assertThat(ids(all().withText("lab"))).as("component, hypothesis and LAB keys")
                .containsExactly(6L, 7L, 12L);
        assertThat(ids(all().withText("night-shift"))).as("label, and summary 'night shift' does not match the dash")
                .containsExactly(11L);
        assertThat(ids(all().withText("nothing like this"))).isEmpty();
    }

    @Test
    public void freeTextWildcardsMatchThemselves() {
        seed();
        repository.upsert(record(13, "LAB-13", RecordKind.INCIDENT, 13).summary("Escape test with ! and [x]").build());
        assertThat(ids(all().withText("100%"))).containsExactly(10L);
        assertThat(ids(all().withText("%"))).as("only records with a percent sign").containsExactly(10L);
        assertThat(ids(all().withText("uptime_goal"))).containsExactly(10L);
        assertThat(ids(all().withText("_"))).containsExactly(10L);
        assertThat(ids(all().withText("uptime goal"))).isEmpty();
        assertThat(ids(all().withText("e_test"))).as("_ is not 'any character'").isEmpty();
        assertThat(ids(all().withText("! and [x]"))).as("the escape character itself").containsExactly(13L);
        assertThat(ids(all().withText("'; DROP TABLE x; --"))).isEmpty();
        assertThat(repository.count(all())).isEqualTo(13);
    }

    @Test
    public void pagesThroughTheResultWithTheTotal() {
        seed();
        RecordQuery q = all().withPage(new PageRequest(0, 5));
        RecordPage first = repository.search(q);
        RecordPage middle = repository.search(q.withPage(new PageRequest(5, 5)));
        RecordPage last = repository.search(q.withPage(new PageRequest(10, 5)));
        RecordPage beyond = repository.search(q.withPage(new PageRequest(20, 5)));

        assertThat(first.records()).extracting(FailureRecord::issueId).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(middle.records()).extracting(FailureRecord::issueId).containsExactly(6L, 7L, 8L, 9L, 10L);
        assertThat(last.records()).extracting(FailureRecord::issueId).containsExactly(11L, 12L);
        assertThat(beyond.records()).isEmpty();
        assertThat(List.of(first.total(), middle.total(), last.total(), beyond.total())).containsOnly(12);
        assertThat(first.hasNext()).isTrue();
        assertThat(last.hasNext()).isFalse();
        assertThat(first.page()).isEqualTo(new PageRequest(0, 5));
        assertThat(ids(all().withKind(RecordKind.INCIDENT).withPage(new PageRequest(2, 2)))).containsExactly(7L, 8L);
        assertThat(repository.search(all().withKind(RecordKind.INCIDENT).withPage(new PageRequest(2, 2))).total()).isEqualTo(5);
    }

    @Test
    public void sortsByCreatedUpdatedAndKeyBothWays() {
        seed();
        // updated times run against creation for three records
        repository.upsert(record(1, "OPS-1", RecordKind.EXPERIMENT, 1).phase(Phase.EXPLORE)
                .updatedAt(T0.plusSeconds(100 * 86_400L)).build());
        RecordQuery ops = RecordQuery.inProjects(Set.of("OPS"));
        assertThat(ids(ops.sortedBy(RecordSort.CREATED, true))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(ids(ops.sortedBy(RecordSort.CREATED, false))).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(ids(ops.sortedBy(RecordSort.UPDATED, false))).containsExactly(1L, 5L, 4L, 3L, 2L);
        assertThat(ids(ops.sortedBy(RecordSort.UPDATED, true))).containsExactly(2L, 3L, 4L, 5L, 1L);
        assertThat(repository.search(ops.sortedBy(RecordSort.KEY, true)).records()).extracting(FailureRecord::issueKey)
                .as("numerically within the project").containsExactly("OPS-1", "OPS-2", "OPS-5", "OPS-9", "OPS-10");
        assertThat(repository.search(RecordQuery.inProjects(ALL).sortedBy(RecordSort.KEY, false)).records())
                .extracting(FailureRecord::issueKey).startsWith("OPS-10", "OPS-9").endsWith("CARE-2", "CARE-1");
    }

    @Test
    public void equalSortValuesAreOrderedByIssueId() {
        for (long id = 20; id < 25; id++) {
            repository.upsert(record(id, "LAB-" + id, RecordKind.EXPERIMENT, 1).build());
        }
        RecordQuery q = RecordQuery.inProjects(Set.of("LAB"));
        assertThat(ids(q.sortedBy(RecordSort.CREATED, true))).containsExactly(20L, 21L, 22L, 23L, 24L);
        assertThat(ids(q.sortedBy(RecordSort.UPDATED, false))).containsExactly(24L, 23L, 22L, 21L, 20L);
    }

    @Test
    public void listsIssueIdsInBatchesForTheBackfill() {
        seed();
        assertThat(repository.issueIds(null, 0, 5)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(repository.issueIds(null, 5, 5)).containsExactly(6L, 7L, 8L, 9L, 10L);
        assertThat(repository.issueIds(null, 10, 5)).containsExactly(11L, 12L);
        assertThat(repository.issueIds(null, 12, 5)).isEmpty();
        assertThat(repository.issueIds("CARE", 0, 500)).containsExactly(8L, 9L, 10L, 11L, 12L);
        assertThat(repository.issueIds("CARE", 9, 2)).containsExactly(10L, 11L);
        assertThatIllegalArgumentException().isThrownBy(() -> repository.issueIds(null, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> repository.issueIds(null, 0, 501));
    }

    @Test
    public void indexesEveryFilteredAndSortedColumn() throws Exception {
        Set<String> indexed = new TreeSet<>();
        try (Connection c = entityManager.getProvider().getConnection();
             ResultSet rs = c.getMetaData().getIndexInfo(null, null, "AO_000000_FAILURE_RECORD", false, false)) {
            while (rs.next()) {
                indexed.add(rs.getString("COLUMN_NAME"));
            }
        }
        assertThat(indexed).contains("ISSUE_ID", "ISSUE_KEY", "ISSUE_NUM", "PROJECT_KEY", "KIND", "STATUS", "PHASE",
                "FAILURE_TYPE", "FAILURE_CATEGORY", "CREATED_AT", "UPDATED_AT", "PIVOTED_FROM");
    }

    @Test
    public void likeEscapingIsExplicit() {
        assertThat(AoFailureRecordRepository.escapeLike("100%_a!b")).isEqualTo("100!%!_a!!b");
        AoFailureRecordRepository.Where where = AoFailureRecordRepository.where(
                RecordQuery.inProjects(Set.of("OPS")).withText("x%'"));
        assertThat(where.sql()).doesNotContain("x%'").contains("SEARCH_TEXT LIKE ? ESCAPE '!'");
        assertThat(where.parameters()).containsExactly("OPS", "%x!%'%");
    }

    @Test
    public void deletingARecordDeletesWhatIsAttachedToIt() {
        repository.upsert(full());
        EntityManagerActiveObjects ao = new EntityManagerActiveObjects(entityManager);
        AoLearningRepository learnings = new AoLearningRepository(ao);
        AoActionItemRepository actions = new AoActionItemRepository(ao);
        AoWhyStepRepository whys = new AoWhyStepRepository(ao);
        learnings.add(new dev.failforward.core.record.Learning.Draft(500, "l", dev.failforward.core.record.LearningKind.INSIGHT, "u", T0));
        learnings.add(new dev.failforward.core.record.Learning.Draft(501, "other record", dev.failforward.core.record.LearningKind.INSIGHT, "u", T0));
        actions.add(new dev.failforward.core.record.ActionItem.Draft(500, "a", "u", java.time.LocalDate.parse("2026-02-01"),
                dev.failforward.core.record.ActionType.DETECT, null, T0));
        whys.replaceAll(500, List.of(new dev.failforward.core.record.WhyStep(500, 1, "q", "a")));

        assertThat(repository.deleteByIssueId(500)).isTrue();

        assertThat(learnings.findByRecord(500)).isEmpty();
        assertThat(learnings.findByRecord(501)).hasSize(1);
        assertThat(actions.findByRecord(500)).isEmpty();
        assertThat(whys.findByRecord(500)).isEmpty();
        assertThat(repository.deleteByIssueId(500)).isFalse();
    }

    @Test
    public void allNewTablesAreNamedWithinTheLimits() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = entityManager.getProvider().getConnection();
             // tables only: PostgreSQL lists its own objects too, such as SERIAL's sequence AO_000000_FAILURE_RECORD_ID_seq
             // (31 characters, named by PostgreSQL, whose limit is 63; on Oracle AO names its sequences itself,
             // within 30)
             ResultSet rs = c.getMetaData().getTables(null, null, "AO_000000_%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertThat(tables).contains("AO_000000_FAILURE_RECORD", "AO_000000_LEARNING", "AO_000000_ACTION_ITEM",
                "AO_000000_WHY_STEP").allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(30));
    }
}
