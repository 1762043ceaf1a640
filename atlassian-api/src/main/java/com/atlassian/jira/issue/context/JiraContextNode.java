package com.atlassian.jira.issue.context;

/**
 * Stand-in for {@code com.atlassian.jira.issue.context.JiraContextNode} from {@code com.atlassian.jira:jira-api} 11.3.
 * Fail Forward calls none of its members.
 */
public interface JiraContextNode {
}
