package dev.failforward.jira.search;

import dev.failforward.core.experiment.Phase;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.RecordPage;
import dev.failforward.core.record.RecordQuery;
import dev.failforward.core.record.RecordSort;
import dev.failforward.core.record.SourcePage;
import dev.failforward.core.record.WhyStep;
import dev.failforward.host.ao.AtlassianTestTableNameConverter;
import dev.failforward.host.ao.EntityManagerActiveObjects;
import dev.failforward.jira.archive.ArchivedLearning;
import dev.failforward.jira.archive.LearningArchivePage;
import dev.failforward.jira.archive.LearningQuery;
import dev.failforward.jira.failuredb.RecordDetails;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.AoLearningArchive;
import dev.failforward.jira.persistence.AoLearningRepository;
import dev.failforward.jira.persistence.FailureDbSchema;
import dev.failforward.jira.persistence.TestJdbc;
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
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index answers as the SQL path does, on the same generated failure database (a few hundred records on the real
 * AO ORM): the archive ({@link AoLearningArchive}) for filter-only and whole-word text searches (items and their
 * order with the (created, id) tie-break, total, every facet), and the record search
 * ({@link AoFailureRecordRepository#search}) for whole-word searches with each sort and paging.
 *
 * <p>Where the two differ by design, the data keeps out of the way, and the test checks that premise: SQL matches a
 * substring, the index stemmed words, so every searched word occurs only as itself (never inside another word, never
 * inflected); SQL searches fewer record fields, so the fields only the index reads (description, 5 whys,
 * contributing factors, criteria) use words no query asks for; multi-word searches are word pairs that only ever
 * occur together, so "both words" (the index) and "this substring" (SQL) agree.
 */
@RunWith(ActiveObjectsJUnitRunner.class)
@Data(FailureDbSchema.class)
@Jdbc(TestJdbc.class)
@NameConverters(table = AtlassianTestTableNameConverter.class, field = AtlassianFieldNameConverter.class,
        index = AtlassianIndexNameConverter.class, sequence = AtlassianSequenceNameConverter.class,
        trigger = AtlassianTriggerNameConverter.class, unique = AtlassianUniqueNameConverter.class)
public class SearchEquivalenceTest {

    private static final Instant T0 = Instant.parse("2025-11-20T09:00:00Z");
    private static final List<String> PROJECTS = List.of("OPS", "LAB", "HR", "FIN");
    /** Record text (summary, hypothesis, team, component, labels): searched by both paths. */
    private static final List<String> RECORD_WORDS = List.of("quartz", "violet", "harbor", "copper", "lantern",
            "meadow", "falcon", "granite", "glacier drift", "saffron tide");
    /** Learning text. */
    private static final List<String> LEARNING_WORDS = List.of("orchid", "pebble", "tundra", "willow", "cobalt",
            "marble", "amber signal");
    /** Text only the index reads (never searched for here). */
    private static final List<String> INDEX_ONLY_WORDS = List.of("zephyr", "nimbus", "kestrel", "sorrel");
    private static final List<String> STATUSES = List.of("Reported", "Analysing", "Done");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private EntityManager entityManager;
    private AoLearningArchive sqlArchive;
    private AoFailureRecordRepository sqlRecords;
    private LuceneFailureIndex index;
    private final List<String> texts = new ArrayList<>();

    @Before
    public void setUp() throws IOException {
        EntityManagerActiveObjects ao = new EntityManagerActiveObjects(entityManager);
        sqlArchive = new AoLearningArchive(ao);
        sqlRecords = new AoFailureRecordRepository(ao);
        AoLearningRepository learnings = new AoLearningRepository(ao);
        Random random = new Random(14);
        List<SearchableRecord> indexed = new ArrayList<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (long issueId = 1; issueId <= 240; issueId++) {
            String project = PROJECTS.get(random.nextInt(PROJECTS.size()));
            int number = numbers.merge(project, 1, Integer::sum);
            RecordKind kind = random.nextInt(3) == 0 ? RecordKind.EXPERIMENT : RecordKind.INCIDENT;
            Instant created = T0.plusSeconds(3_600L * 24 * random.nextInt(90));
            FailureRecord.Builder b = FailureRecord.builder().issueId(issueId).issueKey(project + "-" + number)
                    .projectKey(project).kind(kind).summary("Record " + words(random, RECORD_WORDS, 2))
                    .status(STATUSES.get(random.nextInt(STATUSES.size())))
                    .phase(kind == RecordKind.EXPERIMENT ? Phase.values()[random.nextInt(Phase.values().length)]
                            : null)
                    .failureType(random.nextInt(4) == 0 ? null
                            : FailureType.values()[random.nextInt(FailureType.values().length)])
                    .failureCategory(random.nextInt(4) == 0 ? null
                            : FailureCategory.values()[random.nextInt(FailureCategory.values().length)])
                    .team(random.nextBoolean() ? words(random, RECORD_WORDS, 1) : null)
                    .component(random.nextBoolean() ? words(random, RECORD_WORDS, 1) : null)
                    .labels(random.nextInt(3) == 0 ? Set.of(RECORD_WORDS.get(random.nextInt(8))) : Set.of())
                    .hypothesis(kind == RecordKind.EXPERIMENT ? "If " + words(random, RECORD_WORDS, 2) : null)
                    .successCriteria(words(random, INDEX_ONLY_WORDS, 2))
                    .createdAt(created).updatedAt(created.plusSeconds(3_600L * random.nextInt(48)));
            sqlRecords.upsert(b.build());
            FailureRecord stored = sqlRecords.findByIssueId(issueId).orElseThrow();

            List<Learning> added = new ArrayList<>();
            int count = random.nextInt(5);
            for (int i = 0; i < count; i++) {
                // creation times on whole days: many learnings share one, so the id decides their order
                Instant at = T0.plusSeconds(3_600L * 24 * random.nextInt(120));
                SourcePage source = random.nextInt(4) == 0 ? new SourcePage(
                        "https://wiki.example.com/pages/viewpage.action?pageId=" + random.nextInt(50), "Retro")
                        : null;
                added.add(learnings.add(new Learning.Draft(issueId, "Learned " + words(random, LEARNING_WORDS, 2),
                        LearningKind.values()[random.nextInt(LearningKind.values().length)], "u-anna", at, source)));
            }
            String description = "About " + words(random, INDEX_ONLY_WORDS, 3);
            indexed.add(new SearchableRecord(new RecordDetails(stored, learnings.findByRecord(issueId), List.of(),
                    List.of(new WhyStep(issueId, 1, "Why " + words(random, INDEX_ONLY_WORDS, 1) + "?",
                            words(random, INDEX_ONLY_WORDS, 2)))), description, words(random, INDEX_ONLY_WORDS, 1)));
            texts.add(stored.issueKey() + " " + stored.summary() + " " + stored.hypothesis() + " " + stored.team()
                    + " " + stored.component() + " " + stored.labels() + " " + description);
            added.forEach(l -> texts.add(l.text()));
        }
        index = LuceneFailureIndex.open(folder.getRoot().toPath().resolve("index"));
        index.rebuild(indexed.iterator(), indexed.size(), "eq", n -> { });
    }

    @After
    public void tearDown() throws IOException {
        index.close();
    }

    private static String words(Random random, List<String> vocabulary, int n) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            picked.add(vocabulary.get(random.nextInt(vocabulary.size())));
        }
        return String.join(" and ", picked);
    }

    private void checkPremise(String word) {
        Matcher m = Pattern.compile(Pattern.quote(word)).matcher("");
        for (String text : texts) {
            m.reset(text.toLowerCase(Locale.ROOT));
            while (m.find()) {
                boolean before = m.start() == 0 || !Character.isLetterOrDigit(text.charAt(m.start() - 1));
                boolean after = m.end() == text.length() || !Character.isLetterOrDigit(text.charAt(m.end()));
                assertThat(before && after).as("'%s' occurs only as a whole word: %s", word, text).isTrue();
            }
        }
    }

    private static ArchivedLearning withoutHighlight(ArchivedLearning l) {
        return new ArchivedLearning(l.id(), l.text(), l.kind(), l.createdAt(), l.record(), l.retroPage());
    }

    private void sameArchive(LearningQuery query) {
        LearningArchivePage sql = sqlArchive.search(query);
        LearningArchivePage lucene = index.searchLearnings(query);
        assertThat(lucene.total()).as("total of %s", query).isEqualTo(sql.total());
        assertThat(lucene.items().stream().map(SearchEquivalenceTest::withoutHighlight).toList())
                .as("items of %s", query).isEqualTo(sql.items());
        assertThat(lucene.facets()).as("facets of %s", query).isEqualTo(sql.facets());
    }

    private void sameRecords(RecordQuery query) {
        RecordPage sql = sqlRecords.search(query);
        RecordPage lucene = index.searchRecords(query);
        assertThat(lucene.total()).as("total of %s", query).isEqualTo(sql.total());
        assertThat(lucene.records()).as("records of %s", query).isEqualTo(sql.records());
    }

    @Test
    public void theIndexAnswersAsTheSqlPath() {
        Set<String> all = Set.copyOf(PROJECTS);
        List<String> searched = new ArrayList<>(RECORD_WORDS);
        searched.addAll(LEARNING_WORDS);
        searched.forEach(this::checkPremise);

        // the archive: filters only
        List<LearningQuery> archive = new ArrayList<>();
        archive.add(LearningQuery.inProjects(all));
        archive.add(LearningQuery.inProjects(Set.of("OPS", "HR")));
        archive.add(LearningQuery.inProjects(Set.of("LAB")));
        for (int offset : new int[] {0, 17, 100, 380}) {
            archive.add(new LearningQuery(all, null, null, null, null, null, null, null, new PageRequest(offset, 20)));
        }
        archive.add(new LearningQuery(all, RecordKind.EXPERIMENT, null, null, null, null, null, null,
                PageRequest.first(50)));
        archive.add(new LearningQuery(all, RecordKind.INCIDENT, LearningKind.SURPRISE, FailureType.BASIC, null,
                null, null, null, PageRequest.first(10)));
        archive.add(new LearningQuery(Set.of("FIN", "OPS"), null, null, null, FailureCategory.DESIGN_FLAW,
                T0.plusSeconds(86_400 * 10), T0.plusSeconds(86_400 * 40), null, PageRequest.first(100)));
        archive.add(new LearningQuery(all, null, LearningKind.INSIGHT, null, null, T0.plusSeconds(86_400 * 30),
                null, null, new PageRequest(5, 5)));
        archive.add(new LearningQuery(all, null, null, null, null, null, T0.plusSeconds(86_400 * 30), null,
                PageRequest.first(20)));
        // the archive: whole words of the learning or of the record, one or two
        for (String word : searched) {
            archive.add(new LearningQuery(all, null, null, null, null, null, null, word, PageRequest.first(20)));
            archive.add(new LearningQuery(Set.of("OPS", "LAB"), RecordKind.INCIDENT, null, null, null, null, null,
                    word.toUpperCase(Locale.ROOT), new PageRequest(3, 7)));
        }
        archive.forEach(this::sameArchive);
        assertThat(index.searchLearnings(archive.get(0)).total()).as("the data has learnings").isGreaterThan(300);

        // the record search
        List<RecordQuery> records = new ArrayList<>();
        RecordQuery everything = RecordQuery.inProjects(all);
        for (RecordSort sort : RecordSort.values()) {
            for (boolean ascending : new boolean[] {true, false}) {
                records.add(everything.sortedBy(sort, ascending).withPage(new PageRequest(13, 30)));
            }
        }
        records.add(everything.withKind(RecordKind.EXPERIMENT).withPhase(Phase.values()[0]));
        records.add(everything.withStatuses(Set.of("Done", "Reported")).withFailureType(FailureType.INTELLIGENT)
                .withCreated(T0.plusSeconds(86_400 * 20), T0.plusSeconds(86_400 * 70)));
        for (String word : RECORD_WORDS) {
            records.add(everything.withText(word));
            records.add(RecordQuery.inProjects(Set.of("HR", "FIN")).withText(word).sortedBy(RecordSort.KEY, true)
                    .withFailureCategory(FailureCategory.DATA_GAP));
            records.add(everything.withText(word.toUpperCase(Locale.ROOT)).sortedBy(RecordSort.UPDATED, false)
                    .withPage(new PageRequest(4, 9)));
        }
        records.forEach(this::sameRecords);
    }
}
