package com.atlassian.jira.issue.fields.screen;

import com.atlassian.jira.issue.operation.ScreenableIssueOperation;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.screen.FieldScreenSchemeItem} ({@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against docs.atlassian.com/jira/server (FieldScreenSchemeItem) and the indexed jira-api source
 * ({@code setIssueOperation(ScreenableIssueOperation)}; a {@code null} operation is the scheme's default).
 * Only the members Fail Forward calls.
 */
public interface FieldScreenSchemeItem {
    Long getFieldScreenId();

    ScreenableIssueOperation getIssueOperation();

    void setIssueOperation(ScreenableIssueOperation issueOperation);

    void setFieldScreen(FieldScreen fieldScreen);

    void store();
}
