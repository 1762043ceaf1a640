package dev.failforward.jira.followup;

import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.datetime.DateTimeFormatter;
import com.atlassian.jira.datetime.DateTimeStyle;
import com.atlassian.jira.exception.CreateException;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.fields.config.manager.IssueTypeSchemeManager;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.link.IssueLinkManager;
import com.atlassian.jira.permission.ProjectPermissions;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.jira.util.ErrorCollection;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.failuredb.FollowUpIssues;
import dev.failforward.jira.projection.ProjectionSetup;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link FollowUpIssues} in Jira. A new issue goes through {@link IssueService} as the logged-in user
 * ({@code validateCreate}, then {@code create}): Jira checks Create Issues in the project and every field as its own
 * create screen would, and fires the issue-created event, so the assignee is notified by the project's notification
 * scheme (the plugin sends no mail of its own). The due date is written in Jira's date picker format, as the create
 * screen sends it. Links are written with {@link IssueLinkManager} in the "Follow-up" link type that setup created.
 */
@Named
public class JiraFollowUpIssues implements FollowUpIssues {

    private static final Logger log = LoggerFactory.getLogger(JiraFollowUpIssues.class);

    /** The issue type a follow-up gets when the request names none and the project has it. */
    static final String DEFAULT_TYPE_NAME = "Task";

    private final IssueService issueService;
    private final IssueManager issueManager;
    private final ProjectManager projectManager;
    private final PermissionManager permissionManager;
    private final IssueTypeSchemeManager issueTypeSchemes;
    private final IssueLinkManager linkManager;
    private final JiraAuthenticationContext authentication;
    private final UserManager userManager;
    private final DateTimeFormatter dateTimeFormatter;
    private final ApplicationProperties applicationProperties;
    private final ProjectionSetup setup;

    @Inject
    public JiraFollowUpIssues(@ComponentImport IssueService issueService, @ComponentImport IssueManager issueManager,
                              @ComponentImport ProjectManager projectManager,
                              @ComponentImport PermissionManager permissionManager,
                              @ComponentImport IssueTypeSchemeManager issueTypeSchemes,
                              @ComponentImport IssueLinkManager linkManager,
                              @ComponentImport JiraAuthenticationContext authentication,
                              @ComponentImport UserManager userManager,
                              @ComponentImport DateTimeFormatter dateTimeFormatter,
                              @ComponentImport ApplicationProperties applicationProperties, ProjectionSetup setup) {
        this.issueService = Objects.requireNonNull(issueService, "issueService");
        this.issueManager = Objects.requireNonNull(issueManager, "issueManager");
        this.projectManager = Objects.requireNonNull(projectManager, "projectManager");
        this.permissionManager = Objects.requireNonNull(permissionManager, "permissionManager");
        this.issueTypeSchemes = Objects.requireNonNull(issueTypeSchemes, "issueTypeSchemes");
        this.linkManager = Objects.requireNonNull(linkManager, "linkManager");
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.dateTimeFormatter = Objects.requireNonNull(dateTimeFormatter, "dateTimeFormatter");
        this.applicationProperties = Objects.requireNonNull(applicationProperties, "applicationProperties");
        this.setup = Objects.requireNonNull(setup, "setup");
    }

    @Override
    public IssueRef create(NewIssue request) {
        ApplicationUser user = authentication.getLoggedInUser();
        Project project = request.projectKey() == null ? null
                : projectManager.getProjectByCurrentKey(request.projectKey().toUpperCase(Locale.ROOT));
        if (user == null || project == null
                || !permissionManager.hasPermission(ProjectPermissions.BROWSE_PROJECTS, project, user)) {
            // a hidden project answers like a missing one
            throw new FailureDbException.BadField("project", "unknown", "failforward.followup.error.project.unknown",
                    String.valueOf(request.projectKey()));
        }
        if (!permissionManager.hasPermission(ProjectPermissions.CREATE_ISSUES, project, user)) {
            throw new FailureDbException.FieldDenied("project", "failforward.followup.error.project.create",
                    project.getKey());
        }
        IssueType type = issueType(project, request.issueTypeId());
        IssueInputParameters input = issueService.newIssueInputParameters()
                .setProjectId(project.getId())
                .setIssueTypeId(type.getId())
                .setSummary(request.summary())
                .setReporterId(user.getUsername());
        ApplicationUser owner = request.assigneeKey() == null ? null : userManager.getUserByKey(request.assigneeKey());
        if (owner != null) {
            input.setAssigneeId(owner.getUsername());
        }
        if (request.dueDate() != null) {
            // noon in Jira's zone: the date picker shows that day whatever the offset
            Date due = Date.from(request.dueDate().atTime(LocalTime.NOON).atZone(ZoneId.systemDefault()).toInstant());
            input.setDueDate(dateTimeFormatter.forLoggedInUser().withSystemZone()
                    .withStyle(DateTimeStyle.DATE_PICKER).format(due));
        }
        IssueService.CreateValidationResult validation = issueService.validateCreate(user, input);
        if (!validation.isValid()) {
            throw refused(validation.getErrorCollection());
        }
        IssueService.IssueResult created = issueService.create(user, validation);
        if (!created.isValid() || created.getIssue() == null) {
            throw refused(created.getErrorCollection());
        }
        return new IssueRef(created.getIssue().getId(), created.getIssue().getKey());
    }

