package dev.failforward.jira.followup;

import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.datetime.DateTimeFormatter;
import com.atlassian.jira.datetime.DateTimeStyle;
import com.atlassian.jira.exception.CreateException;
import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.fields.config.manager.IssueTypeSchemeManager;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.link.IssueLinkManager;
import com.atlassian.jira.issue.resolution.Resolution;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.permission.ProjectPermissions;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.jira.util.ErrorCollection;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.failuredb.FollowUpIssues;
import dev.failforward.jira.projection.ProjectionSetup;
import dev.failforward.jira.setup.SetupRecords;
import dev.failforward.host.settings.InMemoryPluginSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The Jira adapter of follow-ups over mocked Jira services: what it asks Jira, and how Jira's refusals come back. */
class JiraFollowUpIssuesTest {

    private final IssueService issueService = mock(IssueService.class);
    private final IssueManager issueManager = mock(IssueManager.class);
    private final ProjectManager projectManager = mock(ProjectManager.class);
    private final PermissionManager permissionManager = mock(PermissionManager.class);
    private final IssueTypeSchemeManager schemes = mock(IssueTypeSchemeManager.class);
    private final IssueLinkManager links = mock(IssueLinkManager.class);
    private final JiraAuthenticationContext authentication = mock(JiraAuthenticationContext.class);
    private final UserManager users = mock(UserManager.class);
    private final DateTimeFormatter dates = mock(DateTimeFormatter.class);
    private final ApplicationProperties application = mock(ApplicationProperties.class);
    private final InMemoryPluginSettings settings = new InMemoryPluginSettings();
    private final IssueInputParameters input = mock(IssueInputParameters.class, Answers.RETURNS_SELF);
    private final ApplicationUser fred = user("u-fred", "fred");
    private final Project ops = mock(Project.class);
    private JiraFollowUpIssues adapter;

    private static ApplicationUser user(String key, String name) {
        ApplicationUser user = mock(ApplicationUser.class);
        when(user.getKey()).thenReturn(key);
        when(user.getUsername()).thenReturn(name);
        return user;
    }

    private static IssueType type(String id, String name, boolean subTask) {
        IssueType type = mock(IssueType.class);
        when(type.getId()).thenReturn(id);
        when(type.getName()).thenReturn(name);
        when(type.isSubTask()).thenReturn(subTask);
        return type;
    }

    private static MutableIssue issue(long id, String key) {
        MutableIssue issue = mock(MutableIssue.class);
        when(issue.getId()).thenReturn(id);
        when(issue.getKey()).thenReturn(key);
        return issue;
    }

    private static ErrorCollection errors(Map<String, String> fields) {
        ErrorCollection errors = mock(ErrorCollection.class);
        when(errors.hasAnyErrors()).thenReturn(!fields.isEmpty());
        when(errors.getErrors()).thenReturn(fields);
        when(errors.getErrorMessages()).thenReturn(List.of());
        return errors;
    }

    @BeforeEach
    void setUp() {
        adapter = new JiraFollowUpIssues(issueService, issueManager, projectManager, permissionManager, schemes, links,
                authentication, users, dates, application, new ProjectionSetup(settings.factory()));
        when(authentication.getLoggedInUser()).thenReturn(fred);
        when(ops.getId()).thenReturn(10000L);
        when(ops.getKey()).thenReturn("OPS");
        when(projectManager.getProjectByCurrentKey("OPS")).thenReturn(ops);
        when(permissionManager.hasPermission(ProjectPermissions.BROWSE_PROJECTS, ops, fred)).thenReturn(true);
        when(permissionManager.hasPermission(ProjectPermissions.CREATE_ISSUES, ops, fred)).thenReturn(true);
        List<IssueType> types = List.of(type("5", "Sub-task", true), type("1", "Bug", false), type("3", "Task", false));
        when(schemes.getIssueTypesForProject(ops)).thenReturn(types);
        when(issueService.newIssueInputParameters()).thenReturn(input);
        ApplicationUser olga = user("u-olga", "olga");
        when(users.getUserByKey("u-olga")).thenReturn(olga);
        when(dates.forLoggedInUser()).thenReturn(dates);
        when(dates.withSystemZone()).thenReturn(dates);
        when(dates.withStyle(DateTimeStyle.DATE_PICKER)).thenReturn(dates);
        when(dates.format(any(Date.class))).thenReturn("30/Jun/26");
        when(application.getBaseUrl(UrlMode.CANONICAL)).thenReturn("https://jira.example.com");
    }

    private void validates(ErrorCollection errors) {
        IssueService.CreateValidationResult result = new IssueService.CreateValidationResult(issue(0, null), errors,
                Map.of());
        when(issueService.validateCreate(fred, input)).thenReturn(result);
    }

    private void creates(long id, String key) {
        IssueService.IssueResult result = new IssueService.IssueResult(issue(id, key));
        when(issueService.create(eq(fred), any())).thenReturn(result);
    }

    @Test
    void createsATaskAsTheUserWithTheOwnerAndDueDate() {
        ErrorCollection none = errors(Map.of());
        validates(none);
        creates(70_001, "OPS-100");

        FollowUpIssues.IssueRef ref = adapter.create(new FollowUpIssues.NewIssue("ops", null, "Add a pool alarm",
                "u-olga", LocalDate.of(2026, 6, 30)));

        assertThat(ref).isEqualTo(new FollowUpIssues.IssueRef(70_001, "OPS-100"));
        verify(input).setProjectId(10000L);
        verify(input).setIssueTypeId("3");
        verify(input).setSummary("Add a pool alarm");
        verify(input).setReporterId("fred");
        verify(input).setAssigneeId("olga");
        verify(input).setDueDate("30/Jun/26");
    }

