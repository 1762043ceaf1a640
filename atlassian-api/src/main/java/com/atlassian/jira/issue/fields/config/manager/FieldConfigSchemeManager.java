package com.atlassian.jira.issue.fields.config.manager;

import com.atlassian.jira.issue.fields.config.FieldConfigScheme;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.config.manager.FieldConfigSchemeManager} from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against the indexed jira-api source of the interface
 * ({@code getFieldConfigScheme(Long configSchemeId)}). Only the members Fail Forward calls.
 */
public interface FieldConfigSchemeManager {
    FieldConfigScheme getFieldConfigScheme(Long configSchemeId);
}
