package dev.failforward.jira.persistence;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.RecordPage;
import dev.failforward.host.ao.AtlassianTestTableNameConverter;
import dev.failforward.host.ao.EntityManagerActiveObjects;
import dev.failforward.jira.persistence.RecordFieldQuery.Bound;
import dev.failforward.jira.persistence.RecordFieldQuery.Comparison;
import dev.failforward.jira.persistence.RecordFieldQuery.Field;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The issue-search query over the failure records on the real AO ORM (HSQLDB; PostgreSQL in the build's PostgreSQL
 * run) with the products' naming: each clause, the order with records lacking the sort field last in both directions,
 * and pages that never overlap — checked against a plain Java filter and sort over the same records for many
 * generated queries.
 */
@RunWith(ActiveObjectsJUnitRunner.class)
@Data(FailureDbSchema.class)
@Jdbc(TestJdbc.class)
@NameConverters(table = AtlassianTestTableNameConverter.class, field = AtlassianFieldNameConverter.class,
        index = AtlassianIndexNameConverter.class, sequence = AtlassianSequenceNameConverter.class,
        trigger = AtlassianTriggerNameConverter.class, unique = AtlassianUniqueNameConverter.class)
public class AoRecordFieldSearchTest {

    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final Set<String> ALL = Set.of("OPS", "LAB", "CARE");

    private EntityManager entityManager;
    private AoFailureRecordRepository repository;
    private AoRecordFieldSearch search;

    @Before
    public void setUp() {
        EntityManagerActiveObjects ao = new EntityManagerActiveObjects(entityManager);
        repository = new AoFailureRecordRepository(ao);
        search = new AoRecordFieldSearch(ao);
    }

    private static Instant day(int day) {
        return T0.plus(Duration.ofDays(day));
    }

    private static FailureRecord.Builder record(long id, String key, RecordKind kind, int createdDay) {
        return FailureRecord.builder().issueId(id).issueKey(key).kind(kind).summary("Record " + key)
                .status("Running").createdAt(day(createdDay)).updatedAt(day(createdDay).plusSeconds(60));
    }

    private static RecordFieldQuery query(Set<String> projects, Set<RecordKind> kinds, Set<String> keys,
                                          List<Bound> bounds, Field sort, boolean ascending) {
        return new RecordFieldQuery(projects, kinds, keys, bounds, sort, ascending, PageRequest.first(50));
    }

    private List<String> keys(RecordFieldQuery query) {
        return search.search(query).records().stream().map(FailureRecord::issueKey).toList();
    }

    @Test
    public void selectsByProjectTypeKeyAndTimeRangeWithAnInclusiveStartAndExclusiveEnd() {
        repository.upsert(record(1, "OPS-1", RecordKind.EXPERIMENT, 0).startedAt(day(1)).build());
        repository.upsert(record(2, "OPS-2", RecordKind.EXPERIMENT, 0).startedAt(day(2)).build());
        repository.upsert(record(3, "OPS-3", RecordKind.EXPERIMENT, 0).startedAt(day(3)).build());
        repository.upsert(record(4, "OPS-4", RecordKind.EXPERIMENT, 0).build());
        repository.upsert(record(5, "OPS-5", RecordKind.INCIDENT, 0).discoveredAt(day(2)).reportedAt(day(2)).build());
        repository.upsert(record(6, "LAB-1", RecordKind.EXPERIMENT, 0).startedAt(day(2)).build());
        List<Bound> days2To3 = List.of(new Bound(Field.STARTED, Comparison.AT_OR_AFTER, day(2)),
                new Bound(Field.STARTED, Comparison.BEFORE, day(3)));

        assertThat(keys(query(ALL, Set.of(RecordKind.EXPERIMENT), null, days2To3, Field.STARTED, false)))
                .as("the same start: the larger issue id first, descending").containsExactly("LAB-1", "OPS-2");
        assertThat(keys(query(Set.of("OPS"), null, null, days2To3, Field.STARTED, false)))
                .as("an incident has no start, so no start in the range").containsExactly("OPS-2");
        assertThat(keys(query(ALL, Set.of(RecordKind.INCIDENT), null,
                List.of(new Bound(Field.DISCOVERED, Comparison.AT, day(2))), Field.KEY, true))).containsExactly("OPS-5");
        assertThat(keys(query(ALL, null, Set.of("OPS-3", "LAB-1", "LAB-99"), List.of(), Field.KEY, true)))
                .containsExactly("LAB-1", "OPS-3");
        assertThat(keys(query(ALL, null, null, List.of(new Bound(Field.STARTED, Comparison.AFTER, day(2)),
                new Bound(Field.STARTED, Comparison.AT_OR_BEFORE, day(3))), Field.STARTED, true))).containsExactly("OPS-3");

        assertThat(search.search(query(Set.of(), null, null, List.of(), Field.KEY, true)).total())
                .as("no projects, nothing").isZero();
        assertThat(search.search(query(ALL, Set.of(), null, List.of(), Field.KEY, true)).total())
                .as("issuetype = Experiment AND issuetype = Incident").isZero();
        assertThat(search.search(query(ALL, null, Set.of(), List.of(), Field.KEY, true)).total()).isZero();
    }

