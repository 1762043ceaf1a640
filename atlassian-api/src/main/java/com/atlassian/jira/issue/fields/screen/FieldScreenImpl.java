package com.atlassian.jira.issue.fields.screen;

import java.util.List;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.screen.FieldScreenImpl} from {@code com.atlassian.jira:jira-api}
 * 11.3: the constructor {@code FieldScreenImpl(FieldScreenManager)} as in the indexed jira-api source and in plugin
 * code ({@code new FieldScreenImpl(fieldScreenManager)}) [V-use]. Compile-only: every member throws.
 */
public class FieldScreenImpl implements FieldScreen {

    public FieldScreenImpl(FieldScreenManager fieldScreenManager) {
    }

    private static UnsupportedOperationException standIn() {
        return new UnsupportedOperationException("compile-only stand-in for Jira's FieldScreenImpl");
    }

    @Override
    public Long getId() {
        throw standIn();
    }

    @Override
    public String getName() {
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
    public List<FieldScreenTab> getTabs() {
        throw standIn();
    }

    @Override
    public FieldScreenTab addTab(String tabName) {
        throw standIn();
    }

    @Override
    public boolean containsField(String fieldId) {
        throw standIn();
    }

    @Override
    public void removeFieldScreenLayoutItem(String fieldId) {
        throw standIn();
    }

    @Override
    public void store() {
        throw standIn();
    }
}
