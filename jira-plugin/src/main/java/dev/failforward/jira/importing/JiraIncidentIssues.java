package dev.failforward.jira.importing;

import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.bc.issue.link.RemoteIssueLinkService;
import com.atlassian.jira.issue.link.RemoteIssueLink;
import com.atlassian.jira.issue.link.RemoteIssueLinkManager;
import com.atlassian.jira.datetime.DateTimeFormatter;
import com.atlassian.jira.datetime.DateTimeStyle;
import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.permission.ProjectPermissions;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.ErrorCollection;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.failforward.core.incident.IncidentStatus;
import dev.failforward.core.incident.IncidentTransition;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.failuredb.FollowUpIssues.IssueRef;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.IssueFields;
import dev.failforward.jira.retro.RetroPageLinks;
import dev.failforward.jira.setup.SetupRecords;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link IncidentIssues} in Jira: {@link IssueService} as the logged-in user with the screen check skipped (an import
 * fills fields no create screen asks for), so Jira still checks Create / Edit / Delete Issues and validates each value
 * as its field would, and fires its events (the projection writes the failure record from them). Custom fields get
 * their values as their edit screens post them: date-times in the user's date-time picker format, options by the id
 * setup recorded.
 */
@Named
public class JiraIncidentIssues implements IncidentIssues {

    private static final Logger LOG = LoggerFactory.getLogger(JiraIncidentIssues.class);

    private final IssueService issueService;
    private final ProjectManager projects;
    private final PermissionManager permissions;
    private final JiraAuthenticationContext authentication;
    private final DateTimeFormatter dateTimeFormatter;
    private final IssueFields fields;
    private final PluginSettingsFactory settings;
    private final RemoteIssueLinkService remoteLinkService;
    private final RemoteIssueLinkManager remoteLinks;

    @Inject
    public JiraIncidentIssues(@ComponentImport IssueService issueService, @ComponentImport ProjectManager projects,
                              @ComponentImport PermissionManager permissions,
                              @ComponentImport JiraAuthenticationContext authentication,
                              @ComponentImport DateTimeFormatter dateTimeFormatter, IssueFields fields,
                              @ComponentImport PluginSettingsFactory settings,
                              @ComponentImport RemoteIssueLinkService remoteLinkService,
                              @ComponentImport RemoteIssueLinkManager remoteLinks) {
        this.issueService = Objects.requireNonNull(issueService, "issueService");
        this.projects = Objects.requireNonNull(projects, "projects");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.dateTimeFormatter = Objects.requireNonNull(dateTimeFormatter, "dateTimeFormatter");
        this.fields = Objects.requireNonNull(fields, "fields");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.remoteLinkService = Objects.requireNonNull(remoteLinkService, "remoteLinkService");
        this.remoteLinks = Objects.requireNonNull(remoteLinks, "remoteLinks");
    }

    @Override
    public void linkRetroPage(long issueId, String url, String title) {
        ApplicationUser user = authentication.getLoggedInUser();
        try {
            IssueService.IssueResult found = issueService.getIssue(user, issueId);
            if (found == null || !found.isValid() || found.getIssue() == null) {
                return;
            }
            String address = url.strip();
            boolean linked = remoteLinks.getRemoteIssueLinksForIssue(found.getIssue()).stream()
                    .anyMatch(l -> l != null && address.equals(l.getUrl() == null ? null : l.getUrl().strip()));
            if (linked) {
                return;
            }
            String name = title == null || title.isBlank() ? address : title.strip();
            // the shape of Confluence's own page links (application type, relationship), so RetroPageLinks and Jira's
            // issue view treat it as a retro page; the global id is ours (Jira's own is "appId=…&pageId=…")
            RemoteIssueLink link = new RemoteIssueLink(null, issueId, "dev.failforward.import:" + address,
                    name.length() > 255 ? name.substring(0, 255) : name, null, address, null, null,
                    RetroPageLinks.RELATIONSHIP, null, null, null, null, RetroPageLinks.CONFLUENCE, "Confluence");
            RemoteIssueLinkService.CreateValidationResult valid = remoteLinkService.validateCreate(user, link);
            if (valid == null || !valid.isValid()) {
                LOG.warn("Fail Forward import: Jira refused the retro page link {} on issue {}: {}", address, issueId,
                        valid == null ? "no answer" : valid.getErrorCollection());
                return;
            }
            remoteLinkService.create(user, valid);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: RemoteIssueLinkService is mirrored from Jira 6-era source; should Jira 11 differ, the
            // import still succeeds without the link rather than failing the file
            LOG.warn("Fail Forward import: the retro page link {} on issue {} could not be made", url, issueId, e);
        }
    }

