package com.atlassian.jira.security.plugin;

import java.util.Objects;

/**
 * Stand-in for {@code com.atlassian.jira.security.plugin.ProjectPermissionKey} from {@code com.atlassian.jira:jira-api}
 * 11.3; only the members Fail Forward calls. A final value class with a {@code public ProjectPermissionKey(String)}
 * constructor and value equality (checked against jira-api source indexed by the search tool and
 * docs.atlassian.com/jira/latest {@code ProjectPermissions}, whose constants are of this type).
 */
public final class ProjectPermissionKey {

    private final String permissionKey;

    public ProjectPermissionKey(String permissionKey) {
        this.permissionKey = Objects.requireNonNull(permissionKey);
    }

    public String permissionKey() {
        return permissionKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectPermissionKey other && permissionKey.equals(other.permissionKey);
    }

    @Override
    public int hashCode() {
        return permissionKey.hashCode();
    }

    @Override
    public String toString() {
        return permissionKey;
    }
}
