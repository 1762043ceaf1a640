package com.atlassian.jira.avatar;

/**
 * Stand-in for {@code com.atlassian.jira.avatar.Avatar} ({@code @PublicApi}) from {@code com.atlassian.jira:jira-api}
 * 11.3. Only the members Fail Forward calls.
 */
public interface Avatar {
    Long getId();
}
