package dev.failforward.jira.importing;

import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.bc.issue.link.RemoteIssueLinkService;
import com.atlassian.jira.datetime.DateTimeFormatter;
import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.link.RemoteIssueLinkManager;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.ErrorCollection;
import dev.failforward.core.incident.IncidentStatus;
import dev.failforward.host.settings.InMemoryPluginSettings;
import dev.failforward.jira.fields.IssueFields;
import dev.failforward.jira.setup.SetupRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The workflow walk of an imported incident over a mocked issue service: forward only, stopped by a refusal. */
class JiraIncidentIssuesTest {

    private final IssueService issueService = mock(IssueService.class);
    private final JiraAuthenticationContext authentication = mock(JiraAuthenticationContext.class);
    private final InMemoryPluginSettings settings = new InMemoryPluginSettings();
    private final IssueInputParameters input = mock(IssueInputParameters.class, Answers.RETURNS_SELF);
    private final ApplicationUser fred = mock(ApplicationUser.class);
    private JiraIncidentIssues adapter;

    @BeforeEach
    void setUp() {
        adapter = new JiraIncidentIssues(issueService, mock(ProjectManager.class), mock(PermissionManager.class),
                authentication, mock(DateTimeFormatter.class), mock(IssueFields.class), settings.factory(),
                mock(RemoteIssueLinkService.class), mock(RemoteIssueLinkManager.class));
        when(authentication.getLoggedInUser()).thenReturn(fred);
        when(issueService.newIssueInputParameters()).thenReturn(input);
        for (IncidentStatus s : IncidentStatus.values()) {
            settings.put(SetupRecords.NAMESPACE + "status." + s.name() + ".id", "1000" + s.ordinal());
        }
    }

    private void isIn(IncidentStatus status) {
        MutableIssue issue = mock(MutableIssue.class);
        Status jiraStatus = mock(Status.class);
        when(jiraStatus.getId()).thenReturn("1000" + status.ordinal());
        when(issue.getStatus()).thenReturn(jiraStatus);
        when(issueService.getIssue(fred, 7L)).thenReturn(new IssueService.IssueResult(issue));
    }

    private void accepts(int actionId) {
        IssueService.TransitionValidationResult valid = new IssueService.TransitionValidationResult(null,
                errors(List.of()), Map.of(), Map.of(), actionId);
        when(issueService.validateTransition(eq(fred), eq(7L), eq(actionId), any())).thenReturn(valid);
        IssueService.IssueResult moved = new IssueService.IssueResult(null, errors(List.of()));
        when(issueService.transition(fred, valid)).thenReturn(moved);
    }

    private void refuses(int actionId, String message) {
        IssueService.TransitionValidationResult refused = new IssueService.TransitionValidationResult(null,
                errors(List.of(message)), Map.of(), Map.of(), actionId);
        when(issueService.validateTransition(eq(fred), eq(7L), eq(actionId), any())).thenReturn(refused);
    }

    private static ErrorCollection errors(List<String> messages) {
        ErrorCollection errors = mock(ErrorCollection.class);
        when(errors.hasAnyErrors()).thenReturn(!messages.isEmpty());
        when(errors.getErrors()).thenReturn(Map.of());
        when(errors.getErrorMessages()).thenReturn(messages);
        return errors;
    }

    @Test
    void walksAResolvedIncidentToClosedKeepingEveryFieldItHas() {
        isIn(IncidentStatus.REPORTED);
        accepts(11);
        accepts(21);
        accepts(31);

        assertThat(adapter.advance(7, true)).isEqualTo(new IncidentIssues.Advance(IncidentStatus.CLOSED, null));
        verify(input, org.mockito.Mockito.atLeastOnce()).setRetainExistingValuesWhenParameterNotProvided(true);
        verify(input, org.mockito.Mockito.atLeastOnce()).setSkipScreenCheck(true);
    }

    @Test
    void stopsAtTheFirstRefusalWithWhatTheValidatorSaid() {
        isIn(IncidentStatus.REPORTED);
        accepts(11);
        refuses(21, "Failure mode: say whether the process failed or only the outcome.");

        assertThat(adapter.advance(7, true)).isEqualTo(new IncidentIssues.Advance(IncidentStatus.ANALYSING,
                "Failure mode: say whether the process failed or only the outcome."));
        verify(issueService, never()).validateTransition(eq(fred), eq(7L), eq(31), any());
    }

    @Test
    void anUnresolvedIncidentIsNotClosedAndNothingMovesBack() {
        isIn(IncidentStatus.ANALYSING);
        accepts(21);
        assertThat(adapter.advance(7, false)).isEqualTo(new IncidentIssues.Advance(IncidentStatus.LEARNING_REVIEW,
                null));
        verify(issueService, never()).validateTransition(eq(fred), eq(7L), eq(11), any());
        verify(issueService, never()).validateTransition(eq(fred), eq(7L), eq(31), any());

        isIn(IncidentStatus.CLOSED);
        assertThat(adapter.advance(7, true).status()).isEqualTo(IncidentStatus.CLOSED);
    }

    @Test
    void anIssueInAStatusSetupDidNotMakeIsLeftAlone() {
        MutableIssue issue = mock(MutableIssue.class);
        Status other = mock(Status.class);
        when(other.getId()).thenReturn("1");
        when(issue.getStatus()).thenReturn(other);
        when(issueService.getIssue(fred, 7L)).thenReturn(new IssueService.IssueResult(issue));

        assertThat(adapter.advance(7, true)).isEqualTo(new IncidentIssues.Advance(null, null));
        verify(issueService, never()).validateTransition(any(), any(), anyInt(), any());
    }

    @Test
    void theActionIdsAreTheIncidentWorkflowsOwn() throws Exception {
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/workflows/failforward-incident.xml")) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(xml).contains("<action id=\"" + IncidentIssues.ACTIONS.get(
                dev.failforward.core.incident.IncidentTransition.START_ANALYSIS) + "\" name=\"Start analysis\"")
                .contains("<action id=\"" + IncidentIssues.ACTIONS.get(
                        dev.failforward.core.incident.IncidentTransition.REVIEW_LEARNINGS) + "\" name=\"Review learnings\"")
                .contains("<action id=\"" + IncidentIssues.ACTIONS.get(
                        dev.failforward.core.incident.IncidentTransition.CLOSE) + "\" name=\"Close\"");
    }
}
