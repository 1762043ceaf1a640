package dev.failforward.jira.permissions;

import com.atlassian.jira.permission.ProjectPermissions;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.security.plugin.ProjectPermissionKey;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link RecordPermissions} over Jira's project permissions: <em>Browse Projects</em> to see a record,
 * <em>Edit Issues</em> to change its learnings and action items, for the user of the current request
 * ({@link JiraAuthenticationContext#getLoggedInUser()}).
 *
 * <p>Why project permissions and not the issue's own ({@code hasPermission(key, Issue, user)}): the failure database
 * is a projection that must answer lists and totals from SQL without loading every issue, so the boundary it can
 * enforce before querying is the project. Issue security levels are therefore not applied to the projection.
 */
@Named
public class JiraRecordPermissions implements RecordPermissions {

    private final PermissionManager permissions;
    private final ProjectManager projects;
    private final JiraAuthenticationContext authentication;

    @Inject
    public JiraRecordPermissions(@ComponentImport PermissionManager permissions, @ComponentImport ProjectManager projects,
                                 @ComponentImport JiraAuthenticationContext authentication) {
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.projects = Objects.requireNonNull(projects, "projects");
        this.authentication = Objects.requireNonNull(authentication, "authentication");
    }

    @Override
    public Optional<String> currentUserKey() {
        return Optional.ofNullable(authentication.getLoggedInUser()).map(ApplicationUser::getKey);
    }

    @Override
    public Set<String> browsableProjectKeys() {
        ApplicationUser user = authentication.getLoggedInUser();
        Set<String> keys = new TreeSet<>();
        if (user == null) {
            return keys;
        }
        Collection<Project> browsable = permissions.getProjects(ProjectPermissions.BROWSE_PROJECTS, user);
        if (browsable != null) {
            for (Project project : browsable) {
                keys.add(project.getKey());
            }
        }
        return keys;
    }

    @Override
    public boolean canBrowse(String projectKey) {
        return has(ProjectPermissions.BROWSE_PROJECTS, projectKey);
    }

    @Override
    public boolean canEdit(String projectKey) {
        return has(ProjectPermissions.BROWSE_PROJECTS, projectKey) && has(ProjectPermissions.EDIT_ISSUES, projectKey);
    }

    private boolean has(ProjectPermissionKey permission, String projectKey) {
        ApplicationUser user = authentication.getLoggedInUser();
        if (user == null || projectKey == null || projectKey.isBlank()) {
            return false;
        }
        Project project = projects.getProjectByCurrentKey(projectKey);
        return project != null && permissions.hasPermission(permission, project, user);
    }
}
