package com.atlassian.jira.issue.link;

/**
 * Stand-in for {@code com.atlassian.jira.issue.link.IssueLinkType} from {@code com.atlassian.jira:jira-api} 11.3. Only
 * the members Fail Forward calls.
 */
public interface IssueLinkType {
    Long getId();

    String getName();
}
