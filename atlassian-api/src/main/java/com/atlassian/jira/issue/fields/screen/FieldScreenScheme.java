package com.atlassian.jira.issue.fields.screen;

import com.atlassian.jira.issue.operation.IssueOperation;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.screen.FieldScreenScheme} ({@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against docs.atlassian.com/jira/7.0.8 (FieldScreenScheme) and the
 * indexed source of {@code FieldScreenSchemeImpl} ({@code addFieldScreenSchemeItem} stores the item; a {@code null}
 * operation is the default). Only the members Fail Forward calls.
 */
public interface FieldScreenScheme {
    Long getId();

    void setName(String name);

    void setDescription(String description);

    FieldScreenSchemeItem getFieldScreenSchemeItem(IssueOperation issueOperation);

    void addFieldScreenSchemeItem(FieldScreenSchemeItem fieldScreenSchemeItem);

    void store();
}
