package com.atlassian.jira.issue.operation;

/**
 * Stand-in for {@code com.atlassian.jira.issue.operation.IssueOperations} ({@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against the indexed jira-api source ({@code public static final
 * ScreenableIssueOperation CREATE_ISSUE_OPERATION}, id 0; the real constant is a {@code ScreenableSingleIssueOperationImpl}).
 * Only the members Fail Forward calls.
 */
public class IssueOperations {
    public static final ScreenableIssueOperation CREATE_ISSUE_OPERATION = () -> 0L;
}
