package com.atlassian.jira.issue.fields.screen.issuetype;

import com.atlassian.jira.config.ConstantsManager;
import com.atlassian.jira.issue.fields.screen.FieldScreenScheme;
import com.atlassian.jira.issue.fields.screen.FieldScreenSchemeManager;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.screen.issuetype.IssueTypeScreenSchemeEntityImpl} from
 * {@code com.atlassian.jira:jira-api} 11.3: the constructor
 * {@code (IssueTypeScreenSchemeManager, FieldScreenSchemeManager, ConstantsManager)} as called by plugin code [V-use;
 * older Jira source has {@code (manager, GenericValue, FieldScreenSchemeManager, ConstantsManager)}]. Compile-only:
 * every member throws.
 */
public class IssueTypeScreenSchemeEntityImpl implements IssueTypeScreenSchemeEntity {

    public IssueTypeScreenSchemeEntityImpl(IssueTypeScreenSchemeManager issueTypeScreenSchemeManager,
                                           FieldScreenSchemeManager fieldScreenSchemeManager,
                                           ConstantsManager constantsManager) {
    }

    private static UnsupportedOperationException standIn() {
        return new UnsupportedOperationException("compile-only stand-in for Jira's IssueTypeScreenSchemeEntityImpl");
    }

    @Override
    public Long getFieldScreenSchemeId() {
        throw standIn();
    }

    @Override
    public void setIssueTypeId(String issueTypeId) {
        throw standIn();
    }

    @Override
    public void setFieldScreenScheme(FieldScreenScheme fieldScreenScheme) {
        throw standIn();
    }

    @Override
    public void store() {
        throw standIn();
    }
}
