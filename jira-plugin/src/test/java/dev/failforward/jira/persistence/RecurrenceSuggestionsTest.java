package dev.failforward.jira.persistence;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.failuredb.RecordDetails;
import dev.failforward.jira.permissions.FakeRecordPermissions;
import dev.failforward.jira.recurrence.RecurrenceDetector;
import dev.failforward.jira.recurrence.RecurrenceService;
import dev.failforward.jira.recurrence.RecurrenceSuggestion;
import dev.failforward.jira.search.FailureSearchIndex;
import dev.failforward.jira.search.IndexStatus;
import dev.failforward.jira.search.SearchableRecord;
import dev.failforward.jira.search.SimilarMatch;
import dev.failforward.jira.search.SimilarQuery;
import dev.failforward.jira.similar.SearchIndexAccess;
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

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * "Recurrence of OPS-12?" end to end below the REST layer, on the real AO ORM (HSQLDB): the detector offers earlier,
 * similar enough, unlinked incidents once; the service shows only what the user may browse, confirms through the link
 * port, remembers a dismissal, and counts what awaits a decision.
 */
@RunWith(ActiveObjectsJUnitRunner.class)
@Data(FailureDbSchema.class)
@Jdbc(TestJdbc.class)
@NameConverters(table = AtlassianTestTableNameConverter.class, field = AtlassianFieldNameConverter.class,
        index = AtlassianIndexNameConverter.class, sequence = AtlassianSequenceNameConverter.class,
        trigger = AtlassianTriggerNameConverter.class, unique = AtlassianUniqueNameConverter.class)
public class RecurrenceSuggestionsTest {

    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

    private EntityManager entityManager;
    private AoFailureRecordRepository records;
    private AoRecurrenceSuggestions store;
    private final FakeRecordPermissions permissions = new FakeRecordPermissions();
    private final List<long[]> links = new ArrayList<>();
    private final List<SimilarMatch> answer = new ArrayList<>();
    private final List<SimilarQuery> asked = new ArrayList<>();
    private boolean ready = true;
    private RecurrenceDetector detector;
    private RecurrenceService service;
    private FailureRecord ops1;
    private FailureRecord ops2;
    private FailureRecord sec1;
    private FailureRecord ops9;

    @Before
    public void setUp() {
        EntityManagerActiveObjects ao = new EntityManagerActiveObjects(entityManager);
        records = new AoFailureRecordRepository(ao);
        store = new AoRecurrenceSuggestions(ao);
        ops1 = records.upsert(incident(1, "OPS-1", "TLS certificate on the payment gateway expired", T0));
        ops2 = records.upsert(incident(2, "OPS-2", "Checkout queue backlog", T0.plusSeconds(60)));
        sec1 = records.upsert(incident(3, "SEC-1", "Expired certificate on the login service", T0.plusSeconds(120)));
        ops9 = records.upsert(incident(9, "OPS-9", "Customers saw HTTPS handshake errors at checkout",
                T0.plusSeconds(86_400)));
        FailureSearchIndex index = mock(FailureSearchIndex.class);
        when(index.similar(org.mockito.ArgumentMatchers.any())).thenAnswer(call -> {
            asked.add(call.getArgument(0));
            return List.copyOf(answer);
        });
        SearchIndexAccess access = new SearchIndexAccess() {
            @Override
            public Optional<FailureSearchIndex> whenReady() {
                return ready ? Optional.of(index) : Optional.empty();
            }

            @Override
            public IndexStatus status() {
                return ready ? new IndexStatus(IndexStatus.State.READY, 100, null)
                        : new IndexStatus(IndexStatus.State.BUILDING, 40, null);
            }
        };
        detector = new RecurrenceDetector(records, id -> records.findByIssueId(id).map(r -> new SearchableRecord(
                new RecordDetails(r, List.of(), List.of(), List.of()), "The renewal job was off.", null)),
                access, store, Clock.fixed(T0.plusSeconds(90_000), ZoneOffset.UTC));
        service = new RecurrenceService(records, store, (past, issue) -> links.add(new long[] {past, issue}),
                permissions, Clock.fixed(T0.plusSeconds(100_000), ZoneOffset.UTC));
        permissions.as("u-ann", Set.of("OPS", "SEC"), Set.of("OPS"));
        store.recordProjects(); // no KPI projects yet: the incident's own project is still searched
    }

    @Test
    public void offersEarlierSimilarIncidentsAboveTheThresholdOnce() {
        answer.add(new SimilarMatch(1, "OPS-1", "OPS", ops1.summary(), 0.8, List.of("certificate", "expired")));
        answer.add(new SimilarMatch(3, "SEC-1", "SEC", sec1.summary(), 0.5, List.of("certificate")));
        answer.add(new SimilarMatch(2, "OPS-2", "OPS", ops2.summary(), RecurrenceDetector.THRESHOLD / 2, List.of()));

        assertThat(detector.detect(ops9.issueId())).isEqualTo(RecurrenceDetector.Outcome.CHECKED);
        assertThat(detector.detect(ops9.issueId())).isEqualTo(RecurrenceDetector.Outcome.CHECKED);

        SimilarQuery query = asked.get(0);
        assertThat(query.text()).contains("HTTPS handshake errors").contains("The renewal job was off.");
        assertThat(query.kind()).isEqualTo(RecordKind.INCIDENT);
        assertThat(query.exclude()).isEqualTo("OPS-9");
        assertThat(query.projectKeys()).contains("OPS");
        assertThat(store.forIssue(ops9.issueId())).extracting(RecurrenceSuggestion::pastIssueKey)
                .containsExactly("OPS-1", "SEC-1");
        assertThat(store.forIssue(ops9.issueId()).get(0).reasons()).containsExactly("certificate", "expired");
    }

