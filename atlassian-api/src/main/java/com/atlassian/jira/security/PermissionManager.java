package com.atlassian.jira.security;

import com.atlassian.jira.project.Project;
import com.atlassian.jira.security.plugin.ProjectPermissionKey;
import com.atlassian.jira.user.ApplicationUser;

import java.util.Collection;

/**
 * Stand-in for {@code com.atlassian.jira.security.PermissionManager} from {@code com.atlassian.jira:jira-api} 11.3
 * ({@code @PublicApi}); only the members Fail Forward calls, as listed on
 * docs.atlassian.com/jira/latest/com/atlassian/jira/security/PermissionManager.html and implemented by Jira's
 * {@code DefaultPermissionManager}.
 */
public interface PermissionManager {
    /** Whether the user (null = anonymous) has the project permission in the project. */
    boolean hasPermission(ProjectPermissionKey permissionKey, Project project, ApplicationUser user);

    /** The projects in which the user (null = anonymous) has the permission. */
    Collection<Project> getProjects(ProjectPermissionKey permissionKey, ApplicationUser user);
}
