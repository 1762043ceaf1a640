package com.atlassian.jira.issue.fields.screen.issuetype;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.screen.issuetype.IssueTypeScreenSchemeImpl} from
 * {@code com.atlassian.jira:jira-api} 11.3: the constructor {@code IssueTypeScreenSchemeImpl(IssueTypeScreenSchemeManager)}
 * as called by plugin code [V-use; older Jira source has only the {@code (manager, GenericValue)} constructor].
 * Compile-only: every member throws.
 */
public class IssueTypeScreenSchemeImpl implements IssueTypeScreenScheme {

    public IssueTypeScreenSchemeImpl(IssueTypeScreenSchemeManager issueTypeScreenSchemeManager) {
    }

    private static UnsupportedOperationException standIn() {
        return new UnsupportedOperationException("compile-only stand-in for Jira's IssueTypeScreenSchemeImpl");
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
    public IssueTypeScreenSchemeEntity getEntity(String issueTypeId) {
        throw standIn();
    }

    @Override
    public void addEntity(IssueTypeScreenSchemeEntity issueTypeScreenSchemeEntity) {
        throw standIn();
    }

    @Override
    public void store() {
        throw standIn();
    }
}