    @Test
    public void neverOffersALaterIncidentOrOneAlreadyLinkedAndWaitsForTheIndex() {
        records.upsert(ops9.toBuilder().recurrenceOf(Set.of("OPS-1")).build());
        FailureRecord later = records.upsert(incident(10, "OPS-10", "Certificate expired again", T0.plusSeconds(200_000)));
        answer.add(new SimilarMatch(1, "OPS-1", "OPS", ops1.summary(), 0.9, List.of("certificate")));
        answer.add(new SimilarMatch(10, "OPS-10", "OPS", later.summary(), 0.9, List.of("certificate")));
        assertThat(detector.detect(ops9.issueId())).isEqualTo(RecurrenceDetector.Outcome.CHECKED);
        assertThat(store.forIssue(ops9.issueId())).isEmpty();

        ready = false;
        assertThat(detector.detect(ops9.issueId())).isEqualTo(RecurrenceDetector.Outcome.INDEX_NOT_READY);
    }

    @Test
    public void showsOnlyWhatTheUserMayBrowseConfirmsWithALinkAndRemembersADismissal() {
        answer.add(new SimilarMatch(1, "OPS-1", "OPS", ops1.summary(), 0.8, List.of("certificate")));
        answer.add(new SimilarMatch(3, "SEC-1", "SEC", sec1.summary(), 0.7, List.of("certificate")));
        detector.detect(ops9.issueId());

        permissions.as("u-olga", Set.of("OPS"), Set.of());
        assertThat(service.forIssue("OPS-9")).extracting(s -> s.past().issueKey()).containsExactly("OPS-1");
        assertThat(service.pendingCount(null)).isEqualTo(1);
        assertThatThrownBy(() -> service.confirm("OPS-9", "OPS-1")).isInstanceOf(FailureDbException.EditDenied.class);
        assertThatThrownBy(() -> service.dismiss("OPS-9", "SEC-1"))
                .as("a suggestion about a hidden project is not there").isInstanceOf(FailureDbException.class);

        permissions.as("u-ann", Set.of("OPS", "SEC"), Set.of("OPS"));
        assertThat(service.pendingCount(Set.of("OPS", "SEC"))).isEqualTo(2);
        RecurrenceService.Shown confirmed = service.confirm("ops-9", "OPS-1");
        assertThat(confirmed.suggestion().state()).isEqualTo(RecurrenceSuggestion.State.CONFIRMED);
        assertThat(confirmed.suggestion().decidedBy()).isEqualTo("u-ann");
        assertThat(links).containsExactly(new long[] {1, 9});
        RecurrenceService.Shown dismissed = service.dismiss("OPS-9", "SEC-1");
        assertThat(dismissed.suggestion().state()).isEqualTo(RecurrenceSuggestion.State.DISMISSED);
        assertThatThrownBy(() -> service.dismiss("OPS-9", "OPS-1")).as("a confirmed suggestion stays confirmed")
                .isInstanceOf(FailureDbException.BadField.class);
        assertThat(service.pendingCount(null)).isZero();

        // found again the next night: the dismissed pair is not offered again
        detector.detect(ops9.issueId());
        assertThat(service.pending(ops9)).isEmpty();
        assertThat(service.forIssue("OPS-9")).extracting(s -> s.suggestion().state())
                .containsExactlyInAnyOrder(RecurrenceSuggestion.State.CONFIRMED, RecurrenceSuggestion.State.DISMISSED);
    }

    @Test
    public void countsPendingPerProjectAndKeepsWholeReasons() {
        store.addIfAbsent(new RecurrenceSuggestion.Draft(9, "OPS", 1, "OPS-1", 0.5, List.of("a"), T0));
        store.addIfAbsent(new RecurrenceSuggestion.Draft(9, "OPS", 1, "OPS-1", 0.6, List.of("b"), T0));
        store.addIfAbsent(new RecurrenceSuggestion.Draft(3, "SEC", 1, "OPS-1", 0.5, List.of("x".repeat(500)), T0));
        store.addIfAbsent(new RecurrenceSuggestion.Draft(2, "OPS", 3, "SEC-1", 0.5, List.of(), T0));
        assertThat(store.pendingByProject(Set.of("OPS", "SEC", "NONE"))).isEqualTo(Map.of("OPS", 2, "SEC", 1));
        assertThat(store.pendingByProject(Set.of("OPS"))).as("not about a project one cannot browse")
                .isEqualTo(Map.of("OPS", 1));
        assertThat(store.forIssue(3).get(0).reasons()).as("a reason longer than the column is left out").isEmpty();
        assertThat(AoRecurrenceSuggestions.reasons(List.of("certificate", "line\nbreak", " ", "expired")))
                .isEqualTo("certificate\nline break\nexpired");
    }

    private static FailureRecord incident(long id, String key, String summary, Instant created) {
        return FailureRecord.builder().issueId(id).issueKey(key).projectKey(key.substring(0, key.indexOf('-')))
                .kind(RecordKind.INCIDENT).summary(summary).status("Reported").createdAndUpdatedAt(created).build();
    }
}
