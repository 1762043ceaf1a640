package dev.failforward.jira.permissions;

import com.atlassian.jira.permission.ProjectPermissions;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Browse Projects to see, Edit Issues (and browse) to change, for the logged-in user; nothing for anonymous. */
class JiraRecordPermissionsTest {

    private final PermissionManager permissionManager = mock(PermissionManager.class);
    private final ProjectManager projectManager = mock(ProjectManager.class);
    private final JiraAuthenticationContext authentication = mock(JiraAuthenticationContext.class);
    private final ApplicationUser fred = mock(ApplicationUser.class);
    private final Project ops = mock(Project.class);
    private final Project sec = mock(Project.class);
    private final JiraRecordPermissions permissions =
            new JiraRecordPermissions(permissionManager, projectManager, authentication);

    @BeforeEach
    void jira() {
        when(fred.getKey()).thenReturn("u-fred");
        when(ops.getKey()).thenReturn("OPS");
        when(sec.getKey()).thenReturn("SEC");
        when(projectManager.getProjectByCurrentKey("OPS")).thenReturn(ops);
        when(projectManager.getProjectByCurrentKey("SEC")).thenReturn(sec);
        when(permissionManager.getProjects(ProjectPermissions.BROWSE_PROJECTS, fred)).thenReturn(List.of(sec, ops));
        when(permissionManager.hasPermission(ProjectPermissions.BROWSE_PROJECTS, ops, fred)).thenReturn(true);
        when(permissionManager.hasPermission(ProjectPermissions.EDIT_ISSUES, ops, fred)).thenReturn(true);
        when(permissionManager.hasPermission(ProjectPermissions.BROWSE_PROJECTS, sec, fred)).thenReturn(true);
        when(permissionManager.hasPermission(ProjectPermissions.EDIT_ISSUES, sec, fred)).thenReturn(false);
    }

    @Test
    void aLoggedInUserGetsWhatJiraGrants() {
        when(authentication.getLoggedInUser()).thenReturn(fred);
        assertThat(permissions.currentUserKey()).contains("u-fred");
        assertThat(permissions.browsableProjectKeys()).containsExactly("OPS", "SEC");
        assertThat(permissions.canBrowse("OPS")).isTrue();
        assertThat(permissions.canEdit("OPS")).isTrue();
        assertThat(permissions.canBrowse("SEC")).isTrue();
        assertThat(permissions.canEdit("SEC")).isFalse();
        assertThat(permissions.canBrowse("NOPE")).isFalse();
        assertThat(permissions.canEdit("NOPE")).isFalse();
    }

    @Test
    void editWithoutBrowseIsNoEdit() {
        when(authentication.getLoggedInUser()).thenReturn(fred);
        when(permissionManager.hasPermission(ProjectPermissions.BROWSE_PROJECTS, ops, fred)).thenReturn(false);
        assertThat(permissions.canEdit("OPS")).isFalse();
    }

    @Test
    void anonymousGetsNothingAndJiraIsNotAsked() {
        assertThat(permissions.currentUserKey()).isEmpty();
        assertThat(permissions.browsableProjectKeys()).isEmpty();
        assertThat(permissions.canBrowse("OPS")).isFalse();
        assertThat(permissions.canEdit("OPS")).isFalse();
        verify(permissionManager, never()).getProjects(any(), any());
        verify(permissionManager, never()).hasPermission(any(), any(), any());
    }
}
