package com.atlassian.jira.issue.customfields.option;

/**
 * Stand-in for {@code com.atlassian.jira.issue.customfields.option.Option} from {@code com.atlassian.jira:jira-api}
 * 11.3 (reference atlassian-api.md §2.7, OptionsManager); only the members Fail Forward calls. A select field's value.
 */
public interface Option {
    Long getOptionId();

    /** The option's display text. */
    String getValue();
}
