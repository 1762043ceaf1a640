package com.atlassian.jira.issue.fields.config;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.config.FieldConfigScheme} from {@code com.atlassian.jira:jira-api}
 * 11.3 (reference atlassian-api.md §2.7: {@code getOneAndOnlyConfig()}). A custom field's context, and also an issue
 * type scheme. Only the members Fail Forward calls.
 */
public interface FieldConfigScheme {
    Long getId();

    FieldConfig getOneAndOnlyConfig();
}
