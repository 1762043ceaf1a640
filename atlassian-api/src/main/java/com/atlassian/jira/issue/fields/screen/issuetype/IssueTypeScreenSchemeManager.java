package com.atlassian.jira.issue.fields.screen.issuetype;

import com.atlassian.jira.project.Project;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.screen.issuetype.IssueTypeScreenSchemeManager} ({@code @PublicApi})
 * from {@code com.atlassian.jira:jira-api} 11.3; checked against the indexed jira-api source of the interface. A
 * project has exactly one issue type screen scheme: Jira's own action removes the old association before adding the
 * new one. Only the members Fail Forward calls.
 */
public interface IssueTypeScreenSchemeManager {
    IssueTypeScreenScheme getIssueTypeScreenScheme(Long id);

    IssueTypeScreenScheme getIssueTypeScreenScheme(Project project);

    void addSchemeAssociation(Project project, IssueTypeScreenScheme issueTypeScreenScheme);

    void removeSchemeAssociation(Project project, IssueTypeScreenScheme issueTypeScreenScheme);
}
