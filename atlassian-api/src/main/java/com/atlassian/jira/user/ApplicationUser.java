package com.atlassian.jira.user;

/**
 * Stand-in for {@code com.atlassian.jira.user.ApplicationUser} from {@code com.atlassian.jira:jira-api} 11.3
 * (reference atlassian-api.md §2.7); only the members Fail Forward calls.
 */
public interface ApplicationUser {
    String getKey();

    String getUsername();

    String getDisplayName();
}
