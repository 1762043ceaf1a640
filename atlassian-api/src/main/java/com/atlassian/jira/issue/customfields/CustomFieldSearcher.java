package com.atlassian.jira.issue.customfields;

/**
 * Stand-in for {@code com.atlassian.jira.issue.customfields.CustomFieldSearcher} from {@code com.atlassian.jira:jira-api}
 * 11.3 (the real interface extends {@code IssueSearcher<CustomField>}). Fail Forward calls none of its members.
 */
public interface CustomFieldSearcher {
}
