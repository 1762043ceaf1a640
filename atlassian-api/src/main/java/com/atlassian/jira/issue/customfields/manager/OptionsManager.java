package com.atlassian.jira.issue.customfields.manager;

import com.atlassian.jira.issue.customfields.option.Option;
import com.atlassian.jira.issue.fields.config.FieldConfig;

/**
 * Stand-in for {@code com.atlassian.jira.issue.customfields.manager.OptionsManager} from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against the indexed jira-api source of the interface
 * ({@code createOption(FieldConfig, Long parentOptionId, Long sequence, String value)},
 * {@code findByOptionId(Long)}; reference atlassian-api.md §2.7). Only the members Fail Forward calls.
 */
public interface OptionsManager {
    Option createOption(FieldConfig fieldConfig, Long parentOptionId, Long sequence, String value);

    Option findByOptionId(Long optionId);
}