    @Override
    public Optional<IssueRef> find(String issueKey) {
        ApplicationUser user = authentication.getLoggedInUser();
        if (user == null || issueKey == null || issueKey.isBlank()) {
            return Optional.empty();
        }
        IssueService.IssueResult result = issueService.getIssue(user, issueKey.strip().toUpperCase(Locale.ROOT));
        if (result == null || !result.isValid() || result.getIssue() == null) {
            return Optional.empty();
        }
        return Optional.of(new IssueRef(result.getIssue().getId(), result.getIssue().getKey()));
    }

    @Override
    public void link(long followUpIssueId, long recordIssueId) {
        Optional<Long> type = setup.followUpLinkTypeId();
        if (type.isEmpty()) {
            log.warn("Fail Forward has no follow-up link type yet (run setup): issue {} is not linked to {}",
                    followUpIssueId, recordIssueId);
            return;
        }
        try {
            linkManager.createIssueLink(followUpIssueId, recordIssueId, type.get(), null,
                    authentication.getLoggedInUser());
        } catch (CreateException | RuntimeException e) {
            log.warn("Fail Forward could not link follow-up issue {} to {}", followUpIssueId, recordIssueId, e);
        }
    }

    @Override
    public Optional<FollowUpView> view(long issueId) {
        ApplicationUser user = authentication.getLoggedInUser();
        if (user == null) {
            return Optional.empty();
        }
        IssueService.IssueResult result = issueService.getIssue(user, issueId);
        if (result == null || !result.isValid() || result.getIssue() == null) {
            return Optional.empty();
        }
        Issue issue = result.getIssue();
        return Optional.of(new FollowUpView(issue.getKey(), url(issue.getKey()), issue.getSummary(),
                issue.getStatus() == null ? null : issue.getStatus().getName(), issue.getResolution() != null));
    }

    @Override
    public Optional<Boolean> resolved(long issueId) {
        Issue issue = issueManager.getIssueObject(issueId);
        return issue == null ? Optional.empty() : Optional.of(issue.getResolution() != null);
    }

    @Override
    public String url(String issueKey) {
        return applicationProperties.getBaseUrl(UrlMode.CANONICAL) + "/browse/" + issueKey;
    }

    /** The requested type when the project has it; else "Task"; else the project's first standard type. */
    private IssueType issueType(Project project, String requestedId) {
        Collection<IssueType> types = issueTypeSchemes.getIssueTypesForProject(project);
        if (requestedId != null) {
            return types.stream().filter(t -> requestedId.equals(t.getId()) && !t.isSubTask()).findFirst()
                    .orElseThrow(() -> new FailureDbException.BadField("issueType", "unknown",
                            "failforward.followup.error.issuetype.unknown", requestedId, project.getKey()));
        }
        return types.stream().filter(t -> !t.isSubTask() && DEFAULT_TYPE_NAME.equalsIgnoreCase(t.getName()))
                .findFirst()
                .or(() -> types.stream().filter(t -> !t.isSubTask()).findFirst())
                .orElseThrow(() -> new FailureDbException.BadField("project", "no-issue-type",
                        "failforward.followup.error.project.notypes", project.getKey()));
    }

    /** Jira's first field error (its field id: project, summary, assignee, duedate, …) or general message, as a 400. */
    private static FailureDbException refused(ErrorCollection errors) {
        if (errors != null && errors.getErrors() != null && !errors.getErrors().isEmpty()) {
            Map.Entry<String, String> first = errors.getErrors().entrySet().iterator().next();
            String field = "pid".equals(first.getKey()) ? "project" : first.getKey();
            return new FailureDbException.BadField(field, "refused", "failforward.followup.error.refused",
                    first.getValue());
        }
        String message = errors == null || errors.getErrorMessages() == null || errors.getErrorMessages().isEmpty()
                ? "" : errors.getErrorMessages().iterator().next();
        return new FailureDbException.BadField("project", "refused", "failforward.followup.error.refused", message);
    }
}
