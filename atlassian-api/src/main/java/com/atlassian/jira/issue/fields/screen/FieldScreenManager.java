package com.atlassian.jira.issue.fields.screen;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.screen.FieldScreenManager} from {@code com.atlassian.jira:jira-api}
 * 11.3 (reference atlassian-api.md §2.7: {@code getFieldScreen(Long)}, null when unknown). Only the members Fail
 * Forward calls.
 */
public interface FieldScreenManager {
    FieldScreen getFieldScreen(Long id);
}
