package com.atlassian.jira.issue.fields.screen;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.screen.FieldScreenSchemeItem} ({@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against docs.atlassian.com/jira/server (FieldScreenSchemeItem).
 * Only the members Fail Forward calls.
 */
public interface FieldScreenSchemeItem {
    Long getFieldScreenId();

    void setFieldScreen(FieldScreen fieldScreen);

    void store();
}