    @Override
    public IssueRef create(String projectKey, IncidentDraft draft) {
        ApplicationUser user = authentication.getLoggedInUser();
        Project project = projectKey == null ? null : projects.getProjectByCurrentKey(projectKey.toUpperCase(Locale.ROOT));
        if (user == null || project == null
                || !permissions.hasPermission(ProjectPermissions.BROWSE_PROJECTS, project, user)) {
            throw new FailureDbException.BadField("project", "unknown", "failforward.import.error.project.unknown",
                    String.valueOf(projectKey));
        }
        if (!permissions.hasPermission(ProjectPermissions.CREATE_ISSUES, project, user)) {
            throw new FailureDbException.FieldDenied("project", "failforward.import.error.project.create",
                    project.getKey());
        }
        SetupRecords setup = SetupRecords.in(settings);
        String incidentType = setup.issueTypeId("incident").orElseThrow(() -> new FailureDbException.BadField(
                "project", "setup", "failforward.import.error.setup", project.getKey()));
        IssueInputParameters input = fill(issueService.newIssueInputParameters(), draft, setup)
                .setProjectId(project.getId())
                .setIssueTypeId(incidentType)
                .setReporterId(user.getUsername());
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
    public void update(long issueId, IncidentDraft draft) {
        ApplicationUser user = authentication.getLoggedInUser();
        IssueInputParameters input = fill(issueService.newIssueInputParameters(), draft, SetupRecords.in(settings));
        IssueService.UpdateValidationResult validation = issueService.validateUpdate(user, issueId, input);
        if (!validation.isValid()) {
            throw refused(validation.getErrorCollection());
        }
        IssueService.IssueResult updated = issueService.update(user, validation);
        if (!updated.isValid()) {
            throw refused(updated.getErrorCollection());
        }
    }

    @Override
    public void delete(long issueId) {
        ApplicationUser user = authentication.getLoggedInUser();
        IssueService.DeleteValidationResult validation = issueService.validateDelete(user, issueId);
        if (!validation.isValid()) {
            throw new IllegalStateException("Jira refused to delete issue " + issueId + ": "
                    + validation.getErrorCollection());
        }
        ErrorCollection errors = issueService.delete(user, validation);
        if (errors != null && errors.hasAnyErrors()) {
            throw new IllegalStateException("Jira could not delete issue " + issueId + ": " + errors);
        }
    }

    @Override
    public Advance advance(long issueId, boolean resolved) {
        ApplicationUser user = authentication.getLoggedInUser();
        SetupRecords setup = SetupRecords.in(settings);
        IssueService.IssueResult found = issueService.getIssue(user, issueId);
        IncidentStatus status = found == null || !found.isValid() || found.getIssue() == null
                || found.getIssue().getStatus() == null ? null
                : statusOf(found.getIssue().getStatus().getId(), setup);
        if (status == null) {
            return new Advance(null, null); // not in one of our statuses (an administrator's own workflow): left alone
        }
        for (IncidentTransition step : WALK) {
            if (status != step.from()) {
                continue;
            }
            if (step == IncidentTransition.CLOSE && !resolved) {
                break;
            }
            IssueInputParameters input = issueService.newIssueInputParameters();
            input.setSkipScreenCheck(true);
            input.setRetainExistingValuesWhenParameterNotProvided(true);
            IssueService.TransitionValidationResult validation = issueService.validateTransition(user, issueId,
                    ACTIONS.get(step), input);
            if (validation == null || !validation.isValid()) {
                return new Advance(status, message(validation == null ? null : validation.getErrorCollection()));
            }
            IssueService.IssueResult moved = issueService.transition(user, validation);
            if (moved == null || !moved.isValid()) {
                return new Advance(status, message(moved == null ? null : moved.getErrorCollection()));
            }
            status = step.to();
        }
        return new Advance(status, null);
    }

    /** The forward path of an incident, in order. */
    private static final List<IncidentTransition> WALK = List.of(IncidentTransition.START_ANALYSIS,
            IncidentTransition.REVIEW_LEARNINGS, IncidentTransition.CLOSE);

    private static IncidentStatus statusOf(String statusId, SetupRecords setup) {
        for (IncidentStatus s : IncidentStatus.values()) {
            if (setup.statusId(s.name()).filter(id -> id.equals(statusId)).isPresent()) {
                return s;
            }
        }
        return null;
    }

    /** What Jira said when it refused (its validators' messages, field errors first), in one line. */
    private static String message(ErrorCollection errors) {
        List<String> said = new ArrayList<>();
        if (errors != null && errors.getErrors() != null) {
            said.addAll(errors.getErrors().values());
        }
        if (errors != null && errors.getErrorMessages() != null) {
            said.addAll(errors.getErrorMessages());
        }
        return said.isEmpty() ? "" : String.join(" ", said);
    }

    @Override
    public Optional<String> key(long issueId) {
        IssueService.IssueResult result = issueService.getIssue(authentication.getLoggedInUser(), issueId);
        return result == null || !result.isValid() || result.getIssue() == null ? Optional.empty()
                : Optional.of(result.getIssue().getKey());
    }

    private IssueInputParameters fill(IssueInputParameters input, IncidentDraft draft, SetupRecords setup) {
        input.setSkipScreenCheck(true);
        input.setSummary(draft.summary());
        if (draft.description() != null) {
            input.setDescription(draft.description());
        }
        draft.texts().forEach((field, text) -> fields.jiraFieldId(field)
                .ifPresent(id -> input.addCustomFieldValue(id, text)));
        DateTimeFormatter picker = dateTimeFormatter.forLoggedInUser().withStyle(DateTimeStyle.DATE_TIME_PICKER);
        draft.times().forEach((field, at) -> fields.jiraFieldId(field)
                .ifPresent(id -> input.addCustomFieldValue(id, picker.format(Date.from(at)))));
        draft.options().forEach((field, value) -> {
            Map<String, String> ids = setup.optionIds(field);
            String optionId = ids.get(value);
            Optional<String> fieldId = fields.jiraFieldId(field);
            if (optionId != null && fieldId.isPresent()) {
                input.addCustomFieldValue(fieldId.get(), optionId);
            }
        });
        return input;
    }

    private static FailureDbException refused(ErrorCollection errors) {
        if (errors != null && errors.getErrors() != null && !errors.getErrors().isEmpty()) {
            Map.Entry<String, String> first = errors.getErrors().entrySet().iterator().next();
            String field = "pid".equals(first.getKey()) ? "project" : first.getKey();
            return new FailureDbException.BadField(field, "refused", "failforward.import.error.refused",
                    first.getValue());
        }
        String message = errors == null || errors.getErrorMessages() == null || errors.getErrorMessages().isEmpty()
                ? "" : errors.getErrorMessages().iterator().next();
        return new FailureDbException.BadField("project", "refused", "failforward.import.error.refused", message);
    }
}
