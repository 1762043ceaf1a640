package com.atlassian.jira.issue;

import com.atlassian.jira.issue.fields.CustomField;

/**
 * Stand-in for {@code com.atlassian.jira.issue.MutableIssue} from {@code com.atlassian.jira:jira-api} 11.3 (reference
 * atlassian-api.md §2.7); only the members Fail Forward calls.
 */
public interface MutableIssue extends Issue {
    void setCustomFieldValue(CustomField customField, Object value);
}
