package com.atlassian.jira.permission;

import com.atlassian.jira.security.plugin.ProjectPermissionKey;

/**
 * Stand-in for {@code com.atlassian.jira.permission.ProjectPermissions} from {@code com.atlassian.jira:jira-api} 11.3;
 * only the constants Fail Forward reads ({@code public static final ProjectPermissionKey BROWSE_PROJECTS, EDIT_ISSUES, CREATE_ISSUES, ADMINISTER_PROJECTS, DELETE_ISSUES},
 * docs.atlassian.com/jira/latest/com/atlassian/jira/permission/ProjectPermissions.html).
 */
public class ProjectPermissions {
    public static final ProjectPermissionKey BROWSE_PROJECTS = new ProjectPermissionKey("BROWSE_PROJECTS");
    public static final ProjectPermissionKey EDIT_ISSUES = new ProjectPermissionKey("EDIT_ISSUES");
    public static final ProjectPermissionKey CREATE_ISSUES = new ProjectPermissionKey("CREATE_ISSUES");
    public static final ProjectPermissionKey ADMINISTER_PROJECTS = new ProjectPermissionKey("ADMINISTER_PROJECTS");
    public static final ProjectPermissionKey DELETE_ISSUES = new ProjectPermissionKey("DELETE_ISSUES");
}
