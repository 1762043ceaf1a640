package com.atlassian.jira.issue.fields.config;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.config.FieldConfig} from {@code com.atlassian.jira:jira-api} 11.3.
 * Fail Forward calls none of its members; it passes it to the options manager.
 */
public interface FieldConfig {
}