    @Test
    public void selectsByHowManyLearningsAndNextStepsARecordHas() {
        EntityManagerActiveObjects ao = new EntityManagerActiveObjects(entityManager);
        AoLearningRepository learnings = new AoLearningRepository(ao);
        AoActionItemRepository actions = new AoActionItemRepository(ao);
        for (int i = 1; i <= 4; i++) {
            repository.upsert(record(i, "OPS-" + i, RecordKind.INCIDENT, 0).build());
        }
        repository.upsert(record(5, "LAB-1", RecordKind.EXPERIMENT, 0).build());
        int[] learned = {0, 1, 3, 4, 5}; // OPS-1 … OPS-4, LAB-1
        for (int i = 0; i < learned.length; i++) {
            for (int n = 0; n < learned[i]; n++) {
                learnings.add(new dev.failforward.core.record.Learning.Draft(i + 1, "Learning " + n,
                        dev.failforward.core.record.LearningKind.INSIGHT, "u-fred", T0));
            }
        }
        actions.add(new dev.failforward.core.record.ActionItem.Draft(2, "Add an alarm", "u-fred",
                java.time.LocalDate.of(2026, 2, 1), dev.failforward.core.record.ActionType.PREVENT, null, T0));

        java.util.function.BiFunction<Comparison, Long, List<String>> learnedKeys = (op, n) -> keys(
                new RecordFieldQuery(Set.of("OPS"), null, null, List.of(), Field.KEY, true, PageRequest.first(50),
                        List.of(new RecordFieldQuery.CountBound(RecordFieldQuery.Count.LEARNINGS, op, n))));
        assertThat(learnedKeys.apply(Comparison.AT_OR_AFTER, 3L)).containsExactly("OPS-3", "OPS-4");
        assertThat(learnedKeys.apply(Comparison.BEFORE, 3L)).as("none counts as 0").containsExactly("OPS-1", "OPS-2");
        assertThat(learnedKeys.apply(Comparison.AT, 0L)).containsExactly("OPS-1");
        assertThat(learnedKeys.apply(Comparison.AFTER, 9L)).isEmpty();
        assertThat(learnedKeys.apply(Comparison.AT_OR_BEFORE, 9L)).hasSize(4);

        RecordFieldQuery both = new RecordFieldQuery(Set.of("OPS", "LAB"), null, null, List.of(), Field.KEY, true,
                PageRequest.first(50), List.of(
                        new RecordFieldQuery.CountBound(RecordFieldQuery.Count.LEARNINGS, Comparison.AT_OR_AFTER, 1),
                        new RecordFieldQuery.CountBound(RecordFieldQuery.Count.NEXT_STEPS, Comparison.AT, 0)));
        assertThat(keys(both)).containsExactly("LAB-1", "OPS-3", "OPS-4");
        assertThat(search.search(both).total()).isEqualTo(3);
    }

