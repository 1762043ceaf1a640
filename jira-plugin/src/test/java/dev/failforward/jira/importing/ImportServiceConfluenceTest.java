package dev.failforward.jira.importing;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.LearningCommand;
import dev.failforward.jira.JiraI18n;
import dev.failforward.jira.failuredb.FailureDbService;
import dev.failforward.jira.failuredb.FollowUpIssues.IssueRef;
import dev.failforward.jira.failuredb.RecordDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * {@link ImportService} with Confluence pages, its collaborators as test doubles: a page read through the link keeps
 * its id as the source key, becomes the learnings' source and the issue's retro page; the same page again is
 * unchanged (nothing written, no second link); an edited page updates its issue; a page uploaded as a file is known by
 * the page id it names.
 */
class ImportServiceConfluenceTest {

    private static final String PAGE = """
            <h2>Summary</h2><p>The export job stalled on a lock.</p>
            <h2>Timeline</h2><p>All times in UTC.</p>
            <ul><li>2025-01-20 02:10 &ndash; export waits on a lock</li><li>2025-01-20 08:35 &ndash; finance notices</li></ul>
            <h2>Lessons learned</h2><ul><li>Batch jobs that share tables need one schedule.</li></ul>
            """;
    private static final String URL = "https://wiki.example.com/spaces/OPS/pages/880";

    private final IncidentIssues issues = mock(IncidentIssues.class);
    private final FailureDbService failureDb = mock(FailureDbService.class);
    private final Map<String, ImportSourceStore.Source> stored = new HashMap<>();
    private final Map<String, ImportSourceStore.Source> claims = new HashMap<>();
    private ImportService service;

    @BeforeEach
    void service() {
        ImportPermissions permissions = mock(ImportPermissions.class);
        when(permissions.mayImport("OPS")).thenReturn(true);
        when(permissions.currentUserKey()).thenReturn("u-anna");
        ClusterLockService locks = mock(ClusterLockService.class);
        ClusterLock lock = mock(ClusterLock.class);
        when(locks.getLockForName(anyString())).thenReturn(lock);
        try {
            when(lock.tryLock(anyLong(), any(TimeUnit.class))).thenReturn(true);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        ImportSourceStore sources = new ImportSourceStore() {
            @Override
            public Optional<Source> find(String projectKey, String sourceKey) {
                return Optional.ofNullable(stored.get(projectKey + "/" + sourceKey));
            }

            @Override
            public void save(Source source) {
                claims.remove(source.projectKey() + "/" + source.sourceKey());
                stored.put(source.projectKey() + "/" + source.sourceKey(), source);
            }

            @Override
            public boolean claim(String projectKey, String sourceKey, String contentHash, String importedBy,
                                 Instant at) {
                String key = projectKey + "/" + sourceKey;
                if (stored.containsKey(key) || claims.containsKey(key)) {
                    return false;
                }
                claims.put(key, new Source(projectKey, sourceKey, 0, contentHash, importedBy, at));
                return true;
            }

            @Override
            public Optional<Source> pending(String projectKey, String sourceKey) {
                return Optional.ofNullable(claims.get(projectKey + "/" + sourceKey));
            }

            @Override
            public void forget(String projectKey, String sourceKey) {
                stored.remove(projectKey + "/" + sourceKey);
                claims.remove(projectKey + "/" + sourceKey);
            }
        };
        when(issues.create(eq("OPS"), any())).thenReturn(new IssueRef(10L, "OPS-1"));
        when(issues.key(10L)).thenReturn(Optional.of("OPS-1"));
        when(failureDb.details("OPS-1")).thenReturn(new RecordDetails(mock(FailureRecord.class), List.of(), List.of(),
                List.of()));
        service = new ImportService(issues, mock(IncidentRecords.class), sources, permissions, failureDb,
                mock(OwnerDirectory.class), locks, JiraI18n.english(), mock(ImportMappingStore.class),
                mock(ImportedIssueLookup.class), Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private ImportService.BatchReport run(String storage, boolean dryRun) {
        return service.run("OPS", List.of(new ImportService.SourceFile("Billing export (880)",
                storage.getBytes(StandardCharsets.UTF_8), new ImportService.ConfluencePage("880", "Billing export", URL))),
                dryRun, ZoneOffset.UTC);
    }

    @Test
    void aPageKeepsItsIdAndBecomesTheRetroPageAndTheLearningsSource() {
        ImportService.FileReport dry = run(PAGE, true).files().get(0);
        assertThat(dry.outcome()).isEqualTo(ImportService.Outcome.CREATE);
        assertThat(dry.sourceKey()).isEqualTo("confluence-page-880");
        verify(issues, never()).create(any(), any());

        ImportService.FileReport created = run(PAGE, false).files().get(0);
        assertThat(created.outcome()).as(created.toString()).isEqualTo(ImportService.Outcome.CREATED);
        assertThat(created.issueKey()).isEqualTo("OPS-1");
        verify(issues).linkRetroPage(10L, URL, "Billing export");
        ArgumentCaptor<LearningCommand> learning = ArgumentCaptor.forClass(LearningCommand.class);
        verify(failureDb).addLearning(eq("OPS-1"), learning.capture());
        assertThat(learning.getValue().text()).isEqualTo("Batch jobs that share tables need one schedule.");
        assertThat(learning.getValue().sourceUrl()).isEqualTo(URL);
        assertThat(learning.getValue().sourceTitle()).isEqualTo("Billing export");
    }

    @Test
    void theSamePageAgainIsUnchangedAndAnEditedOneUpdatesItsIssue() {
        run(PAGE, false);
        ImportService.FileReport again = run(PAGE, false).files().get(0);
        assertThat(again.outcome()).isEqualTo(ImportService.Outcome.UNCHANGED);
        assertThat(run(PAGE, true).files().get(0).outcome()).isEqualTo(ImportService.Outcome.UNCHANGED);
        verify(issues, times(1)).create(any(), any());
        verify(issues, times(1)).linkRetroPage(anyLong(), anyString(), anyString());

        ImportService.FileReport edited = run(PAGE.replace("stalled on a lock", "stalled on a table lock"), false)
                .files().get(0);
        assertThat(edited.outcome()).isEqualTo(ImportService.Outcome.UPDATED);
        verify(issues).update(eq(10L), any());
        verify(issues, times(1)).create(any(), any());
    }

    @Test
    void anUploadedPageIsKnownByThePageIdItNamesElseByItsName() {
        ImportService.BatchReport report = service.run("OPS", List.of(
                new ImportService.SourceFile("exports/billing.xhtml",
                        ("<!-- pageId: 4242 -->\n" + PAGE).getBytes(StandardCharsets.UTF_8)),
                new ImportService.SourceFile("exports/12345.html", PAGE.getBytes(StandardCharsets.UTF_8)),
                new ImportService.SourceFile("exports/dns.htm", PAGE.getBytes(StandardCharsets.UTF_8))),
                true, ZoneOffset.UTC);
        assertThat(report.files()).extracting(ImportService.FileReport::sourceKey).containsExactly(
                "confluence-page-4242", "confluence-page-12345", "confluence-page-dns");
        // an uploaded page has no address: no retro page link, learnings without a source
        service.run("OPS", List.of(new ImportService.SourceFile("billing.xhtml", PAGE.getBytes(StandardCharsets.UTF_8))),
                false, ZoneOffset.UTC);
        verify(issues, never()).linkRetroPage(anyLong(), anyString(), anyString());
    }
}
