package com.atlassian.jira.issue.operation;

/**
 * Stand-in for {@code com.atlassian.jira.issue.operation.ScreenableIssueOperation} ({@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against the indexed jira-api source (an {@link IssueOperation} an
 * admin can give a screen: create, edit, view). Only the members Fail Forward calls.
 */
public interface ScreenableIssueOperation extends IssueOperation {
    Long getId();
}
