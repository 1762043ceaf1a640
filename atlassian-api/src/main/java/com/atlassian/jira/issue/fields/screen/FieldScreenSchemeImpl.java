package com.atlassian.jira.issue.fields.screen;

import com.atlassian.jira.issue.operation.IssueOperation;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.screen.FieldScreenSchemeImpl} from
 * {@code com.atlassian.jira:jira-api} 11.3: the constructor {@code FieldScreenSchemeImpl(FieldScreenSchemeManager)} as
 * called by plugin code ({@code new FieldScreenSchemeImpl(fieldScreenSchemeManager)}) [V-use; the indexed jira-api
 * source of an older Jira has only the {@code (FieldScreenSchemeManager, GenericValue)} constructor]. Compile-only:
 * every member throws.
 */
public class FieldScreenSchemeImpl implements FieldScreenScheme {

    public FieldScreenSchemeImpl(FieldScreenSchemeManager fieldScreenSchemeManager) {
    }

    private static UnsupportedOperationException standIn() {
        return new UnsupportedOperationException("compile-only stand-in for Jira's FieldScreenSchemeImpl");
    }

    @Override
    public Long getId() {
        throw standIn();
    }

    @Override
    public void setName(String name) {
        throw standIn();
    }

    @Override
    public void setDescription(String description) {
        throw standIn();
    }

    @Override
    public FieldScreenSchemeItem getFieldScreenSchemeItem(IssueOperation issueOperation) {
        throw standIn();
    }

    @Override
    public void addFieldScreenSchemeItem(FieldScreenSchemeItem fieldScreenSchemeItem) {
        throw standIn();
    }

    @Override
    public void store() {
        throw standIn();
    }
}
