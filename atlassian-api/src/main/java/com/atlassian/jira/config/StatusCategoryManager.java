package com.atlassian.jira.config;

import com.atlassian.jira.issue.status.category.StatusCategory;

/**
 * Stand-in for {@code com.atlassian.jira.config.StatusCategoryManager} (since 6.1) from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against the indexed jira-api source of the interface
 * ({@code getStatusCategoryByKey(String)}, null when unknown). Only the members Fail Forward calls.
 */
public interface StatusCategoryManager {
    StatusCategory getStatusCategoryByKey(String key);
}
