package dev.failforward.jira.reminder;

import com.atlassian.jira.permission.ProjectPermissions;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link Recipients} from Jira: name and address from SAL's user profile, the language from SAL's locale resolver (the
 * user's profile setting, else Jira's default), browsable projects from Jira's permission manager for that user, the
 * lead from the project.
 */
@Named
public class JiraRecipients implements Recipients {

    private final UserManager salUsers;
    private final com.atlassian.jira.user.util.UserManager jiraUsers;
    private final LocaleResolver locales;
    private final PermissionManager permissions;
    private final ProjectManager projects;

    @Inject
    public JiraRecipients(@ComponentImport("salUserManager") @Named("salUserManager") UserManager salUsers,
                          @ComponentImport com.atlassian.jira.user.util.UserManager jiraUsers,
                          @ComponentImport LocaleResolver locales, @ComponentImport PermissionManager permissions,
                          @ComponentImport ProjectManager projects) {
        this.salUsers = Objects.requireNonNull(salUsers, "salUsers");
        this.jiraUsers = Objects.requireNonNull(jiraUsers, "jiraUsers");
        this.locales = Objects.requireNonNull(locales, "locales");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.projects = Objects.requireNonNull(projects, "projects");
    }

    @Override
    public Optional<Recipient> user(String userKey) {
        if (userKey == null || userKey.isBlank()) {
            return Optional.empty();
        }
        UserKey key = new UserKey(userKey);
        UserProfile profile = salUsers.getUserProfile(key);
        if (profile == null || profile.getEmail() == null || profile.getEmail().isBlank()) {
            return Optional.empty();
        }
        Locale locale = locales.getLocale(key);
        String name = profile.getFullName() == null || profile.getFullName().isBlank() ? userKey : profile.getFullName();
        return Optional.of(new Recipient(userKey, name, profile.getEmail().strip(), locale == null ? Locale.ENGLISH : locale));
    }

    @Override
    public Set<String> browsableProjects(String userKey) {
        ApplicationUser user = userKey == null ? null : jiraUsers.getUserByKey(userKey);
        Set<String> keys = new TreeSet<>();
        if (user == null) {
            return keys;
        }
        for (Project project : permissions.getProjects(ProjectPermissions.BROWSE_PROJECTS, user)) {
            keys.add(project.getKey());
        }
        return keys;
    }

    @Override
    public Optional<String> projectLead(String projectKey) {
        Project project = projects.getProjectByCurrentKey(projectKey);
        ApplicationUser lead = project == null ? null : project.getProjectLead();
        return lead == null ? Optional.empty() : Optional.ofNullable(lead.getKey());
    }
}
