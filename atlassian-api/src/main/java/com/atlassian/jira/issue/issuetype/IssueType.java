package com.atlassian.jira.issue.issuetype;

/**
 * Stand-in for {@code com.atlassian.jira.issue.issuetype.IssueType} from {@code com.atlassian.jira:jira-api} 11.3
 * (reference atlassian-api.md §2.7); only the members Fail Forward calls.
 */
public interface IssueType {
    String getId();

    String getName();

    /** Whether this is a sub-task type (which needs a parent issue). */
    boolean isSubTask();
}
