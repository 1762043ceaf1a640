package dev.failforward.jira.persistence;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.SourcePage;
import dev.failforward.host.ao.AtlassianTestTableNameConverter;
import dev.failforward.host.ao.EntityManagerActiveObjects;
import dev.failforward.jira.archive.ArchivedLearning;
import dev.failforward.jira.archive.LearningArchivePage;
import dev.failforward.jira.archive.LearningArchiveService;
import dev.failforward.jira.archive.LearningQuery;
import dev.failforward.jira.permissions.FakeRecordPermissions;
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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The learnings archive search (join, filters, paging, facets, permissions) on the real AO ORM (HSQLDB). */
@RunWith(ActiveObjectsJUnitRunner.class)
@Data(FailureDbSchema.class)
@Jdbc(TestJdbc.class)
@NameConverters(table = AtlassianTestTableNameConverter.class, field = AtlassianFieldNameConverter.class,
        index = AtlassianIndexNameConverter.class, sequence = AtlassianSequenceNameConverter.class,
        trigger = AtlassianTriggerNameConverter.class, unique = AtlassianUniqueNameConverter.class)
public class AoLearningArchiveTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Set<String> ALL = Set.of("OPS", "LAB", "HR");

    private EntityManager entityManager;
    private AoLearningArchive archive;
    private AoLearningRepository learnings;
    private final FakeRecordPermissions permissions = new FakeRecordPermissions();

    private Learning opsInsight;
    private Learning opsLucky;
    private Learning opsPercent;
    private Learning labSurprise;
    private Learning labUnderscore;
    private Learning hrInsight;

    @Before
    public void setUp() {
        EntityManagerActiveObjects ao = new EntityManagerActiveObjects(entityManager);
        archive = new AoLearningArchive(ao);
        learnings = new AoLearningRepository(ao);
        AoFailureRecordRepository records = new AoFailureRecordRepository(ao);
        records.upsert(record(1, "OPS-1", RecordKind.INCIDENT).summary("Database outage")
                .failureType(FailureType.BASIC).failureCategory(FailureCategory.PROCESS_DEVIATION).build());
        records.upsert(record(2, "LAB-1", RecordKind.EXPERIMENT).summary("Canary releases")
                .failureType(FailureType.INTELLIGENT).failureCategory(FailureCategory.DESIGN_FLAW).build());
        records.upsert(record(3, "HR-1", RecordKind.INCIDENT).summary("Payroll delay").build());
        records.upsert(record(4, "OPS-2", RecordKind.INCIDENT).summary("No learnings yet").build());
        opsInsight = learn(1, "Config changes need review", LearningKind.INSIGHT, 0);
        opsLucky = learn(1, "We got lucky it was night", LearningKind.GOT_LUCKY, 1);
        opsPercent = learn(1, "Disk was 100% full", LearningKind.SURPRISE, 2);
        labSurprise = learn(2, "Users noticed the canary", LearningKind.SURPRISE, 3);
        labUnderscore = learn(2, "Flag feature_x stayed on", LearningKind.WENT_WELL, 4);
        hrInsight = learn(3, "Two approvers avoid delays", LearningKind.INSIGHT, 5);
    }

    private static FailureRecord.Builder record(long id, String key, RecordKind kind) {
        return FailureRecord.builder().issueId(id).issueKey(key).kind(kind).summary(key)
                .status(kind == RecordKind.EXPERIMENT ? "Running" : "Reported").createdAt(T0).updatedAt(T0);
    }

    private Learning learn(long recordIssueId, String text, LearningKind kind, int day) {
        return learnings.add(new Learning.Draft(recordIssueId, text, kind, "u-anna", T0.plusSeconds(day * 86_400L)));
    }

    private static LearningQuery all() {
        return LearningQuery.inProjects(ALL);
    }

    private LearningArchivePage search(LearningQuery query) {
        return archive.search(query);
    }

    private static List<Long> ids(LearningArchivePage page) {
        return page.items().stream().map(ArchivedLearning::id).toList();
    }

    private static List<Long> ids(Learning... expected) {
        return java.util.Arrays.stream(expected).map(Learning::id).toList();
    }

    private static LearningQuery with(LearningQuery q, RecordKind recordKind, LearningKind learningKind,
                                      FailureType type, FailureCategory category, Instant from, Instant before,
                                      String text) {
        return new LearningQuery(q.projectKeys(), recordKind, learningKind, type, category, from, before, text,
                q.page());
    }

    @Test
    public void linksEachLearningToItsOwnRetroPageOrElseTheRecordsNewest() {
        SourcePage older = new SourcePage("https://wiki.example.com/pages/viewpage.action?pageId=10", "OPS-1 huddle");
        SourcePage newer = new SourcePage("https://wiki.example.com/pages/viewpage.action?pageId=11", "OPS-1 post-mortem");
        Learning fromHuddle = learnings.add(new Learning.Draft(1, "Pager rota was unclear", LearningKind.INSIGHT,
                "u-ben", T0.plusSeconds(10 * 86_400L), older));
        Learning fromPostMortem = learnings.add(new Learning.Draft(1, "Runbooks need dates", LearningKind.INSIGHT,
                "u-ben", T0.plusSeconds(11 * 86_400L), newer));

        Map<Long, SourcePage> pages = new java.util.HashMap<>();
        search(all()).items().forEach(i -> pages.put(i.id(), i.retroPage()));

        assertThat(pages.get(fromHuddle.id())).isEqualTo(older);
        assertThat(pages.get(fromPostMortem.id())).isEqualTo(newer);
        assertThat(pages.get(opsInsight.id())).isEqualTo(newer);
        assertThat(pages.get(opsLucky.id())).isEqualTo(newer);
        assertThat(pages.get(labSurprise.id())).isNull();
        assertThat(pages.get(hrInsight.id())).isNull();
        assertThat(learnings.findById(fromHuddle.id()).orElseThrow().source()).isEqualTo(older);
    }

    @Test
    public void listsNewestFirstWithTheRecordOfEachLearning() {
        LearningArchivePage page = search(all());

        assertThat(ids(page)).isEqualTo(ids(hrInsight, labUnderscore, labSurprise, opsPercent, opsLucky, opsInsight));
        assertThat(page.total()).isEqualTo(6);
        ArchivedLearning lab = page.items().get(1);
        assertThat(lab.text()).isEqualTo("Flag feature_x stayed on");
        assertThat(lab.kind()).isEqualTo(LearningKind.WENT_WELL);
        assertThat(lab.createdAt()).isEqualTo(T0.plusSeconds(4 * 86_400L));
        assertThat(lab.record()).isEqualTo(new ArchivedLearning.RecordSummary("LAB-1", "LAB", "Canary releases",
                RecordKind.EXPERIMENT, "Running", FailureType.INTELLIGENT, FailureCategory.DESIGN_FLAW));
        assertThat(page.items().get(0).record().failureType()).isNull();
    }

    @Test
    public void facetsCountEveryMatchNotOnlyThePage() {
        LearningQuery firstTwo = new LearningQuery(ALL, null, null, null, null, null, null, null,
                new PageRequest(0, 2));
        LearningArchivePage page = search(firstTwo);

        assertThat(page.items()).hasSize(2);
        assertThat(page.total()).isEqualTo(6);
        LearningArchivePage.Facets facets = page.facets();
        assertThat(facets.project()).isEqualTo(Map.of("OPS", 3, "LAB", 2, "HR", 1));
        assertThat(facets.recordKind()).isEqualTo(Map.of("incident", 4, "experiment", 2));
        assertThat(facets.learningKind()).isEqualTo(Map.of("insight", 2, "surprise", 2, "got_lucky", 1,
                "went_well", 1));
        assertThat(facets.failureType()).isEqualTo(Map.of("basic", 3, "intelligent", 2));
        assertThat(facets.category()).isEqualTo(Map.of("process_deviation", 3, "design_flaw", 2));
        assertThat(facets.period()).as("the learnings' months, UTC").isEqualTo(Map.of("2026-03", 6));
        assertThat(facets.project().keySet()).containsExactly("HR", "LAB", "OPS");
    }

    @Test
    public void pagesThroughTheMatches() {
        LearningArchivePage second = search(new LearningQuery(ALL, null, null, null, null, null, null, null,
                new PageRequest(2, 2)));
        LearningArchivePage past = search(new LearningQuery(ALL, null, null, null, null, null, null, null,
                new PageRequest(6, 2)));

        assertThat(ids(second)).isEqualTo(ids(labSurprise, opsPercent));
        assertThat(second.total()).isEqualTo(6);
        assertThat(past.items()).isEmpty();
        assertThat(past.total()).isEqualTo(6);
    }

    @Test
    public void filtersByEveryParameter() {
        assertThat(ids(search(all().withProjects(Set.of("LAB")))))
                .isEqualTo(ids(labUnderscore, labSurprise));
        assertThat(ids(search(with(all(), RecordKind.EXPERIMENT, null, null, null, null, null, null))))
                .isEqualTo(ids(labUnderscore, labSurprise));
        assertThat(ids(search(with(all(), null, LearningKind.INSIGHT, null, null, null, null, null))))
                .isEqualTo(ids(hrInsight, opsInsight));
        assertThat(ids(search(with(all(), null, null, FailureType.BASIC, null, null, null, null))))
                .isEqualTo(ids(opsPercent, opsLucky, opsInsight));
        assertThat(ids(search(with(all(), null, null, null, FailureCategory.DESIGN_FLAW, null, null, null))))
                .isEqualTo(ids(labUnderscore, labSurprise));
        assertThat(ids(search(with(all(), null, null, null, null, T0.plusSeconds(86_400L), T0.plusSeconds(3 * 86_400L),
                null)))).as("from inclusive, before exclusive").isEqualTo(ids(opsPercent, opsLucky));
        LearningArchivePage combined = search(with(all(), RecordKind.INCIDENT, LearningKind.SURPRISE, null, null,
                null, null, null));
        assertThat(ids(combined)).isEqualTo(ids(opsPercent));
        assertThat(combined.facets().learningKind()).isEqualTo(Map.of("surprise", 1));
        assertThat(combined.facets().project()).isEqualTo(Map.of("OPS", 1));
    }

    @Test
    public void freeTextMatchesLearningOrRecordCaseInsensitively() {
        assertThat(ids(search(with(all(), null, null, null, null, null, null, "CONFIG")))).isEqualTo(ids(opsInsight));
        assertThat(ids(search(with(all(), null, null, null, null, null, null, "payroll"))))
                .as("the record's summary").isEqualTo(ids(hrInsight));
        assertThat(search(with(all(), null, null, null, null, null, null, "nothing like it")).total()).isZero();
    }

    @Test
    public void wildcardsInTheTextMatchThemselves() {
        assertThat(ids(search(with(all(), null, null, null, null, null, null, "100%")))).isEqualTo(ids(opsPercent));
        assertThat(ids(search(with(all(), null, null, null, null, null, null, "%")))).isEqualTo(ids(opsPercent));
        assertThat(ids(search(with(all(), null, null, null, null, null, null, "e_x")))).isEqualTo(ids(labUnderscore));
        assertThat(ids(search(with(all(), null, null, null, null, null, null, "_")))).isEqualTo(ids(labUnderscore));
        assertThat(search(with(all(), null, null, null, null, null, null, "!")).total()).isZero();
    }

    @Test
    public void everyWayOfReadingTheMatchesGivesTheSameAnswer() {
        // the defaults (records by one IN list, the page from the pass) against the other ways: the records of the
        // searched projects streamed (more records with matches than one IN list may hold), and every page sorted by
        // the database (deeper than the pass keeps)
        EntityManagerActiveObjects ao = new EntityManagerActiveObjects(entityManager);
        List<AoLearningArchive> others = List.of(new AoLearningArchive(ao, 1, AoLearningArchive.HEAP_LIMIT),
                new AoLearningArchive(ao, AoLearningArchive.IN_LIST, 0), new AoLearningArchive(ao, 2, 3));
        List<LearningQuery> queries = new java.util.ArrayList<>();
        for (int offset = 0; offset <= 7; offset++) {
            for (int limit : new int[] {1, 2, 5, 100}) {
                queries.add(new LearningQuery(ALL, null, null, null, null, null, null, null,
                        new PageRequest(offset, limit)));
            }
        }
        queries.add(with(all(), RecordKind.INCIDENT, null, null, null, null, null, null));
        queries.add(with(all(), null, LearningKind.SURPRISE, null, null, null, null, null));
        queries.add(with(all(), null, null, FailureType.BASIC, FailureCategory.PROCESS_DEVIATION, null, null, null));
        queries.add(with(all(), null, null, null, null, T0.plusSeconds(86_400L), null, "a"));
        queries.add(with(all(), null, null, null, null, null, null, "canary"));
        queries.add(all().withProjects(Set.of("LAB", "HR")));
        for (LearningQuery query : queries) {
            LearningArchivePage expected = archive.search(query);
            for (AoLearningArchive other : others) {
                assertThat(other.search(query)).as(query.toString()).isEqualTo(expected);
            }
        }
        assertThat(archive.search(queries.get(0)).items()).hasSize(1);
    }

    @Test
    public void learningsOfTheSameInstantAreNewestIdFirst() {
        Instant same = T0.plusSeconds(30 * 86_400L);
        Learning first = learnings.add(new Learning.Draft(2, "Same second one", LearningKind.INSIGHT, "u-ben", same));
        Learning second = learnings.add(new Learning.Draft(3, "Same second two", LearningKind.INSIGHT, "u-ben", same));
        Learning third = learnings.add(new Learning.Draft(1, "Same second three", LearningKind.INSIGHT, "u-ben", same));

        assertThat(ids(search(new LearningQuery(ALL, null, null, null, null, null, null, null, new PageRequest(0, 4)))))
                .isEqualTo(ids(third, second, first, hrInsight));
        assertThat(ids(new AoLearningArchive(new EntityManagerActiveObjects(entityManager), AoLearningArchive.IN_LIST, 0)
                .search(new LearningQuery(ALL, null, null, null, null, null, null, null, new PageRequest(1, 2)))))
                .as("the database's ORDER BY agrees").isEqualTo(ids(second, first));
    }

    @Test
    public void noProjectsFindsNothing() {
        LearningArchivePage page = search(all().withProjects(Set.of()));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(page.facets()).isEqualTo(LearningArchivePage.Facets.NONE);
    }

    @Test
    public void theServiceNeverCountsProjectsTheUserCannotBrowse() {
        LearningArchiveService service = new LearningArchiveService(archive,
                permissions.as("u-anna", Set.of("OPS", "LAB"), Set.of()));

        LearningArchivePage everything = service.search(null, all());
        assertThat(everything.total()).isEqualTo(5);
        assertThat(everything.facets().project()).isEqualTo(Map.of("OPS", 3, "LAB", 2));
        assertThat(everything.items()).extracting(l -> l.record().projectKey()).doesNotContain("HR");

        LearningArchivePage asked = service.search(Set.of("hr", " lab "), all());
        assertThat(ids(asked)).as("HR dropped silently, keys in any case").isEqualTo(ids(labUnderscore, labSurprise));
        assertThat(asked.facets().project()).isEqualTo(Map.of("LAB", 2));

        LearningArchivePage hidden = service.search(Set.of("HR"), all());
        assertThat(hidden.total()).isZero();
        assertThat(hidden.items()).isEmpty();
        assertThat(hidden.facets()).isEqualTo(LearningArchivePage.Facets.NONE);

        LearningArchiveService anonymous = new LearningArchiveService(archive,
                new FakeRecordPermissions().as(null, Set.of(), Set.of()));
        assertThat(anonymous.search(null, all()).total()).isZero();
    }
}
