package com.atlassian.jira.issue.fields.screen.issuetype;

import com.atlassian.jira.issue.fields.screen.FieldScreenScheme;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.screen.issuetype.IssueTypeScreenSchemeEntity} ({@code @PublicApi})
 * from {@code com.atlassian.jira:jira-api} 11.3; checked against the indexed jira-api source. Only the members Fail
 * Forward calls.
 */
public interface IssueTypeScreenSchemeEntity {
    Long getFieldScreenSchemeId();

    void setIssueTypeId(String issueTypeId);

    void setFieldScreenScheme(FieldScreenScheme fieldScreenScheme);

    void store();
}
