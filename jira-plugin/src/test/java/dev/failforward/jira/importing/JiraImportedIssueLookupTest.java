package dev.failforward.jira.importing;

import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import dev.failforward.jira.failuredb.FollowUpIssues.IssueRef;
import org.junit.jupiter.api.Test;
import org.ofbiz.core.entity.GenericEntityException;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The Jira lookup reads the project's issues from the database, newest id first, and finds the one whose description
 * holds the marker among those created since the claim (ids of another node's block may be out of order); it stops
 * after a long run of older issues and never guesses when Jira cannot list the issues.
 */
class JiraImportedIssueLookupTest {

    private static final Instant CLAIM = Instant.parse("2026-06-01T10:00:00Z");
    private static final String MARKER = PendingImports.marker("OPS", "checkout");

    private final IssueManager issueManager = mock(IssueManager.class);
    private final ProjectManager projects = mock(ProjectManager.class);
    private final Map<Long, MutableIssue> issues = new HashMap<>();
    private final List<Long> ids = new ArrayList<>();
    private final JiraImportedIssueLookup lookup = new JiraImportedIssueLookup(issueManager, projects);

    JiraImportedIssueLookupTest() throws Exception {
        Project ops = mock(Project.class);
        when(ops.getId()).thenReturn(10_000L);
        when(projects.getProjectByCurrentKey("OPS")).thenReturn(ops);
        when(issueManager.getIssueIdsForProject(10_000L)).thenReturn(ids);
        when(issueManager.getIssueObject(org.mockito.ArgumentMatchers.anyLong()))
                .thenAnswer(call -> issues.get(call.<Long>getArgument(0)));
    }

    private void issue(long id, Instant created, String description) {
        MutableIssue issue = mock(MutableIssue.class);
        when(issue.getId()).thenReturn(id);
        when(issue.getKey()).thenReturn("OPS-" + id);
        when(issue.getCreated()).thenReturn(Timestamp.from(created));
        when(issue.getDescription()).thenReturn(description);
        issues.put(id, issue);
        ids.add(id);
    }

    @Test
    void findsTheIssueCreatedSinceTheClaimWithTheMarker() {
        issue(1, CLAIM.minus(Duration.ofDays(30)), "Old incident\n\nFail Forward import id: " + MARKER);
        issue(7, CLAIM.plusSeconds(2), "Checkout\n\nFail Forward import id: " + MARKER);
        issue(5, CLAIM.plusSeconds(1), "Another import\n\nFail Forward import id: ffimport-000000000000000000000000");
        // another node's block: a lower id created later
        issue(3, CLAIM.plusSeconds(5), "Made on the screen");

        assertThat(lookup.find("OPS", MARKER, CLAIM)).contains(new IssueRef(7, "OPS-7"));
        assertThat(lookup.find("OPS", PendingImports.marker("OPS", "other"), CLAIM)).isEmpty();
    }

    @Test
    void anIssueFromBeforeTheClaimIsNotIt() {
        issue(1, CLAIM.minus(Duration.ofHours(1)), "Fail Forward import id: " + MARKER);

        assertThat(lookup.find("OPS", MARKER, CLAIM)).isEmpty();
    }

    @Test
    void stopsAfterALongRunOfOlderIssues() {
        for (long id = 1; id <= JiraImportedIssueLookup.OLDER_IN_A_ROW + 10; id++) {
            issue(id, CLAIM.minus(Duration.ofDays(1)), "old");
        }
        lookup.find("OPS", MARKER, CLAIM);

        org.mockito.Mockito.verify(issueManager, org.mockito.Mockito.times(JiraImportedIssueLookup.OLDER_IN_A_ROW))
                .getIssueObject(org.mockito.ArgumentMatchers.anyLong());
    }

    @Test
    void anUnknownProjectHasNoIssueAndADatabaseErrorIsNoAnswer() throws Exception {
        assertThat(lookup.find("NOPE", MARKER, CLAIM)).isEmpty();
        when(issueManager.getIssueIdsForProject(10_000L)).thenThrow(new GenericEntityException("down"));
        assertThatThrownBy(() -> lookup.find("OPS", MARKER, CLAIM)).isInstanceOf(IllegalStateException.class);
    }
}