    @Test
    void anExplicitIssueTypeMustBeAStandardTypeOfTheProject() {
        ErrorCollection none = errors(Map.of());
        validates(none);
        creates(70_002, "OPS-101");
        adapter.create(new FollowUpIssues.NewIssue("OPS", "1", "Bug it", null, null));
        verify(input).setIssueTypeId("1");
        verify(input, never()).setAssigneeId(any());
        verify(input, never()).setDueDate(any());

        assertThatThrownBy(() -> adapter.create(new FollowUpIssues.NewIssue("OPS", "5", "Sub", null, null)))
                .isInstanceOfSatisfying(FailureDbException.BadField.class, e -> assertThat(e.field()).isEqualTo("issueType"));
    }

    @Test
    void withoutATaskTypeTheFirstStandardTypeIsUsed() {
        List<IssueType> types = List.of(type("5", "Sub-task", true), type("1", "Bug", false));
        when(schemes.getIssueTypesForProject(ops)).thenReturn(types);
        ErrorCollection none = errors(Map.of());
        validates(none);
        creates(70_003, "OPS-102");
        adapter.create(new FollowUpIssues.NewIssue("OPS", null, "x", null, null));
        verify(input).setIssueTypeId("1");
    }

    @Test
    void unknownOrHiddenProjectsAndMissingCreatePermissionAreRefusedByField() {
        assertThatThrownBy(() -> adapter.create(new FollowUpIssues.NewIssue("NOPE", null, "x", null, null)))
                .isInstanceOfSatisfying(FailureDbException.BadField.class, e -> assertThat(e.field()).isEqualTo("project"));
        when(permissionManager.hasPermission(ProjectPermissions.CREATE_ISSUES, ops, fred)).thenReturn(false);
        assertThatThrownBy(() -> adapter.create(new FollowUpIssues.NewIssue("OPS", null, "x", null, null)))
                .isInstanceOfSatisfying(FailureDbException.FieldDenied.class, e -> assertThat(e.field()).isEqualTo("project"));
        when(permissionManager.hasPermission(ProjectPermissions.BROWSE_PROJECTS, ops, fred)).thenReturn(false);
        assertThatThrownBy(() -> adapter.create(new FollowUpIssues.NewIssue("OPS", null, "x", null, null)))
                .isInstanceOfSatisfying(FailureDbException.BadField.class, e -> assertThat(e.code()).isEqualTo("unknown"));
        verify(issueService, never()).create(any(), any());
    }

    @Test
    void jirasValidationErrorsComeBackNamingJirasField() {
        ErrorCollection refused = errors(Map.of("assignee", "User 'olga' cannot be assigned issues."));
        validates(refused);

        assertThatThrownBy(() -> adapter.create(new FollowUpIssues.NewIssue("OPS", null, "x", "u-olga", null)))
                .isInstanceOfSatisfying(FailureDbException.BadField.class, e -> {
                    assertThat(e.field()).isEqualTo("assignee");
                    assertThat(e.arguments()).containsExactly("User 'olga' cannot be assigned issues.");
                });
        verify(issueService, never()).create(any(), any());
    }

    @Test
    void linksWithTheFollowUpLinkTypeAndSurvivesAFailedLink() throws Exception {
        adapter.link(70_001, 10_001); // no link type recorded yet: nothing, no exception
        verify(links, never()).createIssueLink(any(), any(), any(), any(), any());

        settings.put(SetupRecords.NAMESPACE + "linktype.failforward-followup.id", "10400");
        adapter.link(70_001, 10_001);
        verify(links).createIssueLink(70_001L, 10_001L, 10400L, null, fred);

        doThrow(new CreateException()).when(links).createIssueLink(any(), any(), any(), any(), any());
        adapter.link(70_001, 10_001);
    }

    @Test
    void viewsReadTheIssueAsTheUserAndResolutionWithoutOne() {
        MutableIssue task = issue(70_001, "OPS-100");
        when(task.getSummary()).thenReturn("Add a pool alarm");
        Status done = mock(Status.class);
        when(done.getName()).thenReturn("Done");
        when(task.getStatus()).thenReturn(done);
        Resolution fixed = mock(Resolution.class);
        when(task.getResolution()).thenReturn(fixed);
        IssueService.IssueResult found = new IssueService.IssueResult(task);
        IssueService.IssueResult hidden = new IssueService.IssueResult(null, errors(Map.of("x", "no")));
        when(issueService.getIssue(fred, 70_001L)).thenReturn(found);
        when(issueService.getIssue(fred, 70_002L)).thenReturn(hidden);
        when(issueManager.getIssueObject(70_001L)).thenReturn(task);

        assertThat(adapter.view(70_001)).contains(new FollowUpIssues.FollowUpView("OPS-100",
                "https://jira.example.com/browse/OPS-100", "Add a pool alarm", "Done", true));
        assertThat(adapter.view(70_002)).isEmpty();
        assertThat(adapter.resolved(70_001)).contains(true);
        assertThat(adapter.resolved(70_009)).isEmpty();
    }

    @Test
    void findsOnlyIssuesTheUserMayBrowse() {
        IssueService.IssueResult found = new IssueService.IssueResult(issue(70_099, "OPS-99"));
        IssueService.IssueResult hidden = new IssueService.IssueResult(null, errors(Map.of("x", "no")));
        when(issueService.getIssue(fred, "OPS-99")).thenReturn(found);
        when(issueService.getIssue(fred, "SEC-1")).thenReturn(hidden);

        assertThat(adapter.find(" ops-99 ")).contains(new FollowUpIssues.IssueRef(70_099, "OPS-99"));
        assertThat(adapter.find("SEC-1")).isEmpty();
        assertThat(adapter.find("")).isEmpty();
    }
}
