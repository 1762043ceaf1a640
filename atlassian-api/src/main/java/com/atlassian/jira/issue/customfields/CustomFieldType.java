package com.atlassian.jira.issue.customfields;

/**
 * Stand-in for {@code com.atlassian.jira.issue.customfields.CustomFieldType<T, S>} ({@code @PublicApi @PublicSpi}) from
 * {@code com.atlassian.jira:jira-api} 11.3 (docs.atlassian.com/jira/latest: {@code T} transport object, {@code S}
 * singular form). Fail Forward calls none of its members; it looks types up by key.
 */
public interface CustomFieldType<T, S> {
}
