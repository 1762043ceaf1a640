package com.atlassian.jira.issue.fields.screen;

import com.atlassian.jira.issue.operation.ScreenableIssueOperation;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.screen.FieldScreenSchemeItemImpl} from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against the indexed jira-api source
 * ({@code FieldScreenSchemeItemImpl(FieldScreenSchemeManager, FieldScreenManager)}). Compile-only: every member throws.
 */
public class FieldScreenSchemeItemImpl implements FieldScreenSchemeItem {

    public FieldScreenSchemeItemImpl(FieldScreenSchemeManager fieldScreenSchemeManager, FieldScreenManager fieldScreenManager) {
    }

    private static UnsupportedOperationException standIn() {
        return new UnsupportedOperationException("compile-only stand-in for Jira's FieldScreenSchemeItemImpl");
    }

    @Override
    public Long getFieldScreenId() {
        throw standIn();
    }

    @Override
    public ScreenableIssueOperation getIssueOperation() {
        throw standIn();
    }

    @Override
    public void setIssueOperation(ScreenableIssueOperation issueOperation) {
        throw standIn();
    }

    @Override
    public void setFieldScreen(FieldScreen fieldScreen) {
        throw standIn();
    }

    @Override
    public void store() {
        throw standIn();
    }
}
