package com.atlassian.jira.issue.fields.screen.issuetype;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.screen.issuetype.IssueTypeScreenScheme} ({@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against the indexed jira-api source ({@code DEFAULT_SCHEME_ID = 1L},
 * {@code getEntity(String issueTypeId)}, {@code addEntity} stores the entity; a {@code null} issue type id is the
 * default entry). Only the members Fail Forward calls.
 */
public interface IssueTypeScreenScheme {
    Long DEFAULT_SCHEME_ID = 1L;

    Long getId();

    void setName(String name);

    void setDescription(String description);

    IssueTypeScreenSchemeEntity getEntity(String issueTypeId);

    void addEntity(IssueTypeScreenSchemeEntity issueTypeScreenSchemeEntity);

    void store();
}
