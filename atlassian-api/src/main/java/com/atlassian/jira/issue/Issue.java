package com.atlassian.jira.issue;

import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.project.Project;

/**
 * Stand-in for {@code com.atlassian.jira.issue.Issue} from {@code com.atlassian.jira:jira-api} 11.3 (reference
 * atlassian-api.md §2.7); only the members Fail Forward calls. The real interface extends further Jira types.
 */
public interface Issue {
    Long getId();

    String getKey();

    String getSummary();

    IssueType getIssueType();

    Project getProjectObject();

    java.sql.Timestamp getCreated();

    /** The value's type depends on the field: String for text fields, Timestamp for date-time, Option for selects, Double for numbers. */
    Object getCustomFieldValue(CustomField customField);
}
