package com.atlassian.jira.issue.operation;

/**
 * Stand-in for {@code com.atlassian.jira.issue.operation.IssueOperation} from {@code com.atlassian.jira:jira-api} 11.3.
 * Fail Forward calls none of its members; {@code null} stands for a screen scheme's default operation.
 */
public interface IssueOperation {
}
