package com.atlassian.jira.issue.fields.screen;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.screen.FieldScreenTab} from {@code com.atlassian.jira:jira-api}
 * 11.3 (reference atlassian-api.md §2.7: {@code addFieldScreenLayoutItem(String fieldId)}). Only the members Fail
 * Forward calls.
 */
public interface FieldScreenTab {
    String getName();

    void addFieldScreenLayoutItem(String fieldId);
}
