package com.atlassian.jira.issue.status;

/**
 * Stand-in for {@code com.atlassian.jira.issue.status.Status} from {@code com.atlassian.jira:jira-api} 11.3 (the real
 * interface extends {@code IssueConstant}, which declares these getters). Only the members Fail Forward calls.
 */
public interface Status {
    String getId();

    String getName();
}
