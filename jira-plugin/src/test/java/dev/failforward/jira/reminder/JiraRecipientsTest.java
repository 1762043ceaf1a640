package dev.failforward.jira.reminder;

import com.atlassian.jira.permission.ProjectPermissions;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Jira's answers about people, as the reminders need them. */
class JiraRecipientsTest {

    private final UserManager sal = mock(UserManager.class);
    private final com.atlassian.jira.user.util.UserManager jira = mock(com.atlassian.jira.user.util.UserManager.class);
    private final LocaleResolver locales = mock(LocaleResolver.class);
    private final PermissionManager permissions = mock(PermissionManager.class);
    private final ProjectManager projects = mock(ProjectManager.class);
    private final JiraRecipients recipients = new JiraRecipients(sal, jira, locales, permissions, projects);

    private static UserProfile profile(String name, String email) {
        UserProfile profile = mock(UserProfile.class);
        when(profile.getFullName()).thenReturn(name);
        when(profile.getEmail()).thenReturn(email);
        return profile;
    }

    @Test
    void aUserWithAnAddressIsARecipientInTheirLanguage() {
        UserProfile anna = profile("Anna Berg", " anna@example.com ");
        UserProfile ghost = profile("Ghost", " ");
        when(sal.getUserProfile(new UserKey("JIRAUSER10100"))).thenReturn(anna);
        when(locales.getLocale(new UserKey("JIRAUSER10100"))).thenReturn(Locale.GERMAN);
        when(sal.getUserProfile(new UserKey("ghost"))).thenReturn(ghost);

        assertThat(recipients.user("JIRAUSER10100")).contains(
                new Recipients.Recipient("JIRAUSER10100", "Anna Berg", "anna@example.com", Locale.GERMAN));
        assertThat(recipients.user("ghost")).as("no address").isEmpty();
        assertThat(recipients.user("nobody")).isEmpty();
        assertThat(recipients.user(null)).isEmpty();
    }

    @Test
    void browsableProjectsAndLeadsComeFromJira() {
        ApplicationUser anna = mock(ApplicationUser.class);
        when(anna.getKey()).thenReturn("JIRAUSER10100");
        Project ops = mock(Project.class);
        when(ops.getKey()).thenReturn("OPS");
        when(ops.getProjectLead()).thenReturn(anna);
        Project lab = mock(Project.class);
        when(lab.getKey()).thenReturn("LAB");
        when(jira.getUserByKey("JIRAUSER10100")).thenReturn(anna);
        when(permissions.getProjects(ProjectPermissions.BROWSE_PROJECTS, anna)).thenReturn(List.of(ops, lab));
        when(projects.getProjectByCurrentKey("OPS")).thenReturn(ops);
        when(projects.getProjectByCurrentKey("LAB")).thenReturn(lab);

        assertThat(recipients.browsableProjects("JIRAUSER10100")).containsExactly("LAB", "OPS");
        assertThat(recipients.browsableProjects("unknown")).isEmpty();
        assertThat(recipients.projectLead("OPS")).contains("JIRAUSER10100");
        assertThat(recipients.projectLead("LAB")).as("no lead").isEmpty();
        assertThat(recipients.projectLead("GONE")).isEmpty();
    }
}
