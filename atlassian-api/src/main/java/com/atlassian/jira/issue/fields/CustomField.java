package com.atlassian.jira.issue.fields;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.CustomField} from {@code com.atlassian.jira:jira-api} 11.3
 * (reference atlassian-api.md §2.7); only the members Fail Forward calls.
 */
public interface CustomField {
    /** e.g. {@code customfield_10100} */
    String getId();

    Long getIdAsLong();

    String getName();
}