    @Test
    public void recordsWithoutTheSortFieldComeLastInEitherDirectionAndPagesNeverOverlap() {
        repository.upsert(record(1, "OPS-1", RecordKind.EXPERIMENT, 0).startedAt(day(5)).build());
        repository.upsert(record(2, "OPS-2", RecordKind.EXPERIMENT, 0).build());
        repository.upsert(record(3, "OPS-3", RecordKind.EXPERIMENT, 0).startedAt(day(1)).build());
        repository.upsert(record(4, "OPS-4", RecordKind.INCIDENT, 0).build());
        repository.upsert(record(5, "OPS-5", RecordKind.EXPERIMENT, 0).startedAt(day(3)).build());

        assertThat(keys(query(ALL, null, null, List.of(), Field.STARTED, true)))
                .containsExactly("OPS-3", "OPS-5", "OPS-1", "OPS-2", "OPS-4");
        assertThat(keys(query(ALL, null, null, List.of(), Field.STARTED, false)))
                .containsExactly("OPS-1", "OPS-5", "OPS-3", "OPS-4", "OPS-2");
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 5; offset += 2) {
            RecordPage page = search.search(new RecordFieldQuery(ALL, null, null, List.of(), Field.STARTED, false,
                    new PageRequest(offset, 2)));
            assertThat(page.total()).isEqualTo(5);
            paged.addAll(page.records().stream().map(FailureRecord::issueKey).toList());
        }
        assertThat(paged).containsExactly("OPS-1", "OPS-5", "OPS-3", "OPS-4", "OPS-2");
        assertThat(search.search(new RecordFieldQuery(ALL, null, null, List.of(), Field.STARTED, false,
                new PageRequest(7, 2))).records()).as("past the end").isEmpty();
    }

    @Test
    public void keysSortByProjectThenNumberNumerically() {
        repository.upsert(record(1, "OPS-10", RecordKind.EXPERIMENT, 0).build());
        repository.upsert(record(2, "OPS-9", RecordKind.EXPERIMENT, 1).build());
        repository.upsert(record(3, "CARE-2", RecordKind.INCIDENT, 2).build());
        assertThat(keys(query(ALL, null, null, List.of(), Field.KEY, true))).containsExactly("CARE-2", "OPS-9", "OPS-10");
        assertThat(keys(query(ALL, null, null, List.of(), Field.KEY, false))).containsExactly("OPS-10", "OPS-9", "CARE-2");
        assertThat(keys(query(ALL, null, null, List.of(), Field.CREATED, false))).containsExactly("CARE-2", "OPS-9", "OPS-10");
    }

    /** Generated records and queries: every page of the database's answer equals a plain filter and sort in Java. */
    @Test
    public void agreesWithAPlainFilterAndSortForGeneratedQueries() {
        Random random = new Random(12);
        List<String> projects = List.of("OPS", "LAB", "CARE");
        List<FailureRecord> stored = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            String project = projects.get(random.nextInt(3));
            RecordKind kind = random.nextBoolean() ? RecordKind.EXPERIMENT : RecordKind.INCIDENT;
            FailureRecord.Builder b = record(i, project + "-" + i, kind, random.nextInt(30));
            if (kind == RecordKind.EXPERIMENT) {
                b.startedAt(sometimes(random)).decidedAt(sometimes(random));
            } else {
                b.discoveredAt(sometimes(random)).reportedAt(sometimes(random)).resolvedAt(sometimes(random));
            }
            stored.add(repository.upsert(b.build()));
        }
        Field[] fields = Field.values();
        Comparison[] comparisons = Comparison.values();
        for (int q = 0; q < 150; q++) {
            Set<String> inProjects = new HashSet<>();
            projects.stream().filter(p -> random.nextInt(3) > 0).forEach(inProjects::add);
            Set<RecordKind> kinds = switch (random.nextInt(4)) {
                case 0 -> Set.of(RecordKind.EXPERIMENT);
                case 1 -> Set.of(RecordKind.INCIDENT);
                case 2 -> EnumSet.allOf(RecordKind.class);
                default -> null;
            };
            Set<String> keys = null;
            if (random.nextInt(5) == 0) {
                keys = new HashSet<>();
                for (int k = 0; k < 8; k++) {
                    keys.add(stored.get(random.nextInt(stored.size())).issueKey());
                }
            }
            List<Bound> bounds = new ArrayList<>();
            for (int n = random.nextInt(3); n > 0; n--) {
                Field field = fields[1 + random.nextInt(fields.length - 1)];
                bounds.add(new Bound(field, comparisons[random.nextInt(comparisons.length)], day(random.nextInt(30))));
            }
            Field sort = fields[random.nextInt(fields.length)];
            boolean ascending = random.nextBoolean();
            int size = 1 + random.nextInt(9);
            RecordFieldQuery first = new RecordFieldQuery(inProjects, kinds, keys, bounds, sort, ascending,
                    new PageRequest(0, size));

            List<String> expected = stored.stream().filter(r -> matches(first, r))
                    .sorted(order(sort, ascending)).map(FailureRecord::issueKey).toList();
            List<String> actual = new ArrayList<>();
            for (int offset = 0; ; offset += size) {
                RecordPage page = search.search(new RecordFieldQuery(inProjects, kinds, keys, bounds, sort, ascending,
                        new PageRequest(offset, size)));
                assertThat(page.total()).as(first.toString()).isEqualTo(expected.size());
                if (page.records().isEmpty()) {
                    break;
                }
                actual.addAll(page.records().stream().map(FailureRecord::issueKey).toList());
            }
            assertThat(actual).as(first.toString()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    public void refusesWhatCannotBeAQuery() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Bound(Field.KEY, Comparison.AT, T0));
        assertThatIllegalArgumentException().isThrownBy(() -> query(Set.of("ops!"), null, null, List.of(), Field.KEY, true));
        assertThatIllegalArgumentException().isThrownBy(() -> query(ALL, null, Set.of("OPS"), List.of(), Field.KEY, true));
    }

    /** A time on a whole day of the month, or none (a third of the time): bounds on whole days meet some exactly. */
    private static Instant sometimes(Random random) {
        return random.nextInt(3) == 0 ? null : day(random.nextInt(30));
    }

    private static boolean matches(RecordFieldQuery query, FailureRecord r) {
        if (!query.projectKeys().contains(r.projectKey())
                || query.kinds() != null && !query.kinds().contains(r.kind())
                || query.issueKeys() != null && !query.issueKeys().contains(r.issueKey())) {
            return false;
        }
        for (Bound bound : query.bounds()) {
            Instant value = bound.field().valueOf(r);
            if (value == null) {
                return false;
            }
            int c = value.compareTo(bound.at());
            boolean holds = switch (bound.op()) {
                case AT_OR_AFTER -> c >= 0;
                case AFTER -> c > 0;
                case BEFORE -> c < 0;
                case AT_OR_BEFORE -> c <= 0;
                case AT -> c == 0;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** The search's order: the field in the direction, records without it last, then the issue id in the direction. */
    private static Comparator<FailureRecord> order(Field sort, boolean ascending) {
        Comparator<FailureRecord> byField = sort == Field.KEY
                ? Comparator.comparing(FailureRecord::projectKey).thenComparingLong(FailureRecord::issueNumber)
                : Comparator.comparing(sort::valueOf, Comparator.nullsFirst(Comparator.naturalOrder()));
        Comparator<FailureRecord> directed = ascending ? byField : byField.reversed();
        Comparator<FailureRecord> withoutLast = Comparator.comparing(r -> sort != Field.KEY && sort.valueOf(r) == null);
        Comparator<FailureRecord> byId = Comparator.comparingLong(FailureRecord::issueId);
        return withoutLast.thenComparing(directed).thenComparing(ascending ? byId : byId.reversed());
    }
}
