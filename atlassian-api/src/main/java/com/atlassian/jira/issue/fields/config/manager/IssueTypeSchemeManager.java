package com.atlassian.jira.issue.fields.config.manager;

import com.atlassian.jira.issue.fields.config.FieldConfigScheme;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.project.Project;

import java.util.Collection;
import java.util.List;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.config.manager.IssueTypeSchemeManager} from
 * {@code com.atlassian.jira:jira-api} 11.3 (reference atlassian-api.md §2.7, Jira 8.8 implementation; the indexed
 * jira-api source of the interface adds {@code isDefaultIssueTypeScheme(FieldConfigScheme)} and
 * {@code addOptionToDefault(String)}). Issue type schemes are {@link FieldConfigScheme}s whose options are issue type
 * ids. Only the members Fail Forward calls.
 */
public interface IssueTypeSchemeManager {
    FieldConfigScheme create(String schemeName, String schemeDescription, List<String> optionIds);

    FieldConfigScheme update(FieldConfigScheme configScheme, Collection<String> optionIds);

    boolean isDefaultIssueTypeScheme(FieldConfigScheme configScheme);

    void addOptionToDefault(String id);

    FieldConfigScheme getConfigScheme(Project project);

    Collection<IssueType> getIssueTypesForProject(Project project);
}
