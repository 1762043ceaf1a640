package com.atlassian.jira.issue.fields.screen;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.screen.FieldScreenSchemeManager} ({@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against docs.atlassian.com/jira/latest (FieldScreenSchemeManager:
 * {@code static Long DEFAULT_FIELD_SCREEN_SCHEME_ID}, {@code getFieldScreenScheme(Long)}); the constant's value 1 is
 * Jira's default screen scheme [U]. Only the members Fail Forward calls.
 */
public interface FieldScreenSchemeManager {
    Long DEFAULT_FIELD_SCREEN_SCHEME_ID = 1L;

    FieldScreenScheme getFieldScreenScheme(Long id);
}
