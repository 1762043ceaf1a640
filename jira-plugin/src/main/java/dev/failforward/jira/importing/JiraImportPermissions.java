package dev.failforward.jira.importing;

import com.atlassian.jira.permission.ProjectPermissions;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Locale;
import java.util.Objects;

/**
 * {@link ImportPermissions} in Jira: Browse and Create Issues in the project, and either Administer Projects there
 * (project administrators, the lead's role) or Jira administration.
 */
@Named
public class JiraImportPermissions implements ImportPermissions {

    private final ProjectManager projects;
    private final PermissionManager permissions;
    private final JiraAuthenticationContext authentication;
    private final UserManager users;

    @Inject
    public JiraImportPermissions(@ComponentImport ProjectManager projects, @ComponentImport PermissionManager permissions,
                                 @ComponentImport JiraAuthenticationContext authentication,
                                 @ComponentImport("salUserManager") @Named("salUserManager") UserManager users) {
        this.projects = Objects.requireNonNull(projects, "projects");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public boolean mayImport(String projectKey) {
        ApplicationUser user = authentication.getLoggedInUser();
        Project project = projectKey == null ? null : projects.getProjectByCurrentKey(projectKey.toUpperCase(Locale.ROOT));
        if (user == null || project == null
                || !permissions.hasPermission(ProjectPermissions.BROWSE_PROJECTS, project, user)
                || !permissions.hasPermission(ProjectPermissions.CREATE_ISSUES, project, user)) {
            return false;
        }
        return permissions.hasPermission(ProjectPermissions.ADMINISTER_PROJECTS, project, user)
                || users.isAdmin(new UserKey(user.getKey()));
    }

    @Override
    public String currentUserKey() {
        ApplicationUser user = authentication.getLoggedInUser();
        return user == null ? null : user.getKey();
    }
}
