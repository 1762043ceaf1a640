package com.atlassian.jira.issue.fields;

import com.atlassian.jira.issue.fields.config.FieldConfigScheme;

import java.util.List;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.CustomField} from {@code com.atlassian.jira:jira-api} 11.3
 * (reference atlassian-api.md §2.7); only the members Fail Forward calls.
 */
public interface CustomField {
    /** e.g. {@code customfield_10100} */
    String getId();

    Long getIdAsLong();

    String getName();

    /**
     * The field's contexts (reference atlassian-api.md §2.7: {@code getConfigurationSchemes()} then
     * {@code getOneAndOnlyConfig()} gives the config that holds a select field's options). Abstract in Jira; a
     * {@code default} here only so that test fakes implementing this stand-in need not declare it.
     */
    default List<FieldConfigScheme> getConfigurationSchemes() {
        throw new UnsupportedOperationException("compile-only stand-in for Jira's CustomField");
    }
}
