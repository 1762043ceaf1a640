package com.atlassian.jira.issue.status.category;

/**
 * Stand-in for {@code com.atlassian.jira.issue.status.category.StatusCategory} from {@code com.atlassian.jira:jira-api}
 * 11.3. Fail Forward calls none of its members; it looks categories up by key ({@code new}, {@code indeterminate},
 * {@code done}) through {@link com.atlassian.jira.config.StatusCategoryManager}.
 */
public interface StatusCategory {
}
